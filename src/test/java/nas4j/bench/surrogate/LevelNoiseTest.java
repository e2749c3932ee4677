package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelNoiseTest {
  private static final LevelNoise NOISE =
      new LevelNoise(new double[] {0.88, 0.92, 0.94}, new double[] {0.006, 0.004, 0.002}, 0.5, 0.003);

  @Test
  void stdIsPiecewiseLinearConstantAboveAndShrinksToChance() {
    assertThat(NOISE.std(0.88)).isCloseTo(0.006, within(1e-15));
    assertThat(NOISE.std(0.90)).isCloseTo(0.005, within(1e-15)); // halfway between 0.006 and 0.004
    assertThat(NOISE.std(0.93)).isCloseTo(0.003, within(1e-15));
    assertThat(NOISE.std(0.97)).isCloseTo(0.002, within(1e-15));
    assertThat(NOISE.std(0.49)).isCloseTo(0.003, within(1e-15)); // (0.49 − 0.1) / (0.88 − 0.1) = 0.5
    assertThat(NOISE.std(0.1)).isZero();
    assertThat(NOISE.std(0.05)).isZero();
  }

  @Test
  void propertiesRoundTrip() throws Exception {
    LevelNoise back = LevelNoise.fromProperties(NOISE.toProperties(), "x");
    assertThat(back.levels()).containsExactly(0.88, 0.92, 0.94);
    assertThat(back.stds()).containsExactly(0.006, 0.004, 0.002);
    assertThat(back.testCoupling()).isEqualTo(0.5);
    assertThat(back.testRepeatStd()).isEqualTo(0.003);
  }

  private static double[][] cell(double... valThenTest) {
    double[][] r = new double[3][8];
    for (int k = 0; k < 3; k++) {
      r[k][6] = valThenTest[k];
      r[k][7] = valThenTest[3 + k];
    }
    return r;
  }

  @Test
  void estimatePoolsVarianceByLevelGroup() throws Exception {
    // group < 0.90: repeats 0.88 ± 0.002 → sample variance 4e-6 for both cells; pooled std 0.002
    // group [0.92, 0.935): repeats 0.93, 0.93, 0.93 ± ... (0.929, 0.930, 0.931) and (0.926, 0.930, 0.934):
    //   variances 1e-6 and 1.6e-5 → pooled 8.5e-6, std 0.0029155
    // test = validation + constant: coupling 1, rest 0
    List<double[][]> runs = List.of(
        cell(0.878, 0.880, 0.882, 0.870, 0.872, 0.874),
        cell(0.868, 0.870, 0.872, 0.860, 0.862, 0.864),
        cell(0.929, 0.930, 0.931, 0.919, 0.920, 0.921),
        cell(0.926, 0.930, 0.934, 0.916, 0.920, 0.924));
    LevelNoise n = NoiseEstimator.levelNoise(runs, Path.of("x.json"));
    assertThat(n.levels()).hasSize(2);
    assertThat(n.levels()[0]).isCloseTo(0.875, within(1e-12));
    assertThat(n.stds()[0]).isCloseTo(0.002, within(1e-12));
    assertThat(n.levels()[1]).isCloseTo(0.93, within(1e-12));
    assertThat(n.stds()[1]).isCloseTo(Math.sqrt(8.5e-6), within(1e-12));
    assertThat(n.testCoupling()).isCloseTo(1, within(1e-9));
    assertThat(n.testRepeatStd()).isCloseTo(0, within(1e-9));
  }
}
