package nas4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCsvTest {
  static final SpaceIndex SPACE = SpaceIndex.shared();
  static final String HEADER = "hash,trainable_parameters,validation_accuracy_4,validation_accuracy_108,"
      + "training_time_108\n";

  @TempDir
  Path dir;

  Path write(String text) throws IOException {
    Path f = dir.resolve("s.csv");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readsValuesByHash() throws IOException {
    String a = SPACE.hash(10).toString();
    String b = SPACE.hash(20).toString();
    Path f = write(HEADER + a + ",1,0.5,0.91,1500.5\n" + b + ",1,0.4,0.875,1200\n");
    LandscapeValues v = SampleCsv.read(f, SPACE, 108);
    assertThat(v.count()).isEqualTo(2);
    assertThat(v.ids()).containsExactly(10, 20);
    assertThat(v.validation(10)).isCloseTo(0.91, within(1e-6));
    assertThat(v.time(20)).isEqualTo(1200);
    assertThat(v.hasTest()).isFalse();
    LandscapeValues four = SampleCsv.read(f, SPACE, 4);
    assertThat(four.validation(20)).isCloseTo(0.4, within(1e-6));
    assertThat(four.hasTime()).isFalse();
  }

  @Test
  void errorsNameFileLineAndRule() throws IOException {
    String a = SPACE.hash(10).toString();
    assertThatThrownBy(() -> SampleCsv.read(write("hash,x\n"), SPACE, 108))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":1:")
        .hasMessageContaining("validation_accuracy_108");
    assertThatThrownBy(() -> SampleCsv.read(write(HEADER + a + ",1,0.5,0.9,1\n" + a + ",1,0.5,0.9,1\n"), SPACE, 108))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":3:").hasMessageContaining("twice");
    assertThatThrownBy(() -> SampleCsv.read(write(HEADER + "00000000000000000000000000000000,1,0.5,0.9,1\n"), SPACE,
        108)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":2:")
        .hasMessageContaining("no cell");
    assertThatThrownBy(() -> SampleCsv.read(write(HEADER + a + ",1,0.5,abc,1\n"), SPACE, 108))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":2:")
        .hasMessageContaining("validation_accuracy_108");
    assertThatThrownBy(() -> SampleCsv.read(write(HEADER + a + ",1,0.5\n"), SPACE, 108))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":2:").hasMessageContaining("fields");
  }

  @Test
  void realSampleSupportsOperationEffectsShapesAndDistribution() throws IOException {
    Path f = SharedData.require("nb101/sample-20k.csv");
    LandscapeValues v = SampleCsv.read(f, SPACE, 108);
    assertThat(v.count()).isEqualTo(20_001);
    LandscapeReport.SourceStats s = LandscapeAnalysis.stats(LandscapeAnalysis.SAMPLE, v);
    OperationEffects.Transition c31 = s.operations().get(Op.CONV3X3, Op.CONV1X1);
    OperationEffects.Transition c3p = s.operations().get(Op.CONV3X3, Op.MAXPOOL3X3);
    // pairs with both cells in a 4.7 % sample: about a thousand per direction
    assertThat(c31.pairs()).isBetween(500L, 5000L);
    assertThat(c3p.pairs()).isBetween(500L, 5000L);
    // the paper's direction of the effects: cheaper ops train faster and worse
    assertThat(c31.accuracyMeanPoints()).isNegative();
    assertThat(c31.timeMeanPercent()).isNegative();
    assertThat(c3p.accuracyMeanPoints()).isNegative();
    assertThat(c3p.timeMeanPercent()).isNegative();
    assertThat(s.distribution().cells()).isEqualTo(20_001);
    assertThat(s.distribution().quantiles()).extracting(Distribution.Quantiles::metric)
        .containsExactly("validation_accuracy", "training_time", "trainable_parameters");
    assertThat(s.shape().depth().stream().mapToLong(ShapeEffects.Row::cells).sum()).isEqualTo(20_001);
  }
}
