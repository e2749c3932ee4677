package nas4j.bench.surrogate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.TableBenchmark;
import nas4j.space.SpaceIndex;

/**
 * The embedded default benchmark: a surrogate of NAS-Bench-101 for all 423,624 cells, budgets 4/12/36/108,
 * 3 repeats, all 8 metrics, exact parameter counts. For trying nas4j, tests and CI; research results come from
 * the official files. Built from the committed resource ({@link SurrogateResource}) into a {@link MetricsTable}
 * (every answer precomputed), so queries cost the same as on the real table. Thread-safe, immutable.
 */
public final class SurrogateBenchmark {
  /** The identity every output that used the surrogate names. */
  public static final String IDENTITY = "surrogate nb101 v2.1";
  /**
   * The fitted resource's identity: v2.1 answers from the v2 resource, with level-dependent repeat noise at 4, 12
   * and 36 epochs drawn at load ({@code RunSampler}); every 108-epoch value is v2's.
   */
  public static final String RESOURCE_IDENTITY = "surrogate nb101 v2";
  private static volatile Benchmark shared;

  private SurrogateBenchmark() {}

  /** The process-wide surrogate benchmark (built on first use from the committed resource, ≈ 1–3 s). */
  public static Benchmark load() {
    Benchmark b = shared;
    if (b == null) {
      synchronized (SurrogateBenchmark.class) {
        b = shared;
        if (b == null) {
          try {
            b = build(SpaceIndex.shared(), readResource(SpaceIndex.shared()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          shared = b;
        }
      }
    }
    return b;
  }

  /** Reads the committed resource. */
  public static SurrogateResource readResource(SpaceIndex space) throws IOException {
    try (InputStream in = SurrogateBenchmark.class.getResourceAsStream(SurrogateResource.RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + SurrogateResource.RESOURCE + " is missing from the class path "
            + "(run scripts/surrogate-fit.sh to make it)");
      }
      return SurrogateResource.read(new java.io.BufferedInputStream(in, 1 << 16), SurrogateResource.RESOURCE, space);
    }
  }

  /** A new benchmark from a resource (not shared): every run of every cell sampled into a table. */
  public static Benchmark build(SpaceIndex space, SurrogateResource res) {
    int n = space.size();
    MetricsTable.Builder tb = MetricsTable.builder(n, NoiseModel.BUDGETS, RunSampler.REPEATS);
    float[][] cols = new float[RunSampler.BUDGETS * 8][];
    for (int b = 0; b < RunSampler.BUDGETS; b++) {
      for (Metric m : Metric.values()) {
        cols[b * 8 + m.ordinal()] = tb.column(b, m);
      }
    }
    RunSampler sampler = new RunSampler(res.noise(), res.level());
    int chunk = 4096;
    IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
      double[] mean = new double[RunSampler.BUDGETS];
      double[] out = new double[RunSampler.BUDGETS * RunSampler.REPEATS * 8];
      int end = Math.min(n, (c + 1) * chunk);
      for (int id = c * chunk; id < end; id++) {
        for (int b = 0; b < RunSampler.BUDGETS; b++) {
          mean[b] = res.meanValidation(b, id);
        }
        sampler.sample(space.hash(id), mean, res.meanTest108(id), res.meanTime108(id), out);
        for (int b = 0; b < RunSampler.BUDGETS; b++) {
          for (int r = 0; r < RunSampler.REPEATS; r++) {
            int o = (b * RunSampler.REPEATS + r) * 8;
            for (int m = 0; m < 8; m++) {
              cols[b * 8 + m][id * RunSampler.REPEATS + r] = (float) out[o + m];
            }
          }
        }
      }
    });
    for (int id = 0; id < n; id++) {
      tb.markPresent(id);
    }
    return new TableBenchmark(IDENTITY, true, space, tb.build());
  }
}
