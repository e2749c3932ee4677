package nas4j.analysis;

import java.util.ArrayList;
import java.util.List;
import nas4j.space.SpaceIndex;

/**
 * Mean validation accuracy and mean training time per value of depth and of width ({@link CellShape}) over the
 * cells with values. Immutable.
 */
public record ShapeEffects(List<Row> depth, List<Row> width) {

  public ShapeEffects {
    depth = List.copyOf(depth);
    width = List.copyOf(width);
  }

  /** One value of the feature: number of cells, mean accuracy (fraction), mean training time (s; NaN if none). */
  public record Row(int value, long cells, double meanValidationAccuracy, double meanTrainingTime) {}

  /** Sums in id order (deterministic). */
  public static ShapeEffects compute(LandscapeValues values) {
    SpaceIndex space = values.space();
    int max = nas4j.space.CellSpec.MAX_VERTICES;
    long[][] cells = new long[2][max];
    double[][] acc = new double[2][max];
    double[][] time = new double[2][max];
    long[][] timed = new long[2][max];
    for (int k = 0; k < values.count(); k++) {
      int id = values.idAt(k);
      int n = space.vertexCount(id);
      long adj = space.adjacencyBits(id);
      int[] f = {CellShape.depth(n, adj), CellShape.width(n, adj)};
      for (int i = 0; i < 2; i++) {
        cells[i][f[i]]++;
        acc[i][f[i]] += values.validation(id);
        double t = values.time(id);
        if (!Double.isNaN(t)) {
          time[i][f[i]] += t;
          timed[i][f[i]]++;
        }
      }
    }
    List<List<Row>> out = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < 2; i++) {
      for (int v = 0; v < max; v++) {
        if (cells[i][v] > 0) {
          out.get(i).add(new Row(v, cells[i][v], acc[i][v] / cells[i][v],
              timed[i][v] == 0 ? Double.NaN : time[i][v] / timed[i][v]));
        }
      }
    }
    return new ShapeEffects(out.get(0), out.get(1));
  }
}
