package nas4j.bench.io;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nas4j.bench.MetricsTable;
import nas4j.bench.StoredFixedData;
import nas4j.space.CellSpec;
import nas4j.space.SpaceIndex;
import nas4j.util.Sha256;

/**
 * Decodes an official-layout file into a {@link MetricsTable}: the calling thread reads blocks of whole records
 * (and feeds the SHA-256), worker threads check CRCs and decode blocks, and the calling thread merges the decoded
 * blocks strictly in file order, assigning repeat indexes in file order. The result does not depend on the
 * number of threads; the first bad record in file order is the one reported.
 */
final class TfRecordLoader {
  /** Repeats per (cell, budget) in NAS-Bench-101. */
  static final int REPEATS = 3;
  private static final int BLOCK_BYTES = 1 << 20; // small blocks: few MB in flight whatever the file size

  /** What a decode produced. */
  record Decoded(MetricsTable table, StoredFixedData stored, long records, String sha256, long size,
      int parameterMismatches, String firstParameterMismatch, double seconds) {}

  private TfRecordLoader() {}

  private static final class DecodedBlock {
    final int count;
    final int[] ids;
    final byte[] slots;
    final float[] values;
    final int[] params;
    final CellSpec[] stored;
    final long firstRecord;
    final long[] offsets;
    final byte[] buffer;

    DecodedBlock(TfRecordReader.Block b) {
      buffer = b.data();
      count = b.count();
      ids = new int[count];
      slots = new byte[count];
      values = new float[count * 8];
      params = new int[count];
      stored = new CellSpec[count];
      firstRecord = b.recordNumber(0);
      offsets = new long[count];
      for (int i = 0; i < count; i++) {
        offsets[i] = b.offset(i);
      }
    }
  }

