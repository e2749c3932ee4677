package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RandomForest} on data whose regression trees are known by hand. With every variable tried at each node
 * (feature ratio 1), a target that depends on one variable only is split on that variable and nothing else (any
 * other split leaves a larger squared error, and a node of constant target is a leaf), whatever the bootstrap
 * sample: each leaf then holds rows of one target value, so every tree predicts that value exactly and the variance
 * across trees is 0.
 */
class RandomForestTest {

  private static int op(int config, int opIndex, int value) {
    return EncodingA.with(config, EncodingA.EDGES + opIndex, value);
  }

  /**
   * Rows: background configurations (random edges 1..20 and ops); edge 0 decides the target, 0.25 or 0.75 (binary
   * fractions: every leaf mean is exact).
   */
  @Test
  void anEdgeThatDecidesTheTargetIsTheOnlySplit() {
    SplittableRandom data = new SplittableRandom(3);
    int n = 200;
    int[] x = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int c = EncodingA.random(data) & ~1; // edge 0 cleared
      x[i] = i % 2 == 0 ? c : c | 1;
      y[i] = i % 2 == 0 ? 0.25 : 0.75;
    }
    RandomForest forest = new RandomForest(10, 3, 3, 1.0);
    forest.fit(x, y, n, new SplittableRandom(11));
    double[] out = new double[2];
    for (int probe : new int[] {0, 1, 0x1ffffe, 0x1fffff, EncodingA.random(data) & ~1}) {
      forest.predict(probe, out);
      double expected = (probe & 1) == 0 ? 0.25 : 0.75;
      assertThat(out[0]).as("mean at %x", probe).isEqualTo(expected);
      assertThat(out[1]).as("variance at %x", probe).isZero();
    }
  }

  /**
   * An op with three values, targets 0 (conv1x1), 0 (conv3x3) and 1 (maxpool): the split that sends one value left
   * and two right with the lowest squared error isolates maxpool; the two conv values then form one leaf of
   * constant target 0. The batch prediction gives the same as one at a time.
   */
  @Test
  void aThreeValuedOpIsSplitOneAgainstTwo() {
    SplittableRandom data = new SplittableRandom(4);
    int n = 300;
    int[] x = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int v = i % 3;
      x[i] = op(EncodingA.random(data), 2, v);
      y[i] = v == 2 ? 1.0 : 0.0;
    }
    RandomForest forest = new RandomForest(10, 3, 3, 1.0);
    forest.fit(x, y, n, new SplittableRandom(12));
    int[] probes = {op(0, 2, 0), op(0, 2, 1), op(0, 2, 2), op(0x1fffff, 2, 2), op(12345, 2, 1)};
    double[] mean = new double[probes.length];
    double[] var = new double[probes.length];
    forest.predict(probes, probes.length, mean, var);
    double[] out = new double[2];
    for (int i = 0; i < probes.length; i++) {
      double expected = EncodingA.value(probes[i], EncodingA.EDGES + 2) == 2 ? 1.0 : 0.0;
      assertThat(mean[i]).as("mean of probe %d", i).isEqualTo(expected);
      assertThat(var[i]).as("variance of probe %d", i).isZero();
      forest.predict(probes[i], out);
      assertThat(out[0]).isEqualTo(mean[i]);
      assertThat(out[1]).isEqualTo(var[i]);
    }
  }

  /**
   * Two trees, two rows of targets 0 and 1 that differ in edge 0: a node of fewer than min_samples_split = 3 rows
   * is a leaf, so each tree is one leaf predicting its bootstrap mean (both rows drawn once: 0.5; one row twice:
   * 0 or 1). Mean and variance over the trees are those of the two leaf values, computed here from the same
   * bootstrap draws (nextInt(2) twice per tree, the only draws a one-leaf tree makes).
   */
  @Test
  void tooFewRowsGiveOneLeafPerTreeAndTheVarianceOfTheirMeans() {
    int[] x = {0, 1};
    double[] y = {0.0, 1.0};
    RandomForest forest = new RandomForest(2, 3, 3, 1.0);
    forest.fit(x, y, 2, new SplittableRandom(5));
    SplittableRandom replay = new SplittableRandom(5);
    double[] leaf = new double[2];
    for (int t = 0; t < 2; t++) {
      int a = replay.nextInt(2);
      int b = replay.nextInt(2);
      leaf[t] = (y[a] + y[b]) / 2;
    }
    double mean = (leaf[0] + leaf[1]) / 2;
    double variance = ((leaf[0] - mean) * (leaf[0] - mean) + (leaf[1] - mean) * (leaf[1] - mean)) / 2;
    double[] out = new double[2];
    forest.predict(0, out);
    assertThat(out[0]).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(out[1]).isCloseTo(variance, org.assertj.core.api.Assertions.within(1e-15));
  }

  /**
   * The per-value statistics every split is chosen from (weighted target sums, square sums and weights of each
   * value of each variable), computed row by row for small nodes and two variables per pass for large ones, against
   * plain sums over the rows.
   */
  @Test
  void nodeStatisticsAreThePlainSumsForSmallAndLargeNodes() {
    SplittableRandom rng = new SplittableRandom(8);
    RandomForest forest = new RandomForest(1, 3, 3, 1.0);
    for (int n : new int[] {5, 40, 63, 64, 65, 500}) {
      int[] x = new int[n];
      double[] y = new double[n];
      int[] w = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = EncodingA.random(rng);
        y[i] = rng.nextDouble();
        w[i] = 1 + rng.nextInt(4);
      }
      int stats = 3 * EncodingA.VARIABLES;
      double[] s = new double[stats];
      double[] q = new double[stats];
      int[] c = new int[stats];
      forest.valueStatistics(x, y, w, n, s, q, c);
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        for (int v = 0; v < EncodingA.cardinality(d); v++) {
          double sum = 0;
          double squares = 0;
          int weight = 0;
          for (int i = 0; i < n; i++) {
            if (EncodingA.value(x[i], d) == v) {
              sum += w[i] * y[i];
              squares += w[i] * y[i] * y[i];
              weight += w[i];
            }
          }
          int k = 3 * d + v;
          assertThat(c[k]).as("n %d variable %d value %d: weight", n, d, v).isEqualTo(weight);
          assertThat(s[k]).as("n %d variable %d value %d: sum", n, d, v)
              .isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-12 * (1 + sum)));
          assertThat(q[k]).as("n %d variable %d value %d: squares", n, d, v)
              .isCloseTo(squares, org.assertj.core.api.Assertions.within(1e-12 * (1 + squares)));
        }
      }
    }
  }
}
