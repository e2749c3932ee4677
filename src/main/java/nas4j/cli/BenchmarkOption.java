package nas4j.cli;

import java.nio.file.Path;
import nas4j.bench.Benchmark;
import nas4j.experiment.BenchmarkSource;

/**
 * The {@code --data FILE} / {@code --benchmark NAME} options of the commands: checks them and loads through
 * {@link BenchmarkSource#loadBenchmark}, the loader experiments use too.
 */
final class BenchmarkOption {
  private BenchmarkOption() {}

  /** The benchmark for {@code --data FILE}, or the surrogate when {@code data} is null. */
  static Benchmark resolve(Path data) {
    return resolve(data, null, false);
  }

  /**
   * The benchmark for {@code --data FILE}, else the named one ({@code surrogate}, also when null); {@code verify}
   * recomputes the source's SHA-256 even when a valid cache exists.
   */
  static Benchmark resolve(Path data, String name, boolean verify) {
    if (data != null && name != null) {
      throw new UserException("give either --data FILE or --benchmark " + name + ", not both");
    }
    if (data == null) {
      String n = name == null ? "surrogate" : name.trim().toLowerCase(java.util.Locale.ROOT);
      if (!n.equals("surrogate")) {
        throw new UserException("unknown benchmark '" + name + "'; known: surrogate (or give --data FILE: "
            + "nasbench_only108.tfrecord, nasbench_full.tfrecord, a file in their layout, or a nas4j cache of one)");
      }
    }
    return BenchmarkSource.loadBenchmark(data, verify);
  }
}
