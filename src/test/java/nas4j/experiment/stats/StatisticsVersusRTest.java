package nas4j.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The statistics against R 4.2.2 (Debian's r-base-core). Each expected number was printed by the R call written
 * next to it (R is not needed to run the tests), or comes from a published table or a hand computation.
 */
class StatisticsVersusRTest {
  static final double[] X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  static final double[] Y = {1.15, 0.88, 0.90, 0.74, 1.21};

  @Test
  void rankSumExactSmallSamples() {
    // R's ?wilcox.test example (Hollander & Wolfe):
    // wilcox.test(x, y, exact=TRUE) → W = 35, p-value = 0.254412254412254
    RankSum r = RankSum.test(X, Y);
    assertThat(r.u()).isEqualTo(35.0);
    assertThat(r.p()).isCloseTo(0.254412254412254, within(1e-12));
    assertThat(r.method()).isEqualTo("exact");
  }

  @Test
  void rankSumWithTiesIsNormalWithTieAndContinuityCorrection() {
    // x2 <- c(1,2,2,3,4,5,5,6); y2 <- c(3,4,4,5,6,7,7,8,9)
    // wilcox.test(x2, y2, exact=FALSE, correct=TRUE) → W = 14, p-value = 0.0371401262343953
    RankSum r = RankSum.test(new double[] {1, 2, 2, 3, 4, 5, 5, 6}, new double[] {3, 4, 4, 5, 6, 7, 7, 8, 9});
    assertThat(r.u()).isEqualTo(14.0);
    assertThat(r.p()).isCloseTo(0.0371401262343953, within(1e-12));
    assertThat(r.method()).isEqualTo("normal");
    // regrets with a point mass at 0, as a search ends:
    // x4 <- c(0,0,0,0.001,0.002,0.002,0.003); y4 <- c(0,0.002,0.004,0.004,0.005,0.006)
    // wilcox.test(x4, y4, exact=FALSE, correct=TRUE) → W = 7.5, p-value = 0.0578763990052448
    RankSum z = RankSum.test(new double[] {0, 0, 0, 0.001, 0.002, 0.002, 0.003},
        new double[] {0, 0.002, 0.004, 0.004, 0.005, 0.006});
    assertThat(z.u()).isEqualTo(7.5);
    assertThat(z.p()).isCloseTo(0.0578763990052448, within(1e-12));
  }

  @Test
  void rankSumLargeSamplesAreNormal() {
    // x3 <- (((1:60)*37) %% 101)/10; y3 <- (((1:55)*53) %% 103)/10 + 0.5   (a few tied values)
    // wilcox.test(x3, y3, exact=FALSE, correct=TRUE) → W = 1605.5, p-value = 0.805397552032776
    double[] x = new double[60];
    double[] y = new double[55];
    for (int i = 1; i <= 60; i++) {
      x[i - 1] = (i * 37 % 101) / 10.0;
    }
    for (int j = 1; j <= 55; j++) {
      y[j - 1] = (j * 53 % 103) / 10.0 + 0.5;
    }
    RankSum r = RankSum.test(x, y);
    assertThat(r.u()).isEqualTo(1605.5);
    assertThat(r.p()).isCloseTo(0.805397552032776, within(1e-12));
    assertThat(r.method()).isEqualTo("normal");
  }

  @Test
  void allTiedSamplesHaveNoEvidenceOfADifference() {
    RankSum r = RankSum.test(new double[] {0, 0, 0}, new double[] {0, 0});
    assertThat(r.p()).isEqualTo(1.0);
    assertThat(r.method()).isEqualTo("all-tied");
    assertThat(RankSum.a12Lower(new double[] {0, 0, 0}, new double[] {0, 0})).isEqualTo(0.5);
  }

  @Test
  void a12ByHandAndFromRsStatistic() {
    // x = {1,2,3}, y = {2,3,4}: 6 of 9 pairs have x < y, 2 are ties → (6 + 1) / 9
    assertThat(RankSum.a12Lower(new double[] {1, 2, 3}, new double[] {2, 3, 4})).isCloseTo(7.0 / 9, within(1e-15));
    assertThat(RankSum.a12Lower(new double[] {2, 3, 4}, new double[] {1, 2, 3})).isCloseTo(2.0 / 9, within(1e-15));
    // R's W counts pairs with x > y (ties ½): A12(x lower) = 1 − W / (m n) = 1 − 35 / 50
    assertThat(RankSum.a12Lower(X, Y)).isCloseTo(1 - 35.0 / 50, within(1e-15));
  }

  @Test
  void effectLabelsAtVarghaDelaneyThresholds() {
    // Vargha & Delaney (2000): A = 0.56 small, 0.64 medium, 0.71 large (and mirrored below ½)
    assertThat(RankSum.effectLabel(0.5)).isEqualTo("negligible");
    assertThat(RankSum.effectLabel(0.559)).isEqualTo("negligible");
    assertThat(RankSum.effectLabel(0.56)).isEqualTo("small");
    assertThat(RankSum.effectLabel(0.44)).isEqualTo("small");
    assertThat(RankSum.effectLabel(0.64)).isEqualTo("medium");
    assertThat(RankSum.effectLabel(0.70)).isEqualTo("medium");
    assertThat(RankSum.effectLabel(0.71)).isEqualTo("large");
    assertThat(RankSum.effectLabel(0.0)).isEqualTo("large");
  }

  @Test
  void holmMatchesPAdjust() {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.0001), method="holm")
    // → 0.0400 0.0900 0.0900 0.0250 0.2000 0.0006
    double[] a = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.2, 0.0001});
    assertThat(a).containsExactly(new double[] {0.04, 0.09, 0.09, 0.025, 0.2, 0.0006}, within(1e-15));
    double[] withMissing = Holm.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertThat(withMissing[0]).isCloseTo(0.02, within(1e-15));
    assertThat(withMissing[1]).isNaN();
    assertThat(withMissing[2]).isCloseTo(0.04, within(1e-15));
  }

  @Test
  void friedmanWithTiesMatchesR() {
    // R's ?friedman.test example, RoundingTimes (Hollander & Wolfe 1973, p. 140): 22 players × 3 methods.
    // friedman.test(RoundingTimes) → Friedman chi-squared = 11.1428571428571, df = 2, p-value = 0.00380504077551136
    // colMeans(t(apply(RoundingTimes, 1, rank))) → 2.40909090909091 2.13636363636364 1.45454545454545
    double[][] rt = {{5.40, 5.50, 5.55}, {5.85, 5.70, 5.75}, {5.20, 5.60, 5.50}, {5.55, 5.50, 5.40},
        {5.90, 5.85, 5.70}, {5.45, 5.55, 5.60}, {5.40, 5.40, 5.35}, {5.45, 5.50, 5.35}, {5.25, 5.15, 5.00},
        {5.85, 5.80, 5.70}, {5.25, 5.20, 5.10}, {5.65, 5.55, 5.45}, {5.60, 5.35, 5.45}, {5.05, 5.00, 4.95},
        {5.50, 5.50, 5.40}, {5.45, 5.55, 5.50}, {5.55, 5.55, 5.35}, {5.45, 5.50, 5.55}, {5.50, 5.45, 5.25},
        {5.65, 5.60, 5.40}, {5.70, 5.65, 5.55}, {6.30, 6.30, 6.25}};
    Friedman f = Friedman.test(rt);
    assertThat(f.chiSquared()).isCloseTo(11.1428571428571, within(1e-12));
    assertThat(f.df()).isEqualTo(2);
    assertThat(f.p()).isCloseTo(0.00380504077551136, within(1e-14));
    assertThat(f.meanRanks()).containsExactly(new double[] {2.40909090909091, 2.13636363636364, 1.45454545454545},
        within(1e-12));
  }

  @Test
  void friedmanWithoutTiesMatchesR() {
    // m <- matrix(c(1,2,3,4, 2,1,3,4, 1,3,2,4, 1,2,4,3, 2,1,4,3), nrow=5, byrow=TRUE)
    // friedman.test(m) → Friedman chi-squared = 10.2, df = 3, p-value = 0.0169403735225339
    Friedman f = Friedman.test(new double[][] {{1, 2, 3, 4}, {2, 1, 3, 4}, {1, 3, 2, 4}, {1, 2, 4, 3}, {2, 1, 4, 3}});
    assertThat(f.chiSquared()).isCloseTo(10.2, within(1e-12));
    assertThat(f.p()).isCloseTo(0.0169403735225339, within(1e-14));
    // by hand: rank sums 7, 9, 16, 18 over 5 blocks
    assertThat(f.meanRanks()).containsExactly(new double[] {1.4, 1.8, 3.2, 3.6}, within(1e-15));
  }

  @Test
  void entirelyTiedBlocksCarryNoInformation() {
    Friedman f = Friedman.test(new double[][] {{0, 0, 0}, {1, 1, 1}});
    assertThat(f.chiSquared()).isNaN();
    assertThat(f.p()).isEqualTo(1.0);
    assertThat(f.meanRanks()).containsExactly(2.0, 2.0, 2.0);
  }

  @Test
  void nemenyiQMatchesRsQtukeyAndDemsarsTable() {
    // sapply(2:10, function(k) qtukey(0.95, k, Inf)/sqrt(2))
    double[] r = {1.95996398476621, 2.34370058790214, 2.56903177742073, 2.72777438251855, 2.84970544327129,
        2.94832006072218, 3.03087852259520, 3.10173045750856, 3.16368375350279};
    // Demšar (2006), JMLR 7, Table 5(a), q_0.05 for k = 2..10 (printed to 3 decimals, truncated)
    double[] demsar = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    for (int k = 2; k <= 10; k++) {
      assertThat(Nemenyi.qAlpha(k, 0.05)).as("k=%d", k).isCloseTo(r[k - 2], within(1e-6));
      assertThat(Nemenyi.qAlpha(k, 0.05)).as("k=%d", k).isCloseTo(demsar[k - 2], within(1e-3));
    }
    // qtukey(0.95, 20, Inf)/sqrt(2) → 3.54379913191965; qtukey(0.90, 5, Inf)/sqrt(2) → 2.45951576442952
    assertThat(Nemenyi.qAlpha(20, 0.05)).isCloseTo(3.54379913191965, within(1e-6));
    assertThat(Nemenyi.qAlpha(5, 0.10)).isCloseTo(2.45951576442952, within(1e-6));
    // Demšar §3.2.2 worked example: k = 4 classifiers, N = 14 data sets → CD = 2.569 √(4·5 / (6·14)) ≈ 1.25
    assertThat(Nemenyi.criticalDifference(4, 14, 0.05)).isCloseTo(1.25, within(0.005));
  }

  @Test
  void descriptiveMatchesRsQuantileType7() {
    // z <- c(0.3, 0.1, 0.7, 0.2, 0.9, 0.4, 0.4); quantile(z, c(.5,.25,.75), type=7) → 0.40 0.25 0.55
    // c(mean(z), sd(z)/sqrt(length(z))) → 0.428571428571429 0.106266255259150
    Descriptive d = Descriptive.of(new double[] {0.3, 0.1, 0.7, 0.2, 0.9, 0.4, 0.4});
    assertThat(d.n()).isEqualTo(7);
    assertThat(d.median()).isCloseTo(0.40, within(1e-15));
    assertThat(d.q25()).isCloseTo(0.25, within(1e-15));
    assertThat(d.q75()).isCloseTo(0.55, within(1e-15));
    assertThat(d.iqr()).isCloseTo(0.30, within(1e-15));
    assertThat(d.mean()).isCloseTo(0.428571428571429, within(1e-14));
    assertThat(d.se()).isCloseTo(0.106266255259150, within(1e-14));
    assertThat(Descriptive.of(new double[0]).mean()).isNaN();
  }
}
