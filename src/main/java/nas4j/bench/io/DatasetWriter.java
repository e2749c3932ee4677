package nas4j.bench.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nas4j.bench.Benchmark;
import nas4j.bench.RunMetrics;
import nas4j.space.SpaceIndex;

/**
 * Writes a {@link Benchmark} as an official-layout TFRecord file: for every cell with data (ascending id), every
 * budget of the variant (ascending) and every repeat, one record exactly like the genuine ones (JSON separators
 * {@code ", "}, base64 in 76-character lines, evaluation [0] at epoch 0, [1] halfway, [2] final, trainable
 * parameters, total time = final training time). Reading the file back gives the same table values. Records are
 * encoded in parallel and written in order; the file is written atomically. Stateless; thread-safe.
 */
public final class DatasetWriter {
  private static final int CELLS_PER_CHUNK = 2048;

  private DatasetWriter() {}

  /** Writes every cell of {@code b} in the given variant's layout. */
  public static void write(Benchmark b, Variant variant, Path out) {
    write(b, variant, out, Runtime.getRuntime().availableProcessors());
  }

  /** Same, with a number of encoding threads (the output does not depend on it). */
  public static void write(Benchmark b, Variant variant, Path out, int threads) {
    int[] budgets = variant.budgets();
    for (int e : budgets) {
      if (Arrays.binarySearch(b.epochBudgets(), e) < 0) {
        throw new IllegalArgumentException("the " + variant + " layout needs " + e + " epochs but " + b.identity()
            + " has only " + Arrays.toString(b.epochBudgets()));
      }
    }
    if (b.repeats() != TfRecordLoader.REPEATS) {
      throw new IllegalArgumentException("the official layout has " + TfRecordLoader.REPEATS + " repeats; "
          + b.identity() + " has " + b.repeats());
    }
    int[] ids = b.cellIds().toArray();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "nas4j-encode");
      t.setDaemon(true);
      return t;
    });
    TfRecordWriter w = null;
    try {
      w = TfRecordWriter.open(out);
      ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
      int chunks = (ids.length + CELLS_PER_CHUNK - 1) / CELLS_PER_CHUNK;
      for (int c = 0; c < chunks; c++) {
        int from = c * CELLS_PER_CHUNK;
        int to = Math.min(ids.length, from + CELLS_PER_CHUNK);
        pending.add(pool.submit(() -> encode(b, ids, from, to, budgets)));
        while (pending.size() > threads * 2) {
          byte[] chunk = take(pending.poll());
          w.writeFramed(chunk, 0, chunk.length, 0);
        }
      }
      while (!pending.isEmpty()) {
        byte[] chunk = take(pending.poll());
        w.writeFramed(chunk, 0, chunk.length, 0);
      }
      w.close();
      w = null;
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
      if (w != null) {
        try {
          w.abort();
        } catch (IOException ignored) {
          // the original error matters
        }
      }
    }
  }

  private static byte[] take(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IOException(e.getCause());
    }
  }

  private static byte[] encode(Benchmark b, int[] ids, int from, int to, int[] budgets) {
    SpaceIndex space = b.space();
    ByteArrayOutputStream out = new ByteArrayOutputStream((to - from) * budgets.length * 3 * 420);
    for (int k = from; k < to; k++) {
      int id = ids[k];
      var cell = space.cell(id);
      String hash = space.hash(id).toString();
      String adj = cell.adjacencyString();
      String ops = cell.opsString();
      int params = space.parameters(id);
      for (int e : budgets) {
        for (int r = 0; r < b.repeats(); r++) {
          RunMetrics m = b.run(id, e, r);
          byte[] framed = TfRecordWriter.frame(TrainingRun.of(hash, e, adj, ops, params, m).encode());
          out.write(framed, 0, framed.length);
        }
      }
    }
    return out.toByteArray();
  }
}
