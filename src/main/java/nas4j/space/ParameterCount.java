package nas4j.space;

/**
 * Exact trainable-parameter count of the NAS-Bench-101 network built from a cell (stem, 3 stacks × 3 cells,
 * global pooling, dense layer), following the official model builder. Stateless.
 *
 * <p>The count belongs to the labelled graph, not to its isomorphism class: the output's channels are split
 * among the vertices feeding it in index order (the first {@code C mod k} get one more), so two isomorphic
 * specs can differ (about one random raw cell in ten does). The dataset reports the count of its
 * canonical representative: use {@link SpaceIndex#parameters(int)} for the value a query returns, and
 * {@link #of(CellSpec)} for the network built from a spec exactly as given.
 */
public final class ParameterCount {
  private ParameterCount() {}

  /**
   * Trainable parameters of the network built from a valid cell as given (pruned first, vertex order kept).
   *
   * @throws OutOfDomainException if the cell is not valid under the API rule
   */
  public static long of(CellSpec spec) {
    CellSpec p = ValidityRule.API.validate(spec);
    long total = convBn(3, 3, 128);
    int channels = 128;
    for (int stack = 0; stack < 3; stack++) {
      int out = stack == 0 ? 128 : channels * 2;
      for (int cell = 0; cell < 3; cell++) {
        int in = cell == 0 ? channels : out;
        total += cell(p, in, out);
      }
      channels = out;
    }
    return total + 512L * 10 + 10;
  }

  /** Parameters of one cell with the given input and output channels. */
  static long cell(CellSpec p, int inChannels, int outChannels) {
    int n = p.vertexCount();
    int[] c = vertexChannels(p, inChannels, outChannels);
    long total = 0;
    for (int t = 1; t < n - 1; t++) {
      if (p.hasEdge(0, t)) {
        total += convBn(1, inChannels, c[t]);
      }
      switch (p.op(t)) {
        case CONV3X3:
          total += convBn(3, c[t], c[t]);
          break;
        case CONV1X1:
          total += convBn(1, c[t], c[t]);
          break;
        default:
          break;
      }
    }
    if (p.hasEdge(0, n - 1)) {
      total += convBn(1, inChannels, outChannels);
    }
    return total;
  }

  /** The channel count of each vertex of a pruned cell (official {@code compute_vertex_channels}). */
  public static int[] vertexChannels(CellSpec p, int inChannels, int outChannels) {
    int n = p.vertexCount();
    int[] c = new int[n];
    c[0] = inChannels;
    c[n - 1] = outChannels;
    if (n == 2) {
      return c;
    }
    int k = 0;
    for (int v = 1; v < n - 1; v++) {
      if (p.hasEdge(v, n - 1)) {
        k++;
      }
    }
    if (k == 0) {
      throw new IllegalArgumentException("cell is not pruned: no interior vertex feeds the output");
    }
    int each = outChannels / k;
    int extra = outChannels % k;
    for (int v = 1; v < n - 1; v++) {
      if (p.hasEdge(v, n - 1)) {
        c[v] = each;
        if (extra > 0) {
          c[v]++;
          extra--;
        }
      }
    }
    for (int v = n - 3; v >= 1; v--) {
      if (!p.hasEdge(v, n - 1)) {
        for (int w = v + 1; w < n - 1; w++) {
          if (p.hasEdge(v, w)) {
            c[v] = Math.max(c[v], c[w]);
          }
        }
      }
    }
    return c;
  }

  private static long convBn(int k, int a, int b) {
    return (long) k * k * a * b + 2L * b;
  }
}
