package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalMapTest {
  @Test
  void meansKeepTheOrderReachTheBestAndImplyTheRealSingleRepeats() {
    int n = 200_000;
    SplittableRandom r = new SplittableRandom(3);
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      score[i] = r.nextDouble();
    }
    // "real" single repeats: cell means normal (0.92, 0.008) plus one repeat's deviation from the mean of three
    // with σ = 0.003 (std 0.003·√(2/3)); the map must recover means close to normal (0.92, 0.008)
    LevelNoise level = new LevelNoise(new double[] {0.5, 0.9}, new double[] {0.003, 0.003}, 0, 0);
    double[] singles = new double[20_000];
    for (int i = 0; i < singles.length; i++) {
      singles[i] = 0.92 + 0.008 * r.nextGaussian() + 0.003 * Math.sqrt(2.0 / 3) * r.nextGaussian();
    }
    double best = 0.96; // above the top real single-repeat quantiles, as the published best is
    double[] mean = MarginalMap.means(score, singles, level, best, 11);
    // order kept
    Integer[] byScore = new Integer[n];
    for (int i = 0; i < n; i++) {
      byScore[i] = i;
    }
    Arrays.sort(byScore, (a, b) -> Double.compare(score[a], score[b]));
    for (int k = 1; k < n; k++) {
      assertThat(mean[byScore[k]]).as("rank %d of %d", k, n).isGreaterThanOrEqualTo(mean[byScore[k - 1]]);
    }
    assertThat(mean[byScore[n - 1]]).isCloseTo(best, within(1e-12));
    // the means' own single repeats (a fresh draw) have the real single-repeat quantiles, while the means are
    // narrower than the singles (deconvolved) and close to N(0.92, 0.008)
    double[] sorted = mean.clone();
    Arrays.sort(sorted);
    double[] again = new double[n];
    SplittableRandom fresh = new SplittableRandom(99);
    for (int i = 0; i < n; i++) {
      again[i] = mean[i] + 0.003 * Math.sqrt(2.0 / 3) * fresh.nextGaussian();
    }
    Arrays.sort(again);
    double[] ss = singles.clone();
    Arrays.sort(ss);
    double[] z = {-1.6449, -0.6745, 0, 0.6745, 1.6449}; // standard normal quantiles at 5, 25, 50, 75, 95 %
    double[] u = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int i = 0; i < u.length; i++) {
      double single = ss[(int) (u[i] * ss.length)];
      assertThat(again[(int) (u[i] * n)]).as("single-repeat quantile %s", u[i]).isCloseTo(single, within(0.0004));
      assertThat(sorted[(int) (u[i] * n)]).as("mean quantile %s", u[i]).isCloseTo(0.92 + 0.008 * z[i], within(0.0008));
    }
    assertThat(sorted[(int) (0.95 * n)] - sorted[(int) (0.05 * n)])
        .isLessThan(ss[(int) (0.95 * ss.length)] - ss[(int) (0.05 * ss.length)]);
  }
}
