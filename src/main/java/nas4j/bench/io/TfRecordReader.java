package nas4j.bench.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a TFRecord file (a bare concatenation of {@code length, masked CRC32C(length), payload, masked
 * CRC32C(payload)} records, no compression) sequentially, either record by record ({@link #next()}) or in blocks
 * of whole records ({@link #nextBlock(int)}) that can be checked and decoded in parallel. Both CRCs are checked
 * unless switched off; a truncated or corrupt file raises {@link DataFileException} naming the file, byte offset
 * and record number. Optionally feeds every byte read, in file order, to a {@link MessageDigest}.
 *
 * <p>Not thread-safe (one reader per file); the returned {@link Block}s are immutable and may be shared.
 */
public final class TfRecordReader implements Closeable {
  /** Bytes before the payload: 8 length bytes and 4 CRC bytes. */
  public static final int HEADER_BYTES = 12;
  /** Bytes after the payload: the payload CRC. */
  public static final int FOOTER_BYTES = 4;
  private static final int STREAM_BLOCK = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final long size;
  private final boolean checkCrc;
  private MessageDigest digest;

  private byte[] carry = new byte[0];
  private int carryLen;
  private long carryOffset;
  private long nextRecord;
  private boolean eof;

  // streaming state
  private Block current;
  private int index = -1;

  private TfRecordReader(Path file, boolean checkCrc) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
    this.checkCrc = checkCrc;
  }

  /** Opens a file; {@code checkCrc = false} skips both CRC checks (framing lengths are still checked). */
  public static TfRecordReader open(Path file, boolean checkCrc) throws IOException {
    return new TfRecordReader(file, checkCrc);
  }

  /** Opens a file with CRC checks on. */
  public static TfRecordReader open(Path file) throws IOException {
    return open(file, true);
  }

  /** Feeds every byte read from now on to {@code d} (call before reading). */
  public TfRecordReader digest(MessageDigest d) {
    this.digest = d;
    return this;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The file size in bytes. */
  public long size() {
    return size;
  }

  // ---------------------------------------------------------------- blocks

  /**
   * The next block of whole records, about {@code targetBytes} long (larger if one record is larger), or null at
   * a clean end of file. The length CRC of every record is checked here; payload CRCs are checked by
   * {@link Block#checkPayloadCrc(int)} (so that they can be checked in parallel).
   */
  public Block nextBlock(int targetBytes) throws IOException {
    return nextBlock(targetBytes, null);
  }

  /**
   * Same, filling {@code reuse} when it is large enough (the caller guarantees that no block still uses it);
   * recycling buffers avoids allocating fresh memory for every block.
   */
  public Block nextBlock(int targetBytes, byte[] reuse) throws IOException {
    int cap = Math.max(Math.max(targetBytes, 64), carryLen);
    byte[] buf;
    if (reuse != null && reuse.length >= cap) {
      buf = reuse;
      System.arraycopy(carry, 0, buf, 0, carryLen);
      cap = buf.length;
    } else {
      buf = Arrays.copyOf(carry, cap);
    }
    int len = carryLen;
    long base = carryOffset;
    int[] starts = new int[Math.max(16, cap / 256)];
    int[] lengths = new int[starts.length];
    int count = 0;
    int pos = 0;
    while (true) {
      len = fill(buf, len);
      // parse as many whole records as the buffer holds
      while (true) {
        int avail = len - pos;
        if (avail < HEADER_BYTES) {
          if (eof && avail > 0) {
            throw new DataFileException(file, base + pos, nextRecord + count, "truncated record: file ends "
                + avail + " bytes into a " + HEADER_BYTES + "-byte record header (file size " + size + ")");
          }
          break;
        }
        long n = readLongLE(buf, pos);
        if (checkCrc) {
          int stored = readIntLE(buf, pos + 8);
          int computed = Crc32c.masked(buf, pos, 8);
          if (stored != computed) {
            throw new DataFileException(file, base + pos, nextRecord + count, String.format(
                "corrupt record: masked CRC32C of the length field is 0x%08X, stored 0x%08X (length field reads %d)",
                computed, stored, n));
          }
        }
        long remaining = size - (base + pos) - HEADER_BYTES - FOOTER_BYTES;
        if (n < 0 || n > remaining) {
          throw new DataFileException(file, base + pos, nextRecord + count, "truncated record: payload length " + n
              + " but only " + Math.max(0, remaining) + " payload bytes remain before the end of the file (size "
              + size + ")");
        }
        if (n > Integer.MAX_VALUE - 64) {
          throw new DataFileException(file, base + pos, nextRecord + count, "record too large: " + n + " bytes");
        }
        int total = (int) n + HEADER_BYTES + FOOTER_BYTES;
        if (total > avail) {
          break;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = pos;
        lengths[count] = (int) n;
        count++;
        pos += total;
      }
      if (count > 0 || (eof && len == pos)) {
        break;
      }
      // not a single whole record yet: the first record is larger than the buffer
      if (len == buf.length) {
        long n = readLongLE(buf, 0);
        buf = Arrays.copyOf(buf, (int) Math.max(buf.length * 2L, n + HEADER_BYTES + FOOTER_BYTES));
      }
    }
    // keep the tail for the next block
    carryLen = len - pos;
    carry = Arrays.copyOfRange(buf, pos, len);
    carryOffset = base + pos;
    if (count == 0) {
      return null;
    }
    Block b = new Block(file, buf, base, nextRecord, count, starts, lengths, checkCrc);
    nextRecord += count;
    return b;
  }

  private int fill(byte[] buf, int len) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(buf);
    while (len < buf.length && !eof) {
      bb.limit(buf.length).position(len);
      int r = channel.read(bb);
      if (r < 0) {
        eof = true;
      } else {
        if (digest != null) {
          digest.update(buf, len, r);
        }
        len += r;
      }
    }
    return len;
  }

  // ---------------------------------------------------------------- streaming

  /** Advances to the next record (payload CRC checked); false at a clean end of file. */
  public boolean next() throws IOException {
    if (current != null && index + 1 < current.count()) {
      index++;
    } else {
      current = nextBlock(STREAM_BLOCK);
      index = 0;
      if (current == null) {
        return false;
      }
    }
    if (checkCrc) {
      current.checkPayloadCrc(index);
    }
    return true;
  }

  /** Byte offset of the current record. */
  public long offset() {
    return current.offset(index);
  }

  /** Number (0-based) of the current record. */
  public long recordNumber() {
    return current.recordNumber(index);
  }

  /** A copy of the current payload. */
  public byte[] payload() {
    return current.payload(index);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  static long readLongLE(byte[] b, int p) {
    return (readIntLE(b, p) & 0xFFFFFFFFL) | ((long) readIntLE(b, p + 4) << 32);
  }

  static int readIntLE(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
  }

  /** Whole records read in one piece: the raw bytes and where each record starts. Immutable. */
  public static final class Block {
    private final Path file;
    private final byte[] data;
    private final long baseOffset;
    private final long firstRecord;
    private final int count;
    private final int[] starts;
    private final int[] lengths;
    private final boolean checkCrc;

    Block(Path file, byte[] data, long baseOffset, long firstRecord, int count, int[] starts, int[] lengths,
        boolean checkCrc) {
      this.file = file;
      this.data = data;
      this.baseOffset = baseOffset;
      this.firstRecord = firstRecord;
      this.count = count;
      this.starts = starts;
      this.lengths = lengths;
      this.checkCrc = checkCrc;
    }

    /** Number of records. */
    public int count() {
      return count;
    }

    /** The raw bytes (do not modify). */
    public byte[] data() {
      return data;
    }

    /** Byte offset in the file of record {@code i} of the block. */
    public long offset(int i) {
      return baseOffset + starts[i];
    }

    /** Record number (0-based, in the file) of record {@code i}. */
    public long recordNumber(int i) {
      return firstRecord + i;
    }

    /** Where the payload of record {@code i} starts in {@link #data()}. */
    public int payloadOffset(int i) {
      return starts[i] + HEADER_BYTES;
    }

    /** Payload length of record {@code i}. */
    public int payloadLength(int i) {
      return lengths[i];
    }

    /** A copy of the payload of record {@code i}. */
    public byte[] payload(int i) {
      int p = payloadOffset(i);
      return Arrays.copyOfRange(data, p, p + lengths[i]);
    }

    /** Checks the masked payload CRC of record {@code i} (no-op if the reader does not check CRCs). */
    public void checkPayloadCrc(int i) {
      if (!checkCrc) {
        return;
      }
      int p = payloadOffset(i);
      int stored = readIntLE(data, p + lengths[i]);
      int computed = Crc32c.masked(data, p, lengths[i]);
      if (stored != computed) {
        throw new DataFileException(file, offset(i), recordNumber(i), String.format(
            "corrupt record: masked CRC32C of the %d-byte payload is 0x%08X, stored 0x%08X", lengths[i], computed,
            stored));
      }
    }
  }
}
