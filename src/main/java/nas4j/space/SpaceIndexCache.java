package nas4j.space;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import nas4j.util.AtomicFiles;
import nas4j.util.ChunkedReader;

/**
 * The disk cache of the {@link SpaceIndex}: enumerating the space takes seconds, reading the cache (19 MB) a
 * fraction of that. Layout (little-endian): magic {@code NAS4JSPI}, version, the three counts, the full DAGs,
 * the labelled-graph map, the per-cell arrays, and a CRC32C of everything before it. Written atomically; a cache
 * that is unreadable, of another version or corrupt is rebuilt. Stateless.
 */
public final class SpaceIndexCache {
  static final int VERSION = 1;
  private static final long MAGIC = 0x4E4153344A535049L; // "NAS4JSPI"

  private SpaceIndexCache() {}

  /**
   * The default cache file, in {@link #dir()}: {@code -Dnas4j.cache.dir} if set, else {@code $NAS4J_CACHE_DIR}, else
   * {@code ~/.cache/nas4j}.
   */
  public static Path defaultFile() {
    return dir().resolve("space-index-v" + VERSION + ".bin");
  }

  /** The folder for nas4j's derived caches: the system property first, then the environment, then the home. */
  public static Path dir() {
    String prop = System.getProperty("nas4j.cache.dir");
    if (prop != null && !prop.isBlank()) {
      return Paths.get(prop);
    }
    String env = System.getenv("NAS4J_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return Paths.get(env);
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "nas4j");
  }

  /** Loads the cache at {@code file} if it is present and intact, else enumerates and writes it. */
  public static SpaceIndex loadOrBuild(Path file) {
    String why = "first use";
    if (Files.isRegularFile(file)) {
      try {
        return read(file);
      } catch (IOException | RuntimeException e) {
        System.err.println("nas4j: space index cache " + file + " is unusable (" + e.getMessage() + ")");
        why = "its cache was unusable";
      }
    }
    // the only slow step of a first use (~25-40 s on 2 cores): say what happens, on standard error like the messages
    // above, so that a newcomer's first command is not silent
    System.err.println("nas4j: enumerating the NAS-Bench-101 space (" + why + "; about half a minute)...");
    long t0 = System.nanoTime();
    SpaceIndex idx = SpaceIndex.enumerate();
    try {
      write(idx, file);
      System.err.printf(java.util.Locale.ROOT, "nas4j: enumerated %,d cells in %.1f s; cached in %s for later "
          + "runs%n", idx.size(), (System.nanoTime() - t0) / 1e9, file);
    } catch (IOException | RuntimeException e) {
      System.err.println("nas4j: could not write space index cache " + file + ": " + e.getMessage()
          + " (later runs will enumerate again; give a writable folder with NAS4J_CACHE_DIR or -Dnas4j.cache.dir)");
    }
    return idx;
  }

  /** Writes the index atomically (temp file, then rename) with a CRC32C checksum. */
  public static void write(SpaceIndex index, Path file) throws IOException {
    int nd = index.dagMask.length;
    int ng = index.labelledToId.length;
    int nc = index.hashLow.length;
    int size = 8 + 4 * 4 + nd * 5 + ng * 4 + nc * (1 + 8 + 4 + 8 + 8 + 4) + 8;
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(MAGIC).putInt(VERSION).putInt(nd).putInt(ng).putInt(nc);
    b.put(index.dagVertices);
    b.asIntBuffer().put(index.dagMask);
    b.position(b.position() + nd * 4);
    b.asIntBuffer().put(index.labelledToId);
    b.position(b.position() + ng * 4);
    b.put(index.cellVertices);
    b.asLongBuffer().put(index.cellAdj);
    b.position(b.position() + nc * 8);
    b.asIntBuffer().put(index.cellOps);
    b.position(b.position() + nc * 4);
    b.asLongBuffer().put(index.hashHigh);
    b.position(b.position() + nc * 8);
    b.asLongBuffer().put(index.hashLow);
    b.position(b.position() + nc * 8);
    b.asIntBuffer().put(index.parameters);
    b.position(b.position() + nc * 4);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putLong(crc.getValue());
    AtomicFiles.write(file, b.array());
  }

  /**
   * Reads a cache written by {@link #write(SpaceIndex, Path)}; checks magic, version, size and checksum. The file is read
   * through one small buffer straight into the index's arrays (no whole-file copy, no file-sized I/O buffer).
   */
  public static SpaceIndex read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 32) {
        throw new IOException(file + ": too short for a space index cache");
      }
      ChunkedReader in = new ChunkedReader(ch, size - 8);
      if (in.getLong() != MAGIC) {
        throw new IOException(file + ": not a nas4j space index cache");
      }
      int version = in.getInt();
      if (version != VERSION) {
        throw new IOException(file + ": cache version " + version + ", expected " + VERSION);
      }
      int nd = in.getInt();
      int ng = in.getInt();
      int nc = in.getInt();
      long expected = 8 + 16 + nd * 5L + ng * 4L + nc * 33L + 8;
      if (nd < 0 || ng < 0 || nc < 0 || expected != size) {
        throw new IOException(file + ": size " + size + " does not match its header (" + expected + ")");
      }
      byte[] dv = new byte[nd];
      in.get(dv);
      int[] dm = new int[nd];
      in.get(dm);
      int[] l2i = new int[ng];
      in.get(l2i);
      byte[] cv = new byte[nc];
      in.get(cv);
      long[] ca = new long[nc];
      in.get(ca);
      int[] co = new int[nc];
      in.get(co);
      long[] hh = new long[nc];
      in.get(hh);
      long[] hl = new long[nc];
      in.get(hl);
      int[] pa = new int[nc];
      in.get(pa);
      ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      while (trailer.hasRemaining() && ch.read(trailer, size - 8 + trailer.position()) >= 0) {
        // fill
      }
      if (trailer.getLong(0) != in.checksum()) {
        throw new IOException(file + ": checksum mismatch (corrupt cache)");
      }
      try {
        return new SpaceIndex(dv, dm, l2i, cv, ca, co, hh, hl, pa, file);
      } catch (IllegalStateException e) {
        throw new UncheckedIOException(new IOException(file + ": " + e.getMessage()));
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw new IOException(file + ": truncated space index cache");
    }
  }
}
