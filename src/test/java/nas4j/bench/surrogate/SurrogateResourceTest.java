package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.Test;

class SurrogateResourceTest {
  static byte[] committed() throws IOException {
    try (InputStream in = SurrogateResourceTest.class.getResourceAsStream(SurrogateResource.RESOURCE)) {
      return in.readAllBytes();
    }
  }

  @Test
  void rewritingTheCommittedResourceGivesTheSameBytes() throws IOException {
    SpaceIndex space = SpaceIndex.shared();
    byte[] bytes = committed();
    SurrogateResource r = SurrogateResource.read(new ByteArrayInputStream(bytes), "committed", space);
    byte[] again = r.toBytes(SurrogateResource.fingerprint(space));
    assertThat(Arrays.equals(bytes, again)).isTrue();
    assertThat(r.cells()).isEqualTo(space.size());
  }

  @Test
  void quantizationKeepsPredictionsCloseAndNoiseExact() throws IOException {
    SpaceIndex space = SpaceIndex.shared();
    SurrogateResource r = SurrogateResource.read(new ByteArrayInputStream(committed()), "committed", space);
    int n = space.size();
    double[][] val = new double[4][n];
    double[] time = new double[n];
    for (int id = 0; id < n; id++) {
      for (int b = 0; b < 4; b++) {
        val[b][id] = r.meanValidation(b, id);
      }
      time[id] = r.meanTime108(id);
    }
    SurrogateResource q = SurrogateResource.of(Map.of("identity", "x"), val, time, r.noise());
    for (int id = 0; id < n; id += 113) {
      for (int b = 0; b < 4; b++) {
        assertThat(q.meanValidation(b, id)).isEqualTo(r.meanValidation(b, id));
      }
      assertThat(q.meanTime108(id)).isCloseTo(r.meanTime108(id), within(r.meanTime108(id) * 1e-9));
    }
    assertThat(q.noise().toProperties()).isEqualTo(r.noise().toProperties());
    NoiseModel back = NoiseModel.fromProperties(r.noise().toProperties(), "props");
    assertThat(back.toProperties()).isEqualTo(r.noise().toProperties());
  }

  @Test
  void badInputIsReportedWithItsLocation() throws IOException {
    SpaceIndex space = SpaceIndex.shared();
    assertThatThrownBy(() -> SurrogateResource.read(new ByteArrayInputStream("NOTASURROGATE".getBytes()), "f.bin", space))
        .isInstanceOf(IOException.class).hasMessageContaining("f.bin").hasMessageContaining("magic");
    byte[] bytes = committed();
    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> SurrogateResource.read(new ByteArrayInputStream(cut), "cut.bin", space))
        .isInstanceOf(IOException.class).hasMessageContaining("cut.bin");
  }
}
