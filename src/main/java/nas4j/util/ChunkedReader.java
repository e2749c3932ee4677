package nas4j.util;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Little-endian sequential reads of a file's first {@code end} bytes through one 1 MB buffer, straight into
 * primitive arrays (no whole-file copy, no mapping), with the CRC32C of every byte read since the last
 * {@link #rewind()}. Reading past {@code end} throws {@link BufferUnderflowException}. Not thread-safe.
 */
public final class ChunkedReader {
  private final FileChannel ch;
  private final long end;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private long filePos; // file offset of the byte after the buffer's limit

  public ChunkedReader(FileChannel ch, long end) {
    this.ch = ch;
    this.end = end;
    rewind();
  }

  /** Starts again at offset 0 (and resets the checksum). */
  public void rewind() {
    filePos = 0;
    crc.reset();
    buf.clear().limit(0);
  }

  /** The read buffer; after {@link #need(int)} at least that many bytes can be read from it directly. */
  public ByteBuffer buffer() {
    return buf;
  }

  /** CRC32C of the bytes read from the file since the last rewind. */
  public long checksum() {
    return crc.getValue();
  }

  /** File offset of the next unread byte. */
  public long position() {
    return filePos - buf.remaining();
  }

  /** Keeps the unread bytes and reads more; false when nothing is left to read and nothing is unread. */
  public boolean refill() throws IOException {
    buf.compact();
    while (buf.hasRemaining() && filePos < end) {
      ByteBuffer slice = buf.duplicate();
      slice.limit(slice.position() + (int) Math.min(buf.remaining(), end - filePos));
      int n = ch.read(slice, filePos);
      if (n < 0) {
        break;
      }
      crc.update(buf.array(), buf.position(), n);
      buf.position(buf.position() + n);
      filePos += n;
    }
    buf.flip();
    return buf.hasRemaining();
  }

  /** Makes at least {@code n} bytes available, or throws {@link BufferUnderflowException} at the end. */
  public void need(int n) throws IOException {
    if (buf.remaining() < n) {
      refill();
      if (buf.remaining() < n) {
        throw new BufferUnderflowException();
      }
    }
  }

  public int getInt() throws IOException {
    need(4);
    return buf.getInt();
  }

  public long getLong() throws IOException {
    need(8);
    return buf.getLong();
  }

  public void get(byte[] dst) throws IOException {
    for (int k = 0; k < dst.length;) {
      need(1);
      int m = Math.min(dst.length - k, buf.remaining());
      buf.get(dst, k, m);
      k += m;
    }
  }

  public void get(int[] dst) throws IOException {
    for (int k = 0; k < dst.length;) {
      need(4);
      int m = Math.min(dst.length - k, buf.remaining() / 4);
      buf.asIntBuffer().get(dst, k, m);
      buf.position(buf.position() + m * 4);
      k += m;
    }
  }

  public void get(long[] dst) throws IOException {
    for (int k = 0; k < dst.length;) {
      need(8);
      int m = Math.min(dst.length - k, buf.remaining() / 8);
      buf.asLongBuffer().get(dst, k, m);
      buf.position(buf.position() + m * 8);
      k += m;
    }
  }

  public void get(float[] dst) throws IOException {
    for (int k = 0; k < dst.length;) {
      need(4);
      int m = Math.min(dst.length - k, buf.remaining() / 4);
      buf.asFloatBuffer().get(dst, k, m);
      buf.position(buf.position() + m * 4);
      k += m;
    }
  }
}
