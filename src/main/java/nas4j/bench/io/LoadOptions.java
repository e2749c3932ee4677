package nas4j.bench.io;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How {@link Datasets} loads a file. Immutable.
 *
 * @param useCache read a valid cache if there is one
 * @param writeCache write (or rebuild) the cache after decoding a source of at least {@code autoCacheMinBytes}
 *     bytes, or of any size when {@code cachePath} is given
 * @param cachePath explicit cache file, or null for the default ({@code FILE.nas4j-cache} beside the source, else
 *     the user cache folder)
 * @param checkCrc check both CRCs of every record
 * @param verifySource when loading from a cache, recompute the source's SHA-256 and compare it with the recorded one
 * @param threads decoding threads (≥ 1); the result does not depend on it
 * @param autoCacheMinBytes smallest source for which a cache is written automatically
 * @param warnings receives warnings (stale caches, official-file mismatches, unwritable cache folders)
 */
public record LoadOptions(boolean useCache, boolean writeCache, Path cachePath, boolean checkCrc,
    boolean verifySource, int threads, long autoCacheMinBytes, Consumer<String> warnings) {

  /** Files smaller than this are decoded every time (16 MB: the samples decode in milliseconds). */
  public static final long DEFAULT_AUTO_CACHE_MIN_BYTES = 16L << 20;

  public LoadOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1; got " + threads);
    }
    if (warnings == null) {
      warnings = w -> System.err.println("nas4j: warning: " + w);
    }
  }

  /** Cache on, CRCs on, all cores, warnings to stderr. */
  public static LoadOptions defaults() {
    return new LoadOptions(true, true, null, true, false, Runtime.getRuntime().availableProcessors(),
        DEFAULT_AUTO_CACHE_MIN_BYTES, null);
  }

  /** Decode the source only: no cache read or written. */
  public static LoadOptions noCache() {
    return defaults().withCache(false, false);
  }

  public LoadOptions withCache(boolean use, boolean write) {
    return new LoadOptions(use, write, cachePath, checkCrc, verifySource, threads, autoCacheMinBytes, warnings);
  }

  public LoadOptions withCachePath(Path p) {
    return new LoadOptions(useCache, writeCache, p, checkCrc, verifySource, threads, autoCacheMinBytes, warnings);
  }

  public LoadOptions withCheckCrc(boolean c) {
    return new LoadOptions(useCache, writeCache, cachePath, c, verifySource, threads, autoCacheMinBytes, warnings);
  }

  public LoadOptions withVerifySource(boolean v) {
    return new LoadOptions(useCache, writeCache, cachePath, checkCrc, v, threads, autoCacheMinBytes, warnings);
  }

  public LoadOptions withThreads(int t) {
    return new LoadOptions(useCache, writeCache, cachePath, checkCrc, verifySource, t, autoCacheMinBytes, warnings);
  }

  public LoadOptions withWarnings(Consumer<String> w) {
    return new LoadOptions(useCache, writeCache, cachePath, checkCrc, verifySource, threads, autoCacheMinBytes, w);
  }
}
