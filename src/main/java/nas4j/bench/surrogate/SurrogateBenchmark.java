package nas4j.bench.surrogate;

// STAND-IN: replaced by the real class on merge

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.TableBenchmark;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;

/**
 * STAND-IN for the fitted surrogate benchmark, so that {@code nas4j analyze --benchmark surrogate} runs in the
 * analysis branch: a made-up smooth landscape (mean validation accuracy from op counts, edges and vertices,
 * plus a fixed cell-specific term; three noisy repeats; training time from op counts and parameters), 108
 * epochs only. Its numbers mean nothing about NAS-Bench-101. Immutable once built.
 */
public final class SurrogateBenchmark {
  private static volatile Benchmark loaded;

  private SurrogateBenchmark() {}

  /** The (stand-in) surrogate benchmark over the shared space index; built once per JVM. */
  public static Benchmark load() {
    Benchmark b = loaded;
    if (b == null) {
      synchronized (SurrogateBenchmark.class) {
        b = loaded;
        if (b == null) {
          b = build(SpaceIndex.shared());
          loaded = b;
        }
      }
    }
    return b;
  }

  private static Benchmark build(SpaceIndex space) {
    int[] budgets = {108};
    MetricsTable.Builder t = MetricsTable.builder(space.size(), budgets, 3);
    IntStream.range(0, space.size()).parallel().forEach(id -> {
      CellSpec c = space.cell(id);
      int conv3 = 0;
      int conv1 = 0;
      int pool = 0;
      for (int v = 1; v < c.vertexCount() - 1; v++) {
        Op op = c.op(v);
        conv3 += op == Op.CONV3X3 ? 1 : 0;
        conv1 += op == Op.CONV1X1 ? 1 : 0;
        pool += op == Op.MAXPOOL3X3 ? 1 : 0;
      }
      SplittableRandom rnd = new SplittableRandom(0x5EED_0000L + id);
      double cellTerm = 0.006 * rnd.nextGaussian();
      double mean = Math.min(0.95, 0.895 + 0.006 * conv3 + 0.002 * conv1 - 0.002 * pool + 0.0015 * c.edgeCount()
          + cellTerm);
      double time = 400 + 260 * conv3 + 90 * conv1 + 120 * pool + space.parameters(id) / 20_000.0;
      for (int r = 0; r < 3; r++) {
        double val = mean + 0.003 * rnd.nextGaussian();
        double tm = time * (1 + 0.01 * rnd.nextGaussian());
        t.set(id, 0, r, Metric.FINAL_VALIDATION_ACCURACY, val);
        t.set(id, 0, r, Metric.FINAL_TEST_ACCURACY, val - 0.005 + 0.002 * rnd.nextGaussian());
        t.set(id, 0, r, Metric.FINAL_TRAIN_ACCURACY, 1.0);
        t.set(id, 0, r, Metric.FINAL_TRAINING_TIME, tm);
        t.set(id, 0, r, Metric.HALFWAY_VALIDATION_ACCURACY, val - 0.03);
        t.set(id, 0, r, Metric.HALFWAY_TEST_ACCURACY, val - 0.035);
        t.set(id, 0, r, Metric.HALFWAY_TRAIN_ACCURACY, 0.97);
        t.set(id, 0, r, Metric.HALFWAY_TRAINING_TIME, tm / 2);
      }
    });
    for (int id = 0; id < space.size(); id++) {
      t.markPresent(id);
    }
    return new TableBenchmark("surrogate nb101 stand-in", true, space, t.build());
  }
}
