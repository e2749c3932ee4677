package nas4j.bench.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.zip.CRC32C;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.StoredFixedData;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;
import nas4j.util.AtomicFiles;
import nas4j.util.ChunkedReader;

/**
 * The binary cache of a decoded file: versioned, checksummed (CRC32C of everything before the 4-byte trailer),
 * tied to the source by name, size, modification time and the SHA-256 computed when it was written, and to the
 * space index by its size and first/last hash. Values of the cells present only, as little-endian floats.
 * Stateless; thread-safe.
 *
 * <p>Layout (little-endian): magic {@code NAS4JDSC}, version, header (source name, size, mtime ms, SHA-256 hex,
 * records, parameter mismatches, space size, first and last space hash, repeats, budgets), the presence bit set,
 * then for each budget and metric the {@code repeats} values of every present cell in id order, then the fixed data
 * the source stores where they differ from the canonical ones (count, then id, adjacency bits, packed ops per
 * cell; count, then id, parameter count per cell); trailer CRC32C.
 */
final class DatasetCache {
  static final long MAGIC = 0x4353444A3453414EL; // "NAS4JDSC" little-endian
  static final int VERSION = 2;
  static final String SUFFIX = ".nas4j-cache";

  private DatasetCache() {}

  /** Header of a cache: what it was built from. Immutable. */
  record Header(String sourceName, long sourceSize, long sourceMtimeMillis, String sha256, long records,
      int parameterMismatches, int repeats, int[] budgets, int spaceSize, ModuleHash firstHash,
      ModuleHash lastHash) {

    boolean matchesSource(Path source) throws IOException {
      return source.getFileName().toString().equals(sourceName) && Files.size(source) == sourceSize
          && Files.getLastModifiedTime(source).toMillis() == sourceMtimeMillis;
    }

    boolean matchesSpace(SpaceIndex s) {
      return s.size() == spaceSize && s.hash(0).equals(firstHash) && s.hash(s.size() - 1).equals(lastHash);
    }
  }

  /** A cache read back. */
  record Content(Header header, MetricsTable table, StoredFixedData stored) {}

  /** True if the file starts with the cache magic. */
  static boolean isCache(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer bb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      while (bb.hasRemaining() && ch.read(bb) >= 0) {
        // fill
      }
      return bb.position() == 8 && bb.getLong(0) == MAGIC;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads only the header (cheap), or throws {@link DataFileException} if it is not a cache of this version. */
  static Header readHeader(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long n = Math.min(ch.size(), 1 << 16);
      ByteBuffer bb = ByteBuffer.allocate((int) n).order(ByteOrder.LITTLE_ENDIAN);
      while (bb.hasRemaining() && ch.read(bb) >= 0) {
        // fill
      }
      bb.flip();
      return header(file, bb);
    }
  }

  private static Header header(Path file, ByteBuffer bb) {
    try {
      if (bb.remaining() < 12 || bb.getLong() != MAGIC) {
        throw new DataFileException(file, 0, -1, "not a nas4j dataset cache (bad magic)");
      }
      int version = bb.getInt();
      if (version != VERSION) {
        throw new DataFileException(file, 8, -1, "dataset cache format version " + version + "; this nas4j reads "
            + VERSION);
      }
      String name = string(bb);
      long size = bb.getLong();
      long mtime = bb.getLong();
      String sha = string(bb);
      long records = bb.getLong();
      int mism = bb.getInt();
      int spaceSize = bb.getInt();
      ModuleHash first = new ModuleHash(bb.getLong(), bb.getLong());
      ModuleHash last = new ModuleHash(bb.getLong(), bb.getLong());
      int repeats = bb.getInt();
      int nb = bb.getInt();
      if (nb < 1 || nb > 4 || repeats < 1 || repeats > 16) {
        throw new DataFileException(file, bb.position(), -1, "corrupt dataset cache header");
      }
      int[] budgets = new int[nb];
      for (int i = 0; i < nb; i++) {
        budgets[i] = bb.getInt();
      }
      return new Header(name, size, mtime, sha.isEmpty() ? null : sha, records, mism, repeats, budgets, spaceSize,
          first, last);
    } catch (java.nio.BufferUnderflowException e) {
      throw new DataFileException(file, bb.position(), -1, "truncated dataset cache header");
    }
  }

