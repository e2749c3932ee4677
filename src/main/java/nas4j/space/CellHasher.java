package nas4j.space;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes the official module fingerprint, bit-exact (see README, "Module hash"): per-vertex MD5 of
 * {@code (out, in, label)}, then n rounds of MD5 over sorted predecessor and successor hashes, then MD5 of the
 * sorted final hashes printed as a Python list.
 *
 * <p>A 7-vertex cell costs 57 MD5 digests (7 initial, 7 rounds of 7, 1 final) over about 150 blocks. The JDK's
 * MD5 is used because its block function is a JIT intrinsic (a hand-written Java MD5 measured about 20 % slower);
 * around it, this class keeps neighbour sets as bit masks, orders hex hashes by their digest values (the same
 * order as the hex text) and writes the small integers without allocating.
 *
 * <p>Not thread-safe: it reuses its buffers. {@link #get()} gives one instance per thread. For cells of the
 * enumerated space {@link SpaceIndex#hashOf(CellSpec)} is a table look-up and much faster.
 */
public final class CellHasher {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ThreadLocal<CellHasher> LOCAL = ThreadLocal.withInitial(CellHasher::new);
  private static final int N = CellSpec.MAX_VERTICES;

  private final MessageDigest md5;
  private final byte[] digest = new byte[16];
  // longest message: 7 hashes in the final list (7 × 36 + 1 bytes) or 6 neighbours + self in a round
  private final byte[] buf = new byte[512];
  // current and next round: hex text (32 bytes per vertex) and digest value (for sorting)
  private byte[] curHex = new byte[N * 32];
  private byte[] nextHex = new byte[N * 32];
  private long[] curHi = new long[N];
  private long[] curLo = new long[N];
  private long[] nextHi = new long[N];
  private long[] nextLo = new long[N];
  private final int[] order = new int[N];
  private final int[] labels = new int[N];
  private final int[] preds = new int[N]; // bit w: edge w→v
  private final int[] succs = new int[N]; // bit w: edge v→w

  /** A new hasher with its own buffers. */
  public CellHasher() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  /** The hasher of the calling thread. */
  public static CellHasher get() {
    return LOCAL.get();
  }

  /**
   * The fingerprint of a cell valid under the API rule (it is pruned first).
   *
   * @throws OutOfDomainException if the cell is not valid
   */
  public ModuleHash hash(CellSpec spec) {
    CellSpec p = ValidityRule.API.validate(spec);
    int n = p.vertexCount();
    for (int v = 0; v < n; v++) {
      labels[v] = v == 0 ? -1 : v == n - 1 ? -2 : p.op(v).label();
    }
    return hash(n, p.adjacencyBits(), labels);
  }

  /**
   * The fingerprint of an arbitrary labelled DAG: {@code n} vertices, edge i→j at bit 7·i+j of {@code adj},
   * integer labels (input −1, output −2, interior 0..2; any small integer is printed exactly). No validity check.
   */
  public ModuleHash hash(int n, long adj, int[] vertexLabels) {
    for (int v = 0; v < n; v++) {
      preds[v] = 0;
      succs[v] = 0;
    }
    for (long x = adj; x != 0; x &= x - 1) {
      int bit = Long.numberOfTrailingZeros(x);
      int i = bit / N;
      int j = bit % N;
      if (i < n && j < n) {
        succs[i] |= 1 << j;
        preds[j] |= 1 << i;
      }
    }
    for (int v = 0; v < n; v++) {
      int len = 0;
      buf[len++] = '(';
      len = putInt(Integer.bitCount(succs[v]), len);
      buf[len++] = ',';
      buf[len++] = ' ';
      len = putInt(Integer.bitCount(preds[v]), len);
      buf[len++] = ',';
      buf[len++] = ' ';
      len = putInt(vertexLabels[v], len);
      buf[len++] = ')';
      digestInto(len, v, curHex, curHi, curLo);
    }
    for (int round = 0; round < n; round++) {
      for (int v = 0; v < n; v++) {
        int len = appendSorted(preds[v], 0);
        buf[len++] = '|';
        len = appendSorted(succs[v], len);
        buf[len++] = '|';
        System.arraycopy(curHex, v * 32, buf, len, 32);
        len += 32;
        digestInto(len, v, nextHex, nextHi, nextLo);
      }
      byte[] t = curHex;
      curHex = nextHex;
      nextHex = t;
      long[] h = curHi;
      curHi = nextHi;
      nextHi = h;
      long[] l = curLo;
      curLo = nextLo;
      nextLo = l;
    }
    // final: "['h1', 'h2', ...]" over the sorted hashes
    int k = sortVertices((1 << n) - 1);
    int len = 0;
    buf[len++] = '[';
    for (int i = 0; i < k; i++) {
      if (i > 0) {
        buf[len++] = ',';
        buf[len++] = ' ';
      }
      buf[len++] = '\'';
      System.arraycopy(curHex, order[i] * 32, buf, len, 32);
      len += 32;
      buf[len++] = '\'';
    }
    buf[len++] = ']';
    md5(len);
    return ModuleHash.ofDigest(digest, 0);
  }

  /** Appends the current hex hashes of the vertices in {@code set}, in ascending order; returns the new length. */
  private int appendSorted(int set, int len) {
    int k = sortVertices(set);
    for (int i = 0; i < k; i++) {
      System.arraycopy(curHex, order[i] * 32, buf, len, 32);
      len += 32;
    }
    return len;
  }

  /** Fills {@code order} with the vertices of {@code set} sorted by current hash (= hex text order); returns the count. */
  private int sortVertices(int set) {
    int k = 0;
    for (int x = set; x != 0; x &= x - 1) {
      int w = Integer.numberOfTrailingZeros(x);
      long hi = curHi[w];
      long lo = curLo[w];
      int j = k - 1;
      while (j >= 0 && greater(curHi[order[j]], curLo[order[j]], hi, lo)) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = w;
      k++;
    }
    return k;
  }

  private static boolean greater(long hi1, long lo1, long hi2, long lo2) {
    int c = Long.compareUnsigned(hi1, hi2);
    return c > 0 || (c == 0 && Long.compareUnsigned(lo1, lo2) > 0);
  }

  /** Writes a small integer in decimal (as Python's str would); returns the new length. */
  private int putInt(int x, int len) {
    if (x >= 0 && x < 10) {
      buf[len++] = (byte) ('0' + x);
      return len;
    }
    if (x < 0 && x > -10) {
      buf[len++] = '-';
      buf[len++] = (byte) ('0' - x);
      return len;
    }
    String s = Integer.toString(x);
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return len;
  }

  /** MD5 of {@code buf[0, len)} into vertex {@code v}'s slot: hex text and digest value. */
  private void digestInto(int len, int v, byte[] hex, long[] hi, long[] lo) {
    md5(len);
    long h = 0;
    long l = 0;
    int o = v * 32;
    for (int i = 0; i < 16; i++) {
      int b = digest[i] & 0xFF;
      if (i < 8) {
        h = h << 8 | b;
      } else {
        l = l << 8 | b;
      }
      hex[o++] = HEX[b >>> 4];
      hex[o++] = HEX[b & 0xF];
    }
    hi[v] = h;
    lo[v] = l;
  }

  /** MD5 of {@code buf[0, len)} into {@code digest}. */
  private void md5(int len) {
    md5.update(buf, 0, len);
    try {
      md5.digest(digest, 0, 16);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
  }
}
