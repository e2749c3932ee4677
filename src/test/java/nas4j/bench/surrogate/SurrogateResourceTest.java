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

  static NoiseModel noise() {
    double[] four = {0.1, 0.2, 0.3, 0.4};
    return new NoiseModel(four, four, four, four, four, four, four, four, four, four, four, four, four, four, four,
        four, four);
  }

  @Test
  void handMadeValuesSurviveQuantizationAndTheByteRoundTrip() throws IOException {
    SpaceIndex space = SpaceIndex.shared();
    int n = space.size();
    double[][] val = new double[4][n];
    double[] test = new double[n];
    double[] time = new double[n];
    for (int id = 0; id < n; id++) {
      for (int b = 0; b < 4; b++) {
        val[b][id] = (id % 1000) / 1000.0 * (b + 1) / 4.0; // known values in [0, 1)
      }
      test[id] = 0.5 + (id % 7) / 100.0;
      time[id] = 200 + id % 5000; // seconds, inside the log-scale range
    }
    LevelNoise level = new LevelNoise(new double[] {0.9, 0.94}, new double[] {0.005, 0.002}, 0.6, 0.003);
    SurrogateResource r = SurrogateResource.of(Map.of("identity", "hand made"), val, test, time, noise(), level);
    byte[] bytes = r.toBytes(SurrogateResource.fingerprint(space));
    SurrogateResource back = SurrogateResource.read(new ByteArrayInputStream(bytes), "hand", space);
    double half = 0.5 / 65535;
    // the log-time code has 65,535 steps over ln(1000): a relative step of 1.05e-4
    for (int id = 0; id < n; id += 101) {
      for (int b = 0; b < 4; b++) {
        assertThat(back.meanValidation(b, id)).isCloseTo((id % 1000) / 1000.0 * (b + 1) / 4.0, within(half + 1e-12));
      }
      assertThat(back.meanTest108(id)).isCloseTo(0.5 + (id % 7) / 100.0, within(half + 1e-12));
      assertThat(back.meanTime108(id)).isCloseTo(200 + id % 5000, within((200 + id % 5000) * 6e-5));
    }
    assertThat(back.noise().validationRepeatStd()).containsExactly(0.1, 0.2, 0.3, 0.4);
    assertThat(back.level().levels()).containsExactly(0.9, 0.94);
    assertThat(back.level().stds()).containsExactly(0.005, 0.002);
    assertThat(back.level().testCoupling()).isEqualTo(0.6);
    assertThat(back.properties()).containsEntry("identity", "hand made");
    // same content, same bytes
    assertThat(Arrays.equals(bytes, SurrogateResource.of(Map.of("identity", "hand made"), val, test, time, noise(),
        level).toBytes(SurrogateResource.fingerprint(space)))).isTrue();
  }

  @Test
  void theCommittedResourceCoversTheSpace() throws IOException {
    SpaceIndex space = SpaceIndex.shared();
    SurrogateResource r = SurrogateResource.read(new ByteArrayInputStream(committed()), "committed", space);
    assertThat(r.cells()).isEqualTo(SpaceIndex.UNIQUE_CELLS);
    assertThat(r.properties()).containsEntry("identity", SurrogateBenchmark.RESOURCE_IDENTITY);
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
