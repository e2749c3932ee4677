package nas4j.bench.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nas4j.util.AtomicFiles;

/**
 * Writes TFRecord framing ({@code length, masked CRC32C(length), payload, masked CRC32C(payload)}). When opened on
 * a path it writes to a temporary file in the same folder and moves it into place atomically on
 * {@link #close()}. Not thread-safe; {@link #frame(byte[])} is.
 */
public final class TfRecordWriter implements Closeable {
  private final OutputStream out;
  private final Path target;
  private final Path temp;
  private long records;
  private long bytes;
  private boolean failed;

  private TfRecordWriter(OutputStream out, Path target, Path temp) {
    this.out = out;
    this.target = target;
    this.temp = temp;
  }

  /** A writer onto a stream ({@link #close()} closes the stream). */
  public static TfRecordWriter to(OutputStream out) {
    return new TfRecordWriter(out, null, null);
  }

  /** A writer onto a file, committed atomically on close. */
  public static TfRecordWriter open(Path file) throws IOException {
    Path tmp = AtomicFiles.newTemporary(file);
    return new TfRecordWriter(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20), file, tmp);
  }

  /** Writes one record. */
  public void write(byte[] payload) throws IOException {
    write(payload, 0, payload.length);
  }

  /** Writes one record from a range. */
  public void write(byte[] payload, int off, int len) throws IOException {
    byte[] head = new byte[TfRecordReader.HEADER_BYTES];
    header(head, 0, len);
    try {
      out.write(head);
      out.write(payload, off, len);
      byte[] foot = new byte[4];
      putIntLE(foot, 0, Crc32c.masked(payload, off, len));
      out.write(foot);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
    records++;
    bytes += len + TfRecordReader.HEADER_BYTES + TfRecordReader.FOOTER_BYTES;
  }

  /** Writes bytes that already hold whole framed records (from {@link #frame}). */
  public void writeFramed(byte[] framed, int off, int len, int recordCount) throws IOException {
    try {
      out.write(framed, off, len);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
    records += recordCount;
    bytes += len;
  }

  /** One framed record. */
  public static byte[] frame(byte[] payload) {
    byte[] r = new byte[payload.length + TfRecordReader.HEADER_BYTES + TfRecordReader.FOOTER_BYTES];
    header(r, 0, payload.length);
    System.arraycopy(payload, 0, r, TfRecordReader.HEADER_BYTES, payload.length);
    putIntLE(r, TfRecordReader.HEADER_BYTES + payload.length, Crc32c.masked(payload, 0, payload.length));
    return r;
  }

  private static void header(byte[] b, int p, long len) {
    putIntLE(b, p, (int) len);
    putIntLE(b, p + 4, (int) (len >>> 32));
    putIntLE(b, p + 8, Crc32c.masked(b, p, 8));
  }

  static void putIntLE(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }

  /** Records written. */
  public long records() {
    return records;
  }

  /** Bytes written. */
  public long bytes() {
    return bytes;
  }

  /** Discards a file being written (the target is left untouched). */
  public void abort() throws IOException {
    failed = true;
    close();
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      if (temp != null) {
        if (failed) {
          Files.deleteIfExists(temp);
        } else {
          AtomicFiles.commit(temp, target);
        }
      }
    }
  }
}