  private static String string(ByteBuffer bb) {
    int n = bb.getShort() & 0xFFFF;
    byte[] b = new byte[n];
    bb.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Reads a whole cache, checking its checksum and that it fits the space. The file is read twice through one
   * small buffer (checksum first, then the values straight into the table's columns) rather than mapped: a
   * mapping would add the whole file to the process's resident memory on top of the table.
   */
  static Content read(Path file, SpaceIndex space) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 16) {
        throw new DataFileException(file, 0, -1, "not a nas4j dataset cache (" + size + " bytes)");
      }
      ChunkedReader in = new ChunkedReader(ch, size - 4);
      while (in.refill()) {
        in.buffer().position(in.buffer().limit());
      }
      long crc = in.checksum();
      ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (trailer.hasRemaining() && ch.read(trailer, size - 4 + trailer.position()) >= 0) {
        // fill
      }
      int stored = trailer.getInt(0);
      if ((int) crc != stored) {
        throw new DataFileException(file, size - 4, -1, String.format(
            "dataset cache checksum mismatch (CRC32C 0x%08X, stored 0x%08X): the cache is corrupt",
            (int) crc, stored));
      }
      in.rewind();
      in.need((int) Math.min(size - 4, 1 << 16));
      Header h = header(file, in.buffer());
      if (!h.matchesSpace(space)) {
        throw new DataFileException(file, -1, -1, "dataset cache was built for a different space index");
      }
      int capacity = space.size();
      in.need(4);
      int words = in.buffer().getInt();
      if (words < 0 || words > (capacity + 63) / 64) {
        throw new DataFileException(file, in.position(), -1, "dataset cache holds ids beyond the space");
      }
      long[] w = new long[words];
      in.get(w);
      BitSet present = BitSet.valueOf(w);
      if (present.length() > capacity) {
        throw new DataFileException(file, -1, -1, "dataset cache holds ids beyond the space");
      }
      int cells = present.cardinality();
      int r = h.repeats();
      float[][] cols = new float[h.budgets().length * 8][];
      boolean complete = cells == capacity;
      float[] packed = complete ? null : new float[cells * r];
      for (int c = 0; c < cols.length; c++) {
        float[] col = new float[capacity * r];
        if (complete) {
          in.get(col);
        } else {
          in.get(packed);
          int k = 0;
          for (int id = present.nextSetBit(0); id >= 0; id = present.nextSetBit(id + 1)) {
            System.arraycopy(packed, k, col, id * r, r);
            k += r;
          }
        }
        cols[c] = col;
      }
      StoredFixedData.Builder fixed = new StoredFixedData.Builder(space);
      in.need(4);
      int specs = in.buffer().getInt();
      for (int k = 0; k < specs; k++) {
        in.need(16);
        int id = in.buffer().getInt();
        long adj = in.buffer().getLong();
        int ops = in.buffer().getInt();
        if (id < 0 || id >= capacity) {
          throw new DataFileException(file, in.position(), -1, "dataset cache holds a stored cell beyond the space");
        }
        fixed.spec(id, adj, ops);
      }
      in.need(4);
      int counts = in.buffer().getInt();
      for (int k = 0; k < counts; k++) {
        in.need(8);
        int id = in.buffer().getInt();
        int p = in.buffer().getInt();
        if (id < 0 || id >= capacity) {
          throw new DataFileException(file, in.position(), -1, "dataset cache holds a stored count beyond the space");
        }
        fixed.parameters(id, p);
      }
      if (in.position() != size - 4) {
        throw new DataFileException(file, in.position(), -1, "dataset cache has " + (size - 4 - in.position())
            + " unexpected trailing bytes");
      }
      return new Content(h, MetricsTable.ofColumns(capacity, h.budgets(), r, cols, present), fixed.build());
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new DataFileException(file, -1, -1, "truncated dataset cache");
    }
  }

  /** Sequential little-endian reads of the first {@code end} bytes of a channel through one 1 MB buffer. */
  /** Writes a cache atomically (temp file in the same folder, then move). */
  static void write(Path file, Header h, MetricsTable t, StoredFixedData stored, SpaceIndex space)
      throws IOException {
    AtomicFiles.writeChannel(file, ch -> {
      Out out = new Out(ch);
      out.buf.putLong(MAGIC).putInt(VERSION);
      out.string(h.sourceName());
      out.buf.putLong(h.sourceSize()).putLong(h.sourceMtimeMillis());
      out.string(h.sha256() == null ? "" : h.sha256());
      out.buf.putLong(h.records()).putInt(h.parameterMismatches()).putInt(space.size());
      ModuleHash f = space.hash(0);
      ModuleHash l = space.hash(space.size() - 1);
      out.buf.putLong(f.high()).putLong(f.low()).putLong(l.high()).putLong(l.low());
      int[] budgets = t.budgets();
      out.buf.putInt(t.repeats()).putInt(budgets.length);
      for (int b : budgets) {
        out.buf.putInt(b);
      }
      BitSet present = new BitSet(t.capacity());
      t.cellIds().forEach(present::set);
      long[] w = present.toLongArray();
      out.buf.putInt(w.length);
      for (long x : w) {
        out.room(8);
        out.buf.putLong(x);
      }
      int r = t.repeats();
      boolean complete = t.cellCount() == t.capacity();
      for (int b = 0; b < budgets.length; b++) {
        for (Metric m : Metric.values()) {
          float[] col = t.column(b, m);
          if (complete) {
            for (float v : col) {
              out.room(4);
              out.buf.putFloat(v);
            }
          } else {
            for (int id = present.nextSetBit(0); id >= 0; id = present.nextSetBit(id + 1)) {
              out.room(4 * r);
              for (int k = 0; k < r; k++) {
                out.buf.putFloat(col[id * r + k]);
              }
            }
          }
        }
      }
      int[] specIds = stored.differentCellIds();
      out.room(4);
      out.buf.putInt(specIds.length);
      for (int k = 0; k < specIds.length; k++) {
        out.room(16);
        out.buf.putInt(specIds[k]).putLong(stored.adjacencyAt(k)).putInt(stored.packedOpsAt(k));
      }
      int[] paramIds = stored.differentParameterIds();
      out.room(4);
      out.buf.putInt(paramIds.length);
      for (int k = 0; k < paramIds.length; k++) {
        out.room(8);
        out.buf.putInt(paramIds[k]).putInt(stored.parametersAt(k));
      }
      out.finish();
    });
  }

  /** Buffered channel output that keeps a running CRC32C. */
  private static final class Out {
    final FileChannel ch;
    final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    final CRC32C crc = new CRC32C();

    Out(FileChannel ch) {
      this.ch = ch;
    }

    void string(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xFFFF) {
        throw new IOException("string too long for the cache header");
      }
      room(2 + b.length);
      buf.putShort((short) b.length).put(b);
    }

    void room(int n) throws IOException {
      if (buf.remaining() < n) {
        flush();
      }
    }

    void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }

    void finish() throws IOException {
      flush();
      buf.putInt((int) crc.getValue());
      buf.flip();
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }
}
