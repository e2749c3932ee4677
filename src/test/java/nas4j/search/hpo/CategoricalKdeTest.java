package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CategoricalKdeTest {

  /**
   * Four points: three all-zero configurations and one with op 0 = 1. Every variable's normal-reference bandwidth
   * is at most 1.06 · sd · 4^(−1/30) with sd ≤ √(3/16) = 0.433, i.e. ≤ 0.439, so all clip at min_bandwidth 0.5:
   * Aitchison–Aitken kernel 0.5 for a match, 0.5 for an edge mismatch, 0.25 for an op mismatch (0.5 / (3 − 1)).
   */
  static CategoricalKde fourPoints() {
    int[] data = {0, 0, 0, EncodingA.with(0, EncodingA.EDGES, 1)};
    long[] counts = new long[3 * EncodingA.VARIABLES];
    CategoricalKde.count(data, 0, 4, counts, 1);
    return new CategoricalKde(data, 0, 4, counts, 0.5);
  }

  @Test
  void densityMatchesTheHandComputedKernelProducts() {
    CategoricalKde kde = fourPoints();
    double p26 = Math.pow(0.5, 26);
    // at x = 0: three exact matches (0.5^26 each) and one op mismatch (0.5^25 · 0.25): mean 0.5^26 · 3.5 / 4
    assertThat(kde.pdf(0)).isCloseTo(p26 * 3.5 / 4, within(1e-22));
    // at x = op 0 is 2: every point mismatches op 0: 4 · 0.5^25 · 0.25 / 4 = 0.5^26 · 0.5
    assertThat(kde.pdf(EncodingA.with(0, EncodingA.EDGES, 2))).isCloseTo(p26 * 0.5, within(1e-22));
    // an edge differing changes nothing at bandwidth 0.5 (0.5 either way)
    assertThat(kde.pdf(1 << 5)).isCloseTo(p26 * 3.5 / 4, within(1e-22));
    for (int d = 0; d < EncodingA.VARIABLES; d++) {
      assertThat(kde.bandwidth(d)).isEqualTo(0.5);
    }
  }

  /**
   * The four-at-a-time sums BOHB scores its candidates with, over the density's own points in order with unit
   * weights, are pdf's sums: equal bits, whatever the steps they are taken in.
   */
  @Test
  void fourAtATimeSumsEqualTheDensity() {
    int[] data = new int[200];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < data.length; i++) {
      data[i] = EncodingA.random(rng);
    }
    long[] counts = new long[3 * EncodingA.VARIABLES];
    CategoricalKde.count(data, 20, 170, counts, 1);
    CategoricalKde kde = new CategoricalKde(data, 20, 170, counts, 0.3);
    double[] ones = new double[data.length];
    java.util.Arrays.fill(ones, 1.0);
    int[] x = {data[25], EncodingA.random(rng), 0, EncodingA.random(rng), data[169], 7};
    double[] acc = new double[x.length];
    kde.accumulate4(data, ones, 20, 84, x, 0, acc); // configurations 0..3 in two steps: points 0..64, then 64..150
    kde.accumulate4(data, ones, 84, 170, x, 0, acc);
    double[] shifted = new double[x.length];
    kde.accumulate4(data, ones, 20, 170, x, 2, shifted); // configurations 2..5 in one step
    for (int k = 0; k < x.length; k++) {
      double sum = k < 4 ? acc[k] : shifted[k];
      assertThat(sum / 150).as("config %d", k).isEqualTo(kde.pdf(x[k]));
      if (k >= 2) {
        assertThat(shifted[k] / 150).as("config %d", k).isEqualTo(kde.pdf(x[k]));
      }
    }
  }

  /**
   * Summing each distinct point once, weighted by its multiplicity (how BOHB ranks its candidates), gives the
   * density's sum up to rounding (relative 10^−13 for 300 points).
   */
  @Test
  void weightedSumsOverDistinctPointsEqualTheDensityUpToRounding() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(6);
    int[] distinct = new int[40];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = EncodingA.random(rng);
    }
    int[] data = new int[300];
    double[] weight = new double[distinct.length];
    for (int i = 0; i < data.length; i++) {
      int j = i < distinct.length ? i : rng.nextInt(distinct.length);
      data[i] = distinct[j];
      weight[j]++;
    }
    long[] counts = new long[3 * EncodingA.VARIABLES];
    CategoricalKde.count(data, 0, data.length, counts, 1);
    CategoricalKde kde = new CategoricalKde(data, 0, data.length, counts, 0.3);
    int[] x = {data[3], EncodingA.random(rng), distinct[7], EncodingA.random(rng)};
    double[] acc = new double[4];
    kde.accumulate4(distinct, weight, 0, 10, x, 0, acc); // two steps: distinct points 0..10, then 10..40
    kde.accumulate4(distinct, weight, 10, distinct.length, x, 0, acc);
    for (int k = 0; k < 4; k++) {
      double pdf = kde.pdf(x[k]);
      assertThat(acc[k] / data.length).as("config %d", k).isCloseTo(pdf, within(1e-13 * pdf));
    }
  }
}
