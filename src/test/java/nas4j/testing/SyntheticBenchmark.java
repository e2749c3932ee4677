package nas4j.testing;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.TableBenchmark;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;

/**
 * Hand-made benchmarks for tests: every cell of the space gets a mean validation accuracy from a function of the
 * cell, plus deterministic per-(cell, repeat) noise; the other metrics follow simple fixed rules (test =
 * validation − 0.006, train = min(1, validation + 0.05), halfway accuracy = final − 0.02, halfway time = half,
 * time = 600 + parameters / 40,000 s scaled by epochs / 108). Deterministic for a given seed.
 */
public final class SyntheticBenchmark {
  private SyntheticBenchmark() {}

  /**
   * A landscape with locality: accuracy rises with conv3x3 count and edges, falls with maxpool, plus a small
   * cell-specific term. Budgets: 108 only.
   */
  public static Benchmark smooth(long seed) {
    return smooth("synthetic smooth", seed, new int[] {108});
  }

  /**
   * {@link #smooth} with the budgets 4, 12, 36 and 108 epochs (validation accuracy 0.1 · (1 − epochs/108) lower
   * and training time proportional to the epochs at the smaller budgets), for multi-fidelity strategies.
   */
  public static Benchmark smoothAllBudgets(long seed) {
    return smooth("synthetic smooth, 4 budgets", seed, new int[] {4, 12, 36, 108});
  }

  private static Benchmark smooth(String name, long seed, int[] budgets) {
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
  public static Benchmark constant(double accuracy) {
    return of("synthetic constant", c -> accuracy, 0.0, 0, new int[] {108});
  }

  /**
   * A benchmark whose mean validation accuracy is {@code meanValidation(cell)} plus N(0, noiseStd) per repeat
   * (seeded by the cell id and {@code seed}).
   */
  public static Benchmark of(String name, ToDoubleFunction<CellSpec> meanValidation, double noiseStd, long seed,
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
}
