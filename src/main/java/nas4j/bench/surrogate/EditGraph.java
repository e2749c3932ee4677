package nas4j.bench.surrogate;

import java.util.Arrays;
import java.util.stream.IntStream;
import nas4j.space.Neighbours;
import nas4j.space.SpaceIndex;

/**
 * The one-edit graph of the whole space, directed: cell {@code b} is a neighbour of {@code a} if one edit (an
 * interior op change or an edge flip of {@code a}'s canonical matrix, then pruning) turns {@code a} into {@code b}.
 * Directed, so that a hub that many edits prune into (input→output) is not averaged over hundreds of cells
 * unlike it. Stored as sorted adjacency lists in one {@code int[]} (CSR). Used at fit time only
 * (smoothing the predicted means); building it takes a few seconds per core. Immutable.
 */
final class EditGraph {
  private final int[] start;
  private final int[] adjacent;

  private EditGraph(int[] start, int[] adjacent) {
    this.start = start;
    this.adjacent = adjacent;
  }

  /** Builds the graph of {@code space} (parallel; the result depends only on the space). */
  static EditGraph of(SpaceIndex space) {
    int n = space.size();
    int[][] out = IntStream.range(0, n).parallel().mapToObj(i -> Neighbours.ids(space.cell(i), space))
        .toArray(int[][]::new);
    int[][] both = out;
    int[] start = new int[n + 1];
    int[][] unique = new int[n][];
    for (int i = 0; i < n; i++) {
      unique[i] = Arrays.stream(both[i]).sorted().distinct().toArray();
      start[i + 1] = start[i] + unique[i].length;
    }
    int[] adj = new int[start[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(unique[i], 0, adj, start[i], unique[i].length);
    }
    return new EditGraph(start, adj);
  }

  int size() {
    return start.length - 1;
  }

  int degree(int id) {
    return start[id + 1] - start[id];
  }

  /**
   * One smoothing step: {@code (1 − alpha)·x[id] + alpha·mean of x over id's neighbours} (a cell without
   * neighbours keeps its value).
   */
  double[] smooth(double[] x, double alpha) {
    int n = size();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int d = degree(i);
      if (d == 0) {
        y[i] = x[i];
        continue;
      }
      double s = 0;
      for (int k = start[i]; k < start[i + 1]; k++) {
        s += x[adjacent[k]];
      }
      y[i] = (1 - alpha) * x[i] + alpha * (s / d);
    }
    return y;
  }
}
