package nas4j.space;

/**
 * Graph edit distance between two cells: the fewest edge flips and op changes turning one pruned cell into the
 * other, minimised over all relabelings (permutations) of the interior vertices. Stateless and thread-safe.
 *
 * <p>Cells with fewer than 7 vertices are padded with unused interior vertices whose op may be anything (as in
 * a raw 7-vertex spec, where a dangling vertex still carries some op): bringing such a vertex into use costs its
 * edges, not an op change. Input stays vertex 0 and output vertex 6. Edges are compared as a directed graph
 * (the permuted matrix need not stay upper-triangular). The distance is a metric on cells: 0 iff isomorphic.
 */
public final class EditDistance {
  private static final int N = CellSpec.MAX_VERTICES;
  private static final int[][] PERMS = permutations(5);
  private static final int FREE = -1;

  private EditDistance() {}

  /** The edit distance between two valid specs (each pruned first). */
  public static int between(CellSpec a, CellSpec b) {
    CellSpec pa = ValidityRule.API.validate(a);
    CellSpec pb = ValidityRule.API.validate(b);
    long adjA = pad(pa);
    long adjB = pad(pb);
    int[] opsA = paddedOps(pa);
    int[] opsB = paddedOps(pb);
    int best = Integer.MAX_VALUE;
    int[] map = new int[N];
    map[0] = 0;
    map[N - 1] = N - 1;
    for (int[] perm : PERMS) {
      for (int k = 0; k < 5; k++) {
        map[k + 1] = perm[k] + 1;
      }
      // permute b: vertex v of b goes to map[v]
      long pbAdj = 0;
      long x = adjB;
      while (x != 0) {
        int bit = Long.numberOfTrailingZeros(x);
        x &= x - 1;
        pbAdj |= 1L << (map[bit / N] * N + map[bit % N]);
      }
      int d = Long.bitCount(adjA ^ pbAdj);
      if (d >= best) {
        continue;
      }
      for (int v = 1; v < N - 1; v++) {
        int oa = opsA[map[v]];
        int ob = opsB[v];
        if (oa != ob && oa != FREE && ob != FREE) {
          d++;
        }
      }
      if (d < best) {
        best = d;
      }
    }
    return best;
  }

  /** Pads a pruned cell to 7 vertices: interior vertices keep their index, output moves to 6. */
  private static long pad(CellSpec p) {
    int n = p.vertexCount();
    long out = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (p.hasEdge(i, j)) {
          int pi = i == n - 1 ? N - 1 : i;
          int pj = j == n - 1 ? N - 1 : j;
          out |= 1L << (pi * N + pj);
        }
      }
    }
    return out;
  }

  private static int[] paddedOps(CellSpec p) {
    int n = p.vertexCount();
    int[] ops = new int[N];
    for (int v = 1; v < N - 1; v++) {
      ops[v] = v < n - 1 ? p.op(v).label() : FREE;
    }
    return ops;
  }

  private static int[][] permutations(int k) {
    java.util.List<int[]> out = new java.util.ArrayList<>();
    permute(new int[k], new boolean[k], 0, out);
    return out.toArray(new int[0][]);
  }

  private static void permute(int[] cur, boolean[] used, int pos, java.util.List<int[]> out) {
    if (pos == cur.length) {
      out.add(cur.clone());
      return;
    }
    for (int i = 0; i < cur.length; i++) {
      if (!used[i]) {
        used[i] = true;
        cur[pos] = i;
        permute(cur, used, pos + 1, out);
        used[i] = false;
      }
    }
  }
}
