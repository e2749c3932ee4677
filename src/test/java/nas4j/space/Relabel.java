package nas4j.space;

import java.util.SplittableRandom;

/** Test helper: applies a random permutation of the interior vertices that keeps the matrix upper-triangular. */
final class Relabel {
  private Relabel() {}

  static CellSpec randomly(CellSpec c, SplittableRandom rnd) {
    int n = c.vertexCount();
    for (int attempt = 0; attempt < 50; attempt++) {
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 2; i > 1; i--) {
        int j = 1 + rnd.nextInt(i);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      int[][] m = new int[n][n];
      boolean ok = true;
      for (int i = 0; i < n && ok; i++) {
        for (int j = 0; j < n; j++) {
          if (c.hasEdge(i, j)) {
            if (perm[i] >= perm[j]) {
              ok = false;
              break;
            }
            m[perm[i]][perm[j]] = 1;
          }
        }
      }
      if (ok) {
        String[] ops = new String[n];
        for (int i = 0; i < n; i++) {
          ops[perm[i]] = c.op(i).officialName();
        }
        return CellSpec.of(m, java.util.List.of(ops));
      }
    }
    return c;
  }
}
