package nas4j.bench.io;

import java.util.SplittableRandom;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.TableBenchmark;
import nas4j.space.SpaceIndex;

/**
 * Deterministic pseudo-random benchmarks for tests and for generating full-size files (speed and memory
 * measurements). Values are plausible but meaningless: never report them as NAS-Bench-101 results (the benchmark
 * says so in its identity and is flagged as a surrogate). Each cell's values depend only on the seed and the cell
 * id. Stateless; thread-safe.
 */
public final class SyntheticBenchmarks {
  private SyntheticBenchmarks() {}

  /**
   * A benchmark with the given budgets and 3 repeats for every {@code stride}-th cell of the space (stride 1: all
   * 423,624 cells).
   */
  public static TableBenchmark create(SpaceIndex space, int[] budgets, long seed, int stride) {
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be ≥ 1");
    }
    int repeats = TfRecordLoader.REPEATS;
    MetricsTable.Builder tb = MetricsTable.builder(space.size(), budgets, repeats);
    int[] sorted = budgets.clone();
    java.util.Arrays.sort(sorted);
    for (int id = 0; id < space.size(); id += stride) {
      SplittableRandom rng = new SplittableRandom(seed ^ (id * 0x9E3779B97F4A7C15L));
      double quality = 0.80 + 0.14 * rng.nextDouble();
      double secondsPerEpoch = 5 + 40 * rng.nextDouble();
      for (int bi = 0; bi < sorted.length; bi++) {
        int e = sorted[bi];
        double level = quality * (1 - 0.5 * Math.exp(-e / 20.0));
        for (int r = 0; r < repeats; r++) {
          double finalTime = secondsPerEpoch * e * (0.98 + 0.04 * rng.nextDouble());
          double fv = clamp(level + 0.01 * rng.nextGaussian());
          tb.set(id, bi, r, Metric.FINAL_TRAINING_TIME, finalTime);
          tb.set(id, bi, r, Metric.FINAL_TRAIN_ACCURACY, clamp(level + 0.05 + 0.01 * rng.nextDouble()));
          tb.set(id, bi, r, Metric.FINAL_VALIDATION_ACCURACY, fv);
          tb.set(id, bi, r, Metric.FINAL_TEST_ACCURACY, clamp(fv - 0.005 + 0.01 * rng.nextGaussian()));
          double hv = clamp(fv * (0.8 + 0.1 * rng.nextDouble()));
          tb.set(id, bi, r, Metric.HALFWAY_TRAINING_TIME, finalTime / 2 * (0.99 + 0.02 * rng.nextDouble()));
          tb.set(id, bi, r, Metric.HALFWAY_TRAIN_ACCURACY, clamp(hv + 0.02 * rng.nextDouble()));
          tb.set(id, bi, r, Metric.HALFWAY_VALIDATION_ACCURACY, hv);
          tb.set(id, bi, r, Metric.HALFWAY_TEST_ACCURACY, clamp(hv - 0.005 + 0.01 * rng.nextGaussian()));
        }
      }
      tb.markPresent(id);
    }
    return new TableBenchmark("synthetic seed " + seed + " (not NAS-Bench-101 data)", true, space, tb.build());
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
