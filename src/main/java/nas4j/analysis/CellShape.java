package nas4j.analysis;

import nas4j.space.CellSpec;

/**
 * Depth and width of a pruned cell. Depth: the number of edges on the longest input→output path. Width: the
 * number of interior vertices with an edge into the output (the branches the output concatenates; a direct
 * input→output edge is a projection added to the output and is not counted). Stateless.
 */
public final class CellShape {
  private static final int N = CellSpec.MAX_VERTICES;

  private CellShape() {}

  /** Depth of a cell given as vertex count and adjacency bits (edge i→j at bit 7·i+j). */
  public static int depth(int n, long adj) {
    int[] longest = new int[n]; // longest path from vertex 0, -1 if unreachable
    java.util.Arrays.fill(longest, -1);
    longest[0] = 0;
    for (int j = 1; j < n; j++) {
      for (int i = 0; i < j; i++) {
        if ((adj >>> (i * N + j) & 1L) != 0 && longest[i] >= 0) {
          longest[j] = Math.max(longest[j], longest[i] + 1);
        }
      }
    }
    return longest[n - 1];
  }

  /** Width of a cell given as vertex count and adjacency bits. */
  public static int width(int n, long adj) {
    int w = 0;
    for (int i = 1; i < n - 1; i++) {
      if ((adj >>> (i * N + n - 1) & 1L) != 0) {
        w++;
      }
    }
    return w;
  }

  /** Depth of a spec (pruned first; the spec must be connected). */
  public static int depth(CellSpec spec) {
    CellSpec p = requirePruned(spec);
    return depth(p.vertexCount(), p.adjacencyBits());
  }

  /** Width of a spec (pruned first; the spec must be connected). */
  public static int width(CellSpec spec) {
    CellSpec p = requirePruned(spec);
    return width(p.vertexCount(), p.adjacencyBits());
  }

  private static CellSpec requirePruned(CellSpec spec) {
    CellSpec p = spec.pruned();
    if (p == null) {
      throw new IllegalArgumentException("cell " + spec + " does not connect input to output");
    }
    return p;
  }
}