  static Decoded decode(Path file, SpaceIndex space, boolean checkCrc, boolean sha, int threads) throws IOException {
    long t0 = System.nanoTime();
    MessageDigest digest = sha ? Sha256.newDigest() : null;
    Merger merger = new Merger(file, space);
    ThreadLocal<RecordDecoder> decoders = ThreadLocal.withInitial(() -> new RecordDecoder(space, file));
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "nas4j-decode");
      t.setDaemon(true);
      return t;
    }) : null;
    long size;
    try (TfRecordReader reader = TfRecordReader.open(file, checkCrc)) {
      size = reader.size();
      if (digest != null) {
        reader.digest(digest);
      }
      ArrayDeque<Future<DecodedBlock>> pending = new ArrayDeque<>();
      ArrayDeque<byte[]> free = new ArrayDeque<>();
      TfRecordReader.Block block;
      while ((block = reader.nextBlock(BLOCK_BYTES, free.poll())) != null) {
        TfRecordReader.Block b = block;
        if (pool == null) {
          DecodedBlock d = decodeBlock(b, decoders.get());
          merger.merge(d);
          free.add(d.buffer);
        } else {
          pending.add(pool.submit(() -> decodeBlock(b, decoders.get())));
          while (pending.size() > threads * 2) {
            DecodedBlock d = take(pending.poll());
            merger.merge(d);
            free.add(d.buffer);
          }
        }
      }
      while (!pending.isEmpty()) {
        merger.merge(take(pending.poll()));
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    MetricsTable table = merger.finish();
    StoredFixedData stored = merger.fixed.build();
    String hex = digest == null ? null : HexFormat.of().formatHex(digest.digest());
    return new Decoded(table, stored, merger.records, hex, size, merger.parameterMismatches, merger.firstMismatch,
        (System.nanoTime() - t0) / 1e9);
  }

  private static DecodedBlock take(Future<DecodedBlock> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while decoding", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IOException(c);
    }
  }

  private static DecodedBlock decodeBlock(TfRecordReader.Block b, RecordDecoder d) {
    DecodedBlock out = new DecodedBlock(b);
    for (int i = 0; i < out.count; i++) {
      d.decode(b, i);
      out.ids[i] = d.id;
      out.slots[i] = (byte) d.slot;
      out.params[i] = d.parameters;
      out.stored[i] = d.stored;
      System.arraycopy(d.values, 0, out.values, i * 8, 8);
    }
    return out;
  }

  /** Merges decoded blocks in file order; owns the growing columns. */
  private static final class Merger {
    private final Path file;
    private final SpaceIndex space;
    private final int capacity;
    private final float[][][] columns = new float[RecordDecoder.EPOCHS.length][][]; // [slot][metric][id*3+r]
    private final byte[] counts;
    private final BitSet present;
    long records;
    int parameterMismatches;
    String firstMismatch;
    final StoredFixedData.Builder fixed;

    Merger(Path file, SpaceIndex space) {
      this.file = file;
      this.space = space;
      this.fixed = new StoredFixedData.Builder(space);
      this.capacity = space.size();
      this.counts = new byte[capacity * RecordDecoder.EPOCHS.length];
      this.present = new BitSet(capacity);
    }

    void merge(DecodedBlock d) {
      for (int i = 0; i < d.count; i++) {
        int id = d.ids[i];
        int slot = d.slots[i];
        int key = id * RecordDecoder.EPOCHS.length + slot;
        int r = counts[key];
        if (r >= REPEATS) {
          throw new DataFileException(file, d.offsets[i], d.firstRecord + i, "cell " + space.hash(id)
              + " has more than " + REPEATS + " records at " + RecordDecoder.EPOCHS[slot] + " epochs (this is "
              + "repeat " + (r + 1) + "); NAS-Bench-101 has exactly " + REPEATS + " repeats per budget");
        }
        counts[key] = (byte) (r + 1);
        float[][] cols = columns[slot];
        if (cols == null) {
          cols = new float[8][capacity * REPEATS];
          columns[slot] = cols;
        }
        int at = id * REPEATS + r;
        int v = i * 8;
        for (int m = 0; m < 8; m++) {
          cols[m][at] = d.values[v + m];
        }
        present.set(id);
        fixed.record(id, d.stored[i], d.params[i]);
        if (d.params[i] != space.parameters(id)) {
          if (parameterMismatches++ == 0) {
            firstMismatch = "record " + (d.firstRecord + i) + " (byte offset " + d.offsets[i] + "): cell "
                + space.hash(id) + " stores " + d.params[i] + " trainable parameters; the exact count is "
                + space.parameters(id);
          }
        }
      }
      records += d.count;
    }

    MetricsTable finish() {
      int nb = 0;
      for (float[][] c : columns) {
        if (c != null) {
          nb++;
        }
      }
      if (nb == 0) {
        throw new DataFileException(file, 0, -1, "the file holds no records");
      }
      int[] budgets = new int[nb];
      int[] slots = new int[nb];
      float[][] cols = new float[nb * 8][];
      int k = 0;
      for (int s = 0; s < columns.length; s++) {
        if (columns[s] != null) {
          budgets[k] = RecordDecoder.EPOCHS[s];
          slots[k] = s;
          System.arraycopy(columns[s], 0, cols, k * 8, 8);
          k++;
        }
      }
      // every present cell needs exactly REPEATS records at every budget of the file
      int bad = 0;
      String first = null;
      for (int id = present.nextSetBit(0); id >= 0; id = present.nextSetBit(id + 1)) {
        for (int j = 0; j < nb; j++) {
          int c = counts[id * RecordDecoder.EPOCHS.length + slots[j]];
          if (c != REPEATS) {
            if (bad++ == 0) {
              first = "cell " + space.hash(id) + " has " + c + " record" + (c == 1 ? "" : "s") + " at " + budgets[j]
                  + " epochs; expected " + REPEATS + " repeats at every budget of the file " + java.util.Arrays
                  .toString(budgets);
            }
          }
        }
      }
      if (bad > 0) {
        throw new DataFileException(file, -1, -1, first + (bad > 1 ? " (and " + (bad - 1)
            + " more (cell, budget) pairs with a wrong number of repeats)" : ""));
      }
      return MetricsTable.ofColumns(capacity, budgets, REPEATS, cols, present);
    }
  }
}
