package nas4j.bench.io;

import java.util.zip.CRC32C;

/** The masked CRC32C of TFRecord framing. Stateless; thread-safe. */
final class Crc32c {
  private static final int MASK_DELTA = 0xA282EAD8;

  private Crc32c() {}

  /** CRC32C of a range. */
  static int crc(byte[] b, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(b, off, len);
    return (int) c.getValue();
  }

  /** The TFRecord mask: rotate right by 15 and add 0xA282EAD8. */
  static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** The masked CRC32C of a range. */
  static int masked(byte[] b, int off, int len) {
    return mask(crc(b, off, len));
  }
}
