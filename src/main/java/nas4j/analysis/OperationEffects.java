package nas4j.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;
import nas4j.util.Statistics;

/**
 * The effect of replacing one operation by another: for every cell with values and every interior vertex of
 * its canonical representative carrying op {@code from}, the cell with that vertex changed to {@code to} (same
 * graph; looked up by {@link SpaceIndex#idOf(CellSpec)}); if that cell has values too, the pair contributes the
 * change in mean validation accuracy, in points (×100), and the relative change in mean training time, in %
 * ((t' − t) / t × 100). All six directions between conv3x3, conv1x1 and maxpool3x3. A cell with k vertices of
 * op {@code from} contributes k pairs (isomorphic results counted once per vertex). Immutable.
 *
 * <p>Cells are processed in parallel in fixed chunks whose results are concatenated in id order and reduced
 * sequentially, so the numbers are identical whatever the thread count.
 */
public record OperationEffects(List<Transition> transitions) {
  private static final int CHUNK = 4096;
  private static final Op[] OPS = {Op.CONV3X3, Op.CONV1X1, Op.MAXPOOL3X3};

  public OperationEffects {
    transitions = List.copyOf(transitions);
  }

  /** Summary of one direction; accuracy in points, time in % (NaN where no pair or no times). */
  public record Transition(Op from, Op to, long pairs, double accuracyMeanPoints, double accuracyMedianPoints,
      double accuracyStdPoints, double timeMeanPercent, double timeMedianPercent, double timeStdPercent) {}

  /** The transition from one op to another. */
  public Transition get(Op from, Op to) {
    return transitions.stream().filter(t -> t.from() == from && t.to() == to).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no transition " + from + " → " + to));
  }

  /** Computes all six directions over every cell with values (parallel, deterministic). */
  public static OperationEffects compute(LandscapeValues values) {
    int n = values.count();
    int chunks = (n + CHUNK - 1) / CHUNK;
    List<Chunk> parts = IntStream.range(0, chunks).parallel()
        .mapToObj(c -> chunk(values, c * CHUNK, Math.min(n, (c + 1) * CHUNK))).toList();
    List<Transition> out = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      for (int t = 0; t < 3; t++) {
        if (f == t) {
          continue;
        }
        int dir = direction(f, t);
        int total = 0;
        for (Chunk p : parts) {
          total += p.counts[dir];
        }
        float[] acc = new float[total];
        float[] time = new float[total];
        int k = 0;
        for (Chunk p : parts) {
          int cnt = p.counts[dir];
          float[] data = p.data[dir];
          for (int i = 0; i < cnt; i++) {
            acc[k] = data[2 * i];
            time[k] = data[2 * i + 1];
            k++;
          }
        }
        double[] a = Statistics.present(acc, total);
        double[] s = Statistics.present(time, total);
        out.add(new Transition(OPS[f], OPS[t], total, Statistics.mean(a), Statistics.median(a),
            Statistics.standardDeviation(a), Statistics.mean(s), Statistics.median(s), Statistics.standardDeviation(s)));
      }
    }
    return new OperationEffects(out);
  }

  private static int direction(int from, int to) {
    return from * 2 + (to > from ? to - 1 : to);
  }

  /**
   * The 21 edge bits of the 26-variable encoding of a pruned cell padded to 7 vertices: interior vertices keep
   * their index, the output moves to vertex 6, the extra vertices have no edges (pruned away again on look-up).
   */
  static int encodingEdges(int n, long adj) {
    int bits = 0;
    int k = 0;
    for (int i = 0; i < CellSpec.MAX_VERTICES; i++) {
      for (int j = i + 1; j < CellSpec.MAX_VERTICES; j++) {
        int sj = j == CellSpec.MAX_VERTICES - 1 ? n - 1 : j < n - 1 ? j : -1;
        if (sj >= 0 && i < n - 1 && (adj >>> (i * CellSpec.MAX_VERTICES + sj) & 1L) != 0) {
          bits |= 1 << k;
        }
        k++;
      }
    }
    return bits;
  }

  /** Per direction: interleaved (Δacc, Δtime%) values and their count. */
  private record Chunk(float[][] data, int[] counts) {}

  /** The pairs of cells idAt(lo..hi−1). */
  private static Chunk chunk(LandscapeValues values, int lo, int hi) {
    SpaceIndex space = values.space();
    float[][] res = new float[6][];
    int[] counts = new int[6];
    for (int d = 0; d < 6; d++) {
      res[d] = new float[64];
    }
    int[] ops = new int[CellSpec.OP_VARIABLES];
    for (int k = lo; k < hi; k++) {
      int id = values.idAt(k);
      int nv = space.vertexCount(id);
      int edges = encodingEdges(nv, space.adjacencyBits(id));
      java.util.Arrays.fill(ops, 0);
      for (int v = 1; v < nv - 1; v++) {
        ops[v - 1] = space.op(id, v).label();
      }
      double acc = values.validation(id);
      double time = values.time(id);
      for (int v = 1; v < nv - 1; v++) {
        int f = ops[v - 1];
        for (int t = 0; t < 3; t++) {
          if (t == f) {
            continue;
          }
          ops[v - 1] = t;
          int other = space.idOf(CellSpec.fromEncoding(edges, ops));
          ops[v - 1] = f;
          if (!values.has(other)) {
            continue;
          }
          int dir = direction(f, t);
          float[] buf = res[dir];
          int c = counts[dir];
          if (2 * c + 2 > buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
            res[dir] = buf;
          }
          buf[2 * c] = (float) (100 * (values.validation(other) - acc));
          double t2 = values.time(other);
          buf[2 * c + 1] = (float) (time > 0 && !Double.isNaN(t2) ? 100 * (t2 - time) / time : Double.NaN);
          counts[dir] = c + 1;
        }
      }
    }
    return new Chunk(res, counts);
  }
}
