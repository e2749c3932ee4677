package nas4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nas4j.bench.Benchmark;
import nas4j.bench.Optimum;
import nas4j.bench.io.Datasets;
import nas4j.bench.io.LoadOptions;
import nas4j.bench.surrogate.SurrogateBenchmark;
import nas4j.space.SpaceIndex;
import nas4j.util.Sha256;

/**
 * Loads the benchmark of an experiment once (the surrogate, or an official file) and checks its optimum: on an
 * official, complete table (423,624 cells) y* must equal the published constants of automl/nas_benchmarks ({@code nas_cifar10.py}),
 * otherwise it is a data problem. Immutable.
 */
public record BenchmarkSource(Benchmark benchmark, Path file, String sha256, String optimumCheck) {
  /** Best mean validation accuracy at 108 epochs over all cells ({@code y_star_valid} of automl/nas_benchmarks). */
  public static final double PUBLISHED_BEST_VALIDATION = nas4j.bench.Optimum.PUBLISHED_BEST_VALIDATION;
  /** Best mean test accuracy at 108 epochs over all cells ({@code y_star_test} of automl/nas_benchmarks). */
  public static final double PUBLISHED_BEST_TEST = nas4j.bench.Optimum.PUBLISHED_BEST_TEST;
  /** Tolerance of the comparison (absolute; the values are means of float32 numbers). */
  public static final double TOLERANCE = 1e-12;
  public static final String SURROGATE_WARNING = "SURROGATE BENCHMARK: accuracies and times are model"
      + " predictions, not NAS-Bench-101 measurements; do not report them as NAS-Bench-101 results";

  /** A data problem: the loaded optimum disagrees with the published constants. */
  public static final class DataProblemException extends IllegalArgumentException {
    public DataProblemException(String message) {
      super(message);
    }
  }

  /** Loads the benchmark of {@code e} (surrogate when it has no file). */
  public static BenchmarkSource load(Experiment e, boolean allowOptimumMismatch) {
    Benchmark b = loadBenchmark(e.benchmarkFile(), false);
    if (e.benchmarkFile() == null) {
      return of(b, null, null, allowOptimumMismatch);
    }
    requireComplete(b, e.benchmarkFile());
    String identity = b.identity();
    String sha = identity.matches("(?s).*\\b[0-9a-f]{64}\\b.*") ? null : sha256Of(e.benchmarkFile());
    return of(b, e.benchmarkFile(), sha, allowOptimumMismatch);
  }

  /**
   * The benchmark in {@code file} (an official file, a file in their layout, or a nas4j cache of one), or the
   * embedded surrogate when {@code file} is null; {@code verifySource} recomputes the source's SHA-256 even when
   * a valid cache exists. The one place every command and experiment loads a benchmark.
   */
  public static Benchmark loadBenchmark(Path file, boolean verifySource) {
    if (file == null) {
      return SurrogateBenchmark.load();
    }
    return Datasets.load(file, LoadOptions.defaults().withVerifySource(verifySource)).benchmark();
  }

  /**
   * Refuses a partial table (fewer cells than NAS-Bench-101 has, e.g. written by {@code bench generate --stride}):
   * a strategy may propose any cell, and one the table lacks has no answer; answering it like an invalid cell would
   * quietly turn the search space into the file's subset (and random search into a stall). So an experiment needs
   * the complete table, and is refused before it starts. {@code file} names the source in the message (or null).
   */
  public static void requireComplete(Benchmark b, Path file) {
    if (!b.isSurrogate() && b.cellCount() < SpaceIndex.UNIQUE_CELLS) {
      throw new DataProblemException((file == null ? b.identity() : file.toString()) + " is a partial benchmark ("
          + String.format(Locale.ROOT, "%,d of %,d cells", b.cellCount(), SpaceIndex.UNIQUE_CELLS)
          + ", e.g. written by 'bench generate --stride'); a search may propose any cell, so experiments need the"
          + " complete table: use nasbench_only108.tfrecord or nasbench_full.tfrecord (or its cache), or 'surrogate'");
    }
  }

  /** Wraps an already loaded benchmark (tests, callers sharing one benchmark) and checks its optimum. */
  public static BenchmarkSource of(Benchmark b, Path file, String sha256, boolean allowOptimumMismatch) {
    return new BenchmarkSource(b, file, sha256, checkOptimum(b, allowOptimumMismatch));
  }

  /** Compares the benchmark's optimum to the published constants where that applies. */
  public static String checkOptimum(Benchmark b, boolean allowMismatch) {
    Optimum o = b.optimum();
    if (b.isSurrogate()) {
      return "not applicable: surrogate benchmark";
    }
    if (b.cellCount() != SpaceIndex.UNIQUE_CELLS) {
      return String.format(Locale.ROOT, "not applicable: partial table (%d of %d cells); y* is this table's best",
          b.cellCount(), SpaceIndex.UNIQUE_CELLS);
    }
    double dv = o.bestValidation() - PUBLISHED_BEST_VALIDATION;
    double dt = o.bestTest() - PUBLISHED_BEST_TEST;
    if (Math.abs(dv) <= TOLERANCE && Math.abs(dt) <= TOLERANCE) {
      return "matches the published constants";
    }
    String msg = String.format(Locale.ROOT, "data problem in %s: its optimum (best mean validation %s, best mean test"
        + " %s at %d epochs) differs from the published constants (%s, %s) by %.3g / %.3g; the file may be"
        + " damaged or not the official one", b.identity(), o.bestValidation(), o.bestTest(), o.epochs(),
        PUBLISHED_BEST_VALIDATION, PUBLISHED_BEST_TEST, dv, dt);
    if (!allowMismatch) {
      throw new DataProblemException(msg + " (run with --allow-optimum-mismatch to use it anyway)");
    }
    return "MISMATCH allowed by --allow-optimum-mismatch: " + msg;
  }

  /** Metadata of the benchmark for run.json. */
  public Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("identity", benchmark.identity());
    m.put("surrogate", benchmark.isSurrogate());
    if (benchmark.isSurrogate()) {
      m.put("warning", SURROGATE_WARNING);
    }
    if (file != null) {
      m.put("file", file.getFileName().toString());
      m.put("path", file.toAbsolutePath().toString());
      if (sha256 != null) {
        m.put("sha256", sha256);
      }
    }
    m.put("cells", benchmark.cellCount());
    m.put("epoch_budgets", benchmark.epochBudgets());
    m.put("repeats", benchmark.repeats());
    return m;
  }

  /** Metadata of y* for run.json. */
  public Map<String, Object> optimumMetadata() {
    Optimum o = benchmark.optimum();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epochs", o.epochs());
    m.put("best_validation_accuracy", o.bestValidation());
    m.put("best_validation_cell", o.bestValidationCell().toString());
    m.put("best_test_accuracy", o.bestTest());
    m.put("best_test_cell", o.bestTestCell().toString());
    m.put("published_check", optimumCheck);
    return m;
  }

  private static String sha256Of(Path file) {
    try {
      return Sha256.ofFile(file);
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(file + ": cannot read: " + ex.getMessage(), ex);
    }
  }
}
