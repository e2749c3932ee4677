package nas4j.cli;

import java.nio.file.Path;
import nas4j.bench.Benchmark;
import nas4j.bench.io.Datasets;
import nas4j.bench.io.LoadOptions;

/**
 * Where commands get their benchmark from: the single place to extend when {@code query} and friends may run
 * without {@code --data} (e.g. on the surrogate).
 */
final class BenchmarkSource {
  private BenchmarkSource() {}

  /** The benchmark for {@code --data FILE}, or (later) a default when {@code data} is null. */
  static Benchmark resolve(Path data) {
    return resolve(data, false);
  }

  /** Same; {@code verify} recomputes the source's SHA-256 even when a valid cache exists. */
  static Benchmark resolve(Path data, boolean verify) {
    if (data == null) {
      throw new UserException("--data FILE is required: give nasbench_only108.tfrecord, nasbench_full.tfrecord, a "
          + "file in their layout, or a nas4j cache of one");
    }
    if (verify) {
      return Datasets.load(data, LoadOptions.defaults().withVerifySource(true)).benchmark();
    }
    return Datasets.load(data);
  }
}
