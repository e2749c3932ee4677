package nas4j.space;

import java.util.Objects;

/**
 * The official NAS-Bench-101 module fingerprint (an MD5 digest), the key of every record of the dataset.
 * Immutable. {@link #toString()} gives the 32 lowercase hex characters of the data files.
 */
public record ModuleHash(long high, long low) implements Comparable<ModuleHash> {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Parses 32 hex characters. */
  public static ModuleHash parse(String hex) {
    Objects.requireNonNull(hex, "hash");
    String h = hex.trim();
    if (h.length() != 32) {
      throw new IllegalArgumentException("a module hash has 32 hex characters; '" + h + "' has " + h.length());
    }
    return new ModuleHash(parseHex(h, 0), parseHex(h, 16));
  }

  /** True if the text looks like a module hash (32 hex characters). */
  public static boolean looksLikeHash(String text) {
    String h = text.trim();
    if (h.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      if (Character.digit(h.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static long parseHex(String h, int from) {
    long v = 0;
    for (int i = from; i < from + 16; i++) {
      int d = Character.digit(h.charAt(i), 16);
      if (d < 0) {
        throw new IllegalArgumentException("'" + h + "' is not a module hash: character " + i + " is not hex");
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** From the 16 digest bytes. */
  public static ModuleHash ofDigest(byte[] d, int off) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = hi << 8 | (d[off + i] & 0xFF);
      lo = lo << 8 | (d[off + 8 + i] & 0xFF);
    }
    return new ModuleHash(hi, lo);
  }

  /**
   * The fingerprint of a cell valid under the API rule (pruned first), by the fastest exact path available: a
   * table look-up if the shared {@link SpaceIndex} is already in memory, else the MD5 computation of
   * {@link CellHasher}. Both give the same value. Thread-safe.
   *
   * @throws OutOfDomainException if the cell is not valid
   */
  public static ModuleHash of(CellSpec spec) {
    SpaceIndex space = SpaceIndex.sharedIfLoaded();
    return space != null ? space.hashOf(spec) : CellHasher.get().hash(spec);
  }

  /** Unsigned comparison = lexicographic order of the hex strings. */
  @Override
  public int compareTo(ModuleHash o) {
    int c = Long.compareUnsigned(high, o.high);
    return c != 0 ? c : Long.compareUnsigned(low, o.low);
  }

  @Override
  public String toString() {
    char[] c = new char[32];
    for (int i = 0; i < 16; i++) {
      c[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
      c[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xF];
    }
    return new String(c);
  }
}
