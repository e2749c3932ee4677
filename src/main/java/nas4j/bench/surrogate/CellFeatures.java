package nas4j.bench.surrogate;

import nas4j.space.Op;
import nas4j.space.SpaceIndex;

/**
 * The feature vector the surrogate's learner sees for a cell: adjacency bits of the canonical representative
 * (output moved to slot 6, so every cell uses the same 21 upper-triangle slots), one-hot interior ops (5 slots ×
 * 3 ops), and graph statistics (vertices, edges, op counts, log10 parameters, depth, input→output path counts,
 * paths through each op, fan-in of the output, direct input→output edge). Stateless, thread-safe.
 */
public final class CellFeatures {
  /** Number of features. */
  public static final int COUNT = 21 + 15 + 16;

  private CellFeatures() {}

  /** Names of the features, in order (for the fit report). */
  public static String[] names() {
    String[] n = new String[COUNT];
    int k = 0;
    for (int i = 0; i < 7; i++) {
      for (int j = i + 1; j < 7; j++) {
        n[k++] = "edge_" + i + "_" + j;
      }
    }
    for (int v = 1; v <= 5; v++) {
      for (Op op : Op.INTERIOR) {
        n[k++] = "op_" + v + "_" + op.officialName();
      }
    }
    String[] rest = {"vertices", "edges", "count_conv3x3", "count_conv1x1", "count_maxpool", "log10_parameters",
        "depth", "paths", "paths_with_conv3x3", "paths_with_conv1x1", "paths_with_maxpool", "output_fan_in",
        "input_fan_out", "input_to_output", "max_conv3x3_on_path", "shortest_path"};
    for (String s : rest) {
      n[k++] = s;
    }
    return n;
  }

  /** Writes the features of cell {@code id} into {@code out[off .. off+COUNT)}. */
  public static void write(SpaceIndex space, int id, float[] out, int off) {
    int n = space.vertexCount(id);
    long adj = space.adjacencyBits(id);
    int[] slot = new int[n];
    for (int v = 0; v < n; v++) {
      slot[v] = v == n - 1 ? 6 : v;
    }
    long padded = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if ((adj >>> (7 * i + j) & 1) != 0) {
          padded |= 1L << (7 * slot[i] + slot[j]);
        }
      }
    }
    int k = off;
    for (int i = 0; i < 7; i++) {
      for (int j = i + 1; j < 7; j++) {
        out[k++] = (padded >>> (7 * i + j) & 1);
      }
    }
    int[] opOf = new int[n]; // -1 for input/output, else interior index
    int[] counts = new int[3];
    for (int v = 0; v < n; v++) {
      Op op = space.op(id, v);
      opOf[v] = op.isInterior() ? op.label() : -1;
      if (op.isInterior()) {
        counts[op.label()]++;
      }
    }
    for (int s = 1; s <= 5; s++) {
      int lab = s < n - 1 ? opOf[s] : -1;
      for (int o = 0; o < 3; o++) {
        out[k++] = lab == o ? 1 : 0;
      }
    }
    // path statistics by dynamic programming in topological (index) order
    long[] paths = new long[n];
    long[][] pathsWith = new long[3][n];
    int[] depth = new int[n];
    int[] shortest = new int[n];
    int[] maxConv = new int[n];
    java.util.Arrays.fill(depth, Integer.MIN_VALUE);
    java.util.Arrays.fill(shortest, Integer.MAX_VALUE / 2);
    java.util.Arrays.fill(maxConv, Integer.MIN_VALUE);
    paths[0] = 1;
    depth[0] = 0;
    shortest[0] = 0;
    maxConv[0] = 0;
    for (int j = 1; j < n; j++) {
      for (int i = 0; i < j; i++) {
        if ((adj >>> (7 * i + j) & 1) == 0 || paths[i] == 0) {
          continue;
        }
        paths[j] += paths[i];
        for (int o = 0; o < 3; o++) {
          pathsWith[o][j] += pathsWith[o][i];
        }
        depth[j] = Math.max(depth[j], depth[i] + 1);
        shortest[j] = Math.min(shortest[j], shortest[i] + 1);
        maxConv[j] = Math.max(maxConv[j], maxConv[i]);
      }
      if (opOf[j] >= 0 && paths[j] > 0) {
        pathsWith[opOf[j]][j] = paths[j];
        if (opOf[j] == 0) {
          maxConv[j] += 1;
        }
      }
    }
    int last = n - 1;
    int fanIn = 0;
    int fanOut = 0;
    for (int i = 0; i < n; i++) {
      fanIn += (int) (adj >>> (7 * i + last) & 1);
      fanOut += (int) (adj >>> i & 1);
    }
    out[k++] = n;
    out[k++] = Long.bitCount(adj);
    out[k++] = counts[0];
    out[k++] = counts[1];
    out[k++] = counts[2];
    out[k++] = (float) StrictMath.log10(space.parameters(id));
    out[k++] = depth[last];
    out[k++] = paths[last];
    out[k++] = pathsWith[0][last];
    out[k++] = pathsWith[1][last];
    out[k++] = pathsWith[2][last];
    out[k++] = fanIn;
    out[k++] = fanOut;
    out[k++] = (adj >>> last & 1);
    out[k++] = maxConv[last];
    out[k++] = shortest[last];
  }
}
