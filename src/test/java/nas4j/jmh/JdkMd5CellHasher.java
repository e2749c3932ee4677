package nas4j.jmh;

import java.security.MessageDigest;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.ValidityRule;
import java.security.NoSuchAlgorithmException;

/**
 * Benchmark baseline only: the first CellHasher of nas4j (JDK {@code MessageDigest}, {@code Integer.toString},
 * byte-array comparisons), kept to measure the speed-up of {@code nas4j.space.CellHasher}. Not thread-safe.
 */
public final class JdkMd5CellHasher {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ThreadLocal<JdkMd5CellHasher> LOCAL = ThreadLocal.withInitial(JdkMd5CellHasher::new);

  private final MessageDigest md5;
  private final byte[] buf = new byte[1024];
  private final byte[] digest = new byte[16];
  private byte[][] cur = new byte[CellSpec.MAX_VERTICES][32];
  private byte[][] next = new byte[CellSpec.MAX_VERTICES][32];
  private final int[] order = new int[CellSpec.MAX_VERTICES];
  private final int[] labels = new int[CellSpec.MAX_VERTICES];

  public JdkMd5CellHasher() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  /** The hasher of the calling thread. */
  public static JdkMd5CellHasher get() {
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
   * integer labels (input −1, output −2, interior 0..2). No validity check.
   */
  public ModuleHash hash(int n, long adj, int[] vertexLabels) {
    for (int v = 0; v < n; v++) {
      int out = 0;
      int in = 0;
      for (int w = 0; w < n; w++) {
        if (edge(adj, v, w)) {
          out++;
        }
        if (edge(adj, w, v)) {
          in++;
        }
      }
      int len = 0;
      buf[len++] = '(';
      len = putInt(out, len);
      buf[len++] = ',';
      buf[len++] = ' ';
      len = putInt(in, len);
      buf[len++] = ',';
      buf[len++] = ' ';
      len = putInt(vertexLabels[v], len);
      buf[len++] = ')';
      md5Hex(len, cur[v]);
    }
    for (int round = 0; round < n; round++) {
      for (int v = 0; v < n; v++) {
        int len = 0;
        int k = sortedNeighbours(adj, n, v, true);
        for (int i = 0; i < k; i++) {
          System.arraycopy(cur[order[i]], 0, buf, len, 32);
          len += 32;
        }
        buf[len++] = '|';
        k = sortedNeighbours(adj, n, v, false);
        for (int i = 0; i < k; i++) {
          System.arraycopy(cur[order[i]], 0, buf, len, 32);
          len += 32;
        }
        buf[len++] = '|';
        System.arraycopy(cur[v], 0, buf, len, 32);
        len += 32;
        md5Hex(len, next[v]);
      }
      byte[][] t = cur;
      cur = next;
      next = t;
    }
    // final: "['h1', 'h2', ...]" over the sorted hashes
    for (int v = 0; v < n; v++) {
      order[v] = v;
    }
    sortOrder(n);
    int len = 0;
    buf[len++] = '[';
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        buf[len++] = ',';
        buf[len++] = ' ';
      }
      buf[len++] = '\'';
      System.arraycopy(cur[order[i]], 0, buf, len, 32);
      len += 32;
      buf[len++] = '\'';
    }
    buf[len++] = ']';
    md5.update(buf, 0, len);
    try {
      md5.digest(digest, 0, 16);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    return ModuleHash.ofDigest(digest, 0);
  }

  private static boolean edge(long adj, int i, int j) {
    return (adj >>> (i * CellSpec.MAX_VERTICES + j) & 1L) != 0;
  }

  /** Fills {@code order} with v's predecessors (or successors) sorted by their current hash; returns the count. */
  private int sortedNeighbours(long adj, int n, int v, boolean predecessors) {
    int k = 0;
    for (int w = 0; w < n; w++) {
      if (predecessors ? edge(adj, w, v) : edge(adj, v, w)) {
        order[k++] = w;
      }
    }
    sortOrder(k);
    return k;
  }

  private void sortOrder(int k) {
    for (int i = 1; i < k; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= 0 && compare(cur[order[j]], cur[x]) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
  }

  private static int compare(byte[] a, byte[] b) {
    return java.util.Arrays.compare(a, b);
  }

  private int putInt(int x, int len) {
    String s = Integer.toString(x);
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return len;
  }

  private void md5Hex(int len, byte[] out) {
    md5.update(buf, 0, len);
    try {
      md5.digest(digest, 0, 16);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < 16; i++) {
      out[2 * i] = HEX[(digest[i] >>> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
  }
}
