package nas4j.bench.io;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.TableBenchmark;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;

/**
 * Deterministic made-up benchmarks, the one home of them: {@link #create} (pseudo-random values, for generating
 * full-size files for speed and memory measurements) and hand-made landscapes for tests ({@link #smooth},
 * {@link #constant}, {@link #of}, a function of the cell plus seeded noise). Values are plausible but meaningless:
 * never report them as NAS-Bench-101 results. Each cell's values depend only on the seed and the cell. Stateless;
 * thread-safe.
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

  /**
   * A landscape with locality: accuracy rises with conv3x3 count and edges, falls with maxpool, plus a small
   * cell-specific term. Budgets: 108 only.
   */
  public static TableBenchmark smooth(long seed) {
    return smooth("synthetic smooth", seed, new int[] {108});
  }

  /**
   * {@link #smooth} with the budgets 4, 12, 36 and 108 epochs (validation accuracy 0.1 · (1 − epochs/108) lower
   * and training time proportional to the epochs at the smaller budgets), for multi-fidelity strategies.
   */
  public static TableBenchmark smoothAllBudgets(long seed) {
    return smooth("synthetic smooth, 4 budgets", seed, new int[] {4, 12, 36, 108});
  }

  private static TableBenchmark smooth(String name, long seed, int[] budgets) {
    return of(name, c -> {
      int conv3 = 0;
      int pool = 0;
      for (int v = 1; v < c.vertexCount() - 1; v++) {
        conv3 += c.op(v) == Op.CONV3X3 ? 1 : 0;
        pool += c.op(v) == Op.MAXPOOL3X3 ? 1 : 0;
      }
      return 0.88 + 0.008 * conv3 - 0.006 * pool + 0.002 * c.edgeCount() + 0.001 * c.vertexCount();
    }, 0.002, seed, budgets);
  }

  /** Every cell has the same accuracy in every repeat (noise 0). */
  public static TableBenchmark constant(double accuracy) {
    return of("synthetic constant", c -> accuracy, 0.0, 0, new int[] {108});
  }

  /**
   * A benchmark whose mean validation accuracy is {@code meanValidation(cell)} plus N(0, noiseStd) per repeat
   * (seeded by the cell id and {@code seed}).
   */
  public static TableBenchmark of(String name, ToDoubleFunction<CellSpec> meanValidation, double noiseStd, long seed,
      int[] budgets) {
    SpaceIndex space = SpaceIndex.shared();
    MetricsTable.Builder b = MetricsTable.builder(space.size(), budgets, 3);
    IntStream.range(0, space.size()).parallel().forEach(id -> {
      CellSpec c = space.cell(id);
      double mean = meanValidation.applyAsDouble(c);
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + id);
      for (int bi = 0; bi < budgets.length; bi++) {
        double scale = budgets[bi] / 108.0;
        for (int r = 0; r < 3; r++) {
          double val = mean - 0.1 * (1 - scale) + noiseStd * rnd.nextGaussian();
          double time = (600 + space.parameters(id) / 40_000.0) * scale;
          b.set(id, bi, r, Metric.FINAL_VALIDATION_ACCURACY, val);
          b.set(id, bi, r, Metric.FINAL_TEST_ACCURACY, val - 0.006);
          b.set(id, bi, r, Metric.FINAL_TRAIN_ACCURACY, Math.min(1.0, val + 0.05));
          b.set(id, bi, r, Metric.FINAL_TRAINING_TIME, time);
          b.set(id, bi, r, Metric.HALFWAY_VALIDATION_ACCURACY, val - 0.02);
          b.set(id, bi, r, Metric.HALFWAY_TEST_ACCURACY, val - 0.026);
          b.set(id, bi, r, Metric.HALFWAY_TRAIN_ACCURACY, Math.min(1.0, val + 0.03));
          b.set(id, bi, r, Metric.HALFWAY_TRAINING_TIME, time / 2);
        }
      }
    });
    for (int id = 0; id < space.size(); id++) {
      b.markPresent(id);
    }
    return new TableBenchmark(name, false, space, b.build());
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }
}
