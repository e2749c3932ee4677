package nas4j.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nas4j.space.SpaceIndex;
import nas4j.space.SpaceIndexCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the space index from its cache, and enumerating the space from scratch (single shot in a fresh JVM:
 * the "cold" number). Run: {@code scripts/jmh.sh SpaceIndexBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class SpaceIndexBenchmark {
  Path cache;

  @Setup(Level.Trial)
  public void writeCache() throws IOException {
    cache = Files.createTempFile("nas4j-space-index", ".bin");
    SpaceIndexCache.write(SpaceIndex.shared(), cache);
  }

  @TearDown(Level.Trial)
  public void deleteCache() throws IOException {
    Files.deleteIfExists(cache);
  }

  /** Reads, checks (CRC32C) and indexes the cache file (file in the OS page cache after the first run). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 10)
  public SpaceIndex readCache() throws IOException {
    return SpaceIndexCache.read(cache);
  }

  /** Enumerates the whole space: 1,293,208 labelled graphs hashed (all cores), 423,624 cells kept. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public SpaceIndex enumerate() {
    return SpaceIndex.enumerate();
  }
}
