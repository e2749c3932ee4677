package nas4j.bench.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import nas4j.bench.Benchmark;
import nas4j.space.SpaceIndex;
import nas4j.space.SpaceIndexCache;
import nas4j.util.Sha256;

/**
 * Loads NAS-Bench-101 files: {@code nasbench_only108.tfrecord}, {@code nasbench_full.tfrecord}, any file in their
 * layout (samples, third-party files, exports), or a nas4j cache of one. Thread-safe (stateless).
 *
 * <p><b>Cache.</b> Decoding a source of at least 16 MB writes {@code FILE.tfrecord.nas4j-cache} beside it (or in
 * {@code ~/.cache/nas4j/datasets/} when that folder is not writable). A later load uses the cache when its format
 * version, the space index and the source's name, size and modification time match; otherwise it decodes the
 * source again and rewrites the cache. The source's SHA-256 is computed while decoding (and compared with the
 * published value of an official file) and recorded in the cache; it is not recomputed on cache loads (that would
 * cost seconds) unless {@link LoadOptions#verifySource()} asks for it.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * Loads a {@code .tfrecord} file or its cache with the default options (cache used and created automatically,
   * CRCs checked, all cores). Identity: {@code nasbench_only108.tfrecord sha256:4c39c393…}; the full SHA-256 is
   * in {@link DatasetBenchmark#dataset()}.
   *
   * @throws DataFileException (an IllegalArgumentException) naming the file, byte offset and record for bad data
   * @throws UncheckedIOException for I/O errors
   */
  public static Benchmark load(Path file) {
    return load(file, LoadOptions.defaults()).benchmark();
  }

  /** Loads with options; returns the benchmark, the file identity and a report. */
  public static LoadedDataset load(Path file, LoadOptions options) {
    return load(file, options, SpaceIndex.shared());
  }

  /** Loads with options over a given space index. */
  public static LoadedDataset load(Path file, LoadOptions options, SpaceIndex space) {
    try {
      return doLoad(file, options, space, false);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code nas4j convert}: decodes the source and writes its cache ({@code cache} or the default path), whatever
   * the source's size and whether a valid cache exists.
   */
  public static LoadedDataset convert(Path source, Path cache, LoadOptions options) {
    try {
      if (DatasetCache.isCache(source)) {
        throw new IllegalArgumentException(source + " is already a nas4j cache; convert takes a .tfrecord file");
      }
      return doLoad(source, options.withCache(false, true).withCachePath(cache), SpaceIndex.shared(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  /** The default cache path of a source: {@code FILE.nas4j-cache} beside it. */
  public static Path defaultCachePath(Path source) {
    Path abs = source.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + DatasetCache.SUFFIX);
  }

  /** Where the cache goes when the source's folder is not writable. */
  public static Path fallbackCachePath(Path source) throws IOException {
    Path abs = source.toAbsolutePath();
    return SpaceIndexCache.dir().resolve("datasets").resolve(abs.getFileName() + "-" + Files.size(abs)
        + DatasetCache.SUFFIX);
  }

  private static LoadedDataset doLoad(Path file, LoadOptions o, SpaceIndex space, boolean forceWrite)
      throws IOException {
    long t0 = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    Consumer<String> warn = w -> {
      warnings.add(w);
      o.warnings().accept(w);
    };
    if (Files.isDirectory(file)) {
      throw new DataFileException(file, -1, -1, "is a folder; give a NAS-Bench-101 .tfrecord file (or its "
          + DatasetCache.SUFFIX + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    if (file.getFileName().toString().endsWith(DatasetCache.SUFFIX) && !DatasetCache.isCache(file)) {
      throw new DataFileException(file, 0, -1, "named like a nas4j cache but does not start with the cache's magic"
          + " number (damaged, or not a cache); delete it: nas4j rebuilds the cache from its .tfrecord");
    }
    // given a cache directly
    if (DatasetCache.isCache(file)) {
      DatasetCache.Header h = DatasetCache.readHeader(file);
      Path source = file.toAbsolutePath().resolveSibling(h.sourceName());
      if (Files.isRegularFile(source) && !h.matchesSource(source)) {
        warn.accept(file + " is stale (" + source + " changed since it was written); decoding the source again");
        return doLoad(source, o.withCachePath(file), space, true);
      }
      return fromCache(file, source, o, space, warn, warnings, t0);
    }
    // a source: try the caches
    List<Path> candidates = new ArrayList<>();
    if (o.cachePath() != null) {
      candidates.add(o.cachePath());
    } else {
      candidates.add(defaultCachePath(file));
      candidates.add(fallbackCachePath(file));
    }
    boolean staleSeen = false;
    Path hit = null; // a cache whose header matches; read outside the header checks, so that its own errors (and a
    // source that --verify finds changed and fails to decode) are not taken for an unusable header
    if (o.useCache()) {
      for (Path c : candidates) {
        if (!Files.isRegularFile(c)) {
          continue;
        }
        try {
          DatasetCache.Header h = DatasetCache.readHeader(c);
          if (h.matchesSource(file) && h.matchesSpace(space)) {
            hit = c;
            break;
          }
          staleSeen = true;
          warn.accept(c + " does not match " + file.getFileName() + " (size or modification time changed); "
              + "rebuilding it");
        } catch (DataFileException e) {
          staleSeen = true;
          warn.accept("ignoring unusable cache: " + e.getMessage() + "; rebuilding it");
        } catch (IOException e) {
          warn.accept("ignoring unreadable cache " + c + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
              + "); decoding " + file.getFileName() + " instead");
        }
      }
    }
    if (hit != null) {
      return fromCache(hit, file, o, space, warn, warnings, t0);
    }
    // decode
    TfRecordLoader.Decoded d = TfRecordLoader.decode(file, space, o.checkCrc(), true, o.threads());
    DatasetIdentity id = DatasetIdentity.of(file.getFileName().toString(), d.size(), d.sha256());
    if (id.warning() != null) {
      warn.accept(id.warning());
    }
    if (d.parameterMismatches() > 0) {
      warn.accept(d.parameterMismatches() + " records store a trainable-parameter count different from the exact "
          + "count; queries return the stored count, as the official API does, and the exact count separately"
          + " (exact_trainable_parameters). First: " + d.firstParameterMismatch());
    }
    Path written = null;
    boolean write = o.writeCache() && (forceWrite || staleSeen || o.cachePath() != null
        || d.size() >= o.autoCacheMinBytes());
    if (write) {
      DatasetCache.Header h = new DatasetCache.Header(file.getFileName().toString(), d.size(),
          Files.getLastModifiedTime(file).toMillis(), d.sha256(), d.records(), d.parameterMismatches(),
          d.table().repeats(), d.table().budgets(), space.size(), space.hash(0), space.hash(space.size() - 1));
      IOException last = null;
      for (Path c : candidates) {
        try {
          DatasetCache.write(c, h, d.table(), d.stored(), space);
          written = c;
          break;
        } catch (IOException e) {
          last = e;
        }
      }
      if (written == null) {
        String msg = "could not write the cache (" + (last == null ? "?" : last) + ")";
        if (forceWrite) {
          throw new IOException(msg, last);
        }
        warn.accept(msg);
      }
    }
    LoadReport r = new LoadReport(d.records(), d.table().cellCount(), d.table().budgets(), false, null, written,
        (System.nanoTime() - t0) / 1e9, o.threads(), d.parameterMismatches(), warnings);
    return new LoadedDataset(new DatasetBenchmark(id, space, d.table(), d.stored()), id, r);
  }

  private static LoadedDataset fromCache(Path cache, Path source, LoadOptions o, SpaceIndex space,
      Consumer<String> warn, List<String> warnings, long t0) throws IOException {
    DatasetCache.Content c;
    try {
      c = DatasetCache.read(cache, space);
    } catch (DataFileException e) {
      if (Files.isRegularFile(source)) {
        warn.accept("ignoring unusable cache: " + e.getMessage() + "; decoding " + source + " again");
        return doLoad(source, o.withCache(false, o.writeCache()).withCachePath(cache), space, true);
      }
      throw e;
    } catch (IOException e) { // unreadable (permissions, I/O error): the source still answers
      if (Files.isRegularFile(source)) {
        warn.accept("ignoring unreadable cache " + cache + " (" + e.getClass().getSimpleName() + ": "
            + e.getMessage() + "); decoding " + source + " instead");
        return doLoad(source, o.withCache(false, false), space, false);
      }
      throw e;
    }
    DatasetCache.Header h = c.header();
    if (o.verifySource()) {
      if (!Files.isRegularFile(source)) {
        throw new java.nio.file.NoSuchFileException(source + " (needed to verify " + cache + ")");
      }
      String now = Sha256.ofFile(source);
      if (!now.equals(h.sha256())) {
        warn.accept(cache + " is stale: it was written from a " + source.getFileName() + " with SHA-256 "
            + h.sha256() + ", and " + source + " now has SHA-256 " + now + " (same size and modification time: "
            + "changed in place); decoding the source again and rewriting the cache");
        return doLoad(source, o.withCache(false, o.writeCache()).withCachePath(cache), space, true);
      }
    }
    DatasetIdentity id = DatasetIdentity.of(h.sourceName(), h.sourceSize(), h.sha256());
    if (id.warning() != null) {
      warn.accept(id.warning());
    }
    LoadReport r = new LoadReport(h.records(), c.table().cellCount(), c.table().budgets(), true, cache, null,
        (System.nanoTime() - t0) / 1e9, 1, h.parameterMismatches(), warnings);
    return new LoadedDataset(new DatasetBenchmark(id, space, c.table(), c.stored()), id, r);
  }

  /** A one-line summary of a load, for the CLI. */
  public static String describe(LoadedDataset d) {
    LoadReport r = d.report();
    return String.format(Locale.ROOT, "%s: %,d records, %,d cells, budgets %s, %s in %.3f s", d.identity()
        .identity(), r.records(), r.cells(), java.util.Arrays.toString(r.budgets()), r.fromCache()
        ? "from cache " + r.cacheRead() : "decoded", r.seconds());
  }
}
