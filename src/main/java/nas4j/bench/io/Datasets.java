package nas4j.bench.io;

import java.nio.file.Path;
import nas4j.bench.Benchmark;

// STAND-IN: replaced by the real class on merge
/** Loads the official NAS-Bench-101 files (stand-in: reading is not available in this branch). */
public final class Datasets {
  private Datasets() {}

  /** The benchmark in an official {@code .tfrecord} file or its cache. */
  public static Benchmark load(Path file) {
    throw new IllegalArgumentException(file + ": reading official NAS-Bench-101 files is not available in this build"
        + " (stand-in of nas4j.bench.io.Datasets); use 'benchmark: surrogate'");
  }
}
