package nas4j.bench.surrogate;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.TableBenchmark;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;

// STAND-IN: replaced by the real class on merge
/**
 * The default benchmark when no official file is given (stand-in: a smooth synthetic landscape with
 * per-repeat noise, marked as surrogate). Immutable and thread-safe; built once per process.
 */
public final class SurrogateBenchmark {
  private static volatile Benchmark shared;

  private SurrogateBenchmark() {}

  /** The surrogate benchmark (built on first use, then shared). */
  public static Benchmark load() {
    Benchmark b = shared;
    if (b == null) {
      synchronized (SurrogateBenchmark.class) {
        b = shared;
        if (b == null) {
          b = build();
          shared = b;
        }
      }
    }
    return b;
  }

  private static Benchmark build() {
    SpaceIndex space = SpaceIndex.shared();
    int[] budgets = {108};
    MetricsTable.Builder t = MetricsTable.builder(space.size(), budgets, 3);
    IntStream.range(0, space.size()).parallel().forEach(id -> {
      CellSpec c = space.cell(id);
      int conv3 = 0;
      int pool = 0;
      for (int v = 1; v < c.vertexCount() - 1; v++) {
        conv3 += c.op(v) == Op.CONV3X3 ? 1 : 0;
        pool += c.op(v) == Op.MAXPOOL3X3 ? 1 : 0;
      }
      SplittableRandom rnd = new SplittableRandom(0x5EED_0001L * 1_000_003L + id);
      double mean = 0.88 + 0.008 * conv3 - 0.006 * pool + 0.002 * c.edgeCount() + 0.001 * c.vertexCount()
          + 0.004 * (rnd.nextDouble() - 0.5);
      double time = 600 + space.parameters(id) / 20_000.0;
      for (int r = 0; r < 3; r++) {
        double val = Math.min(0.96, mean + 0.003 * rnd.nextGaussian());
        double test = val - 0.006 + 0.002 * rnd.nextGaussian();
        double tr = time * (1 + 0.02 * rnd.nextGaussian());
        t.set(id, 0, r, Metric.FINAL_VALIDATION_ACCURACY, val);
        t.set(id, 0, r, Metric.FINAL_TEST_ACCURACY, test);
        t.set(id, 0, r, Metric.FINAL_TRAIN_ACCURACY, Math.min(1.0, val + 0.05));
        t.set(id, 0, r, Metric.FINAL_TRAINING_TIME, tr);
        t.set(id, 0, r, Metric.HALFWAY_VALIDATION_ACCURACY, val - 0.02);
        t.set(id, 0, r, Metric.HALFWAY_TEST_ACCURACY, test - 0.02);
        t.set(id, 0, r, Metric.HALFWAY_TRAIN_ACCURACY, Math.min(1.0, val + 0.03));
        t.set(id, 0, r, Metric.HALFWAY_TRAINING_TIME, tr / 2);
      }
    });
    for (int id = 0; id < space.size(); id++) {
      t.markPresent(id);
    }
    return new TableBenchmark("surrogate nb101 stand-in", true, space, t.build());
  }
}
