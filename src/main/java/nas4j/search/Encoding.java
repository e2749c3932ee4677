package nas4j.search;

import java.util.ArrayList;
import java.util.List;
import nas4j.space.CellSpec;
import nas4j.space.Op;

/**
 * Padding of specs to the 7 vertices of the 26-variable search encoding (the encoding itself is
 * {@link CellSpec#fromEncoding} and {@link CellSpec#fromVariables}).
 */
final class Encoding {
  private Encoding() {}

  /**
   * The spec as a 7-vertex spec: unchanged if it has 7 vertices; otherwise isolated conv3x3 vertices are inserted
   * before the output (they are pruned away again, so the cell is the same).
   */
  static CellSpec sevenVertices(CellSpec spec) {
    int n = spec.vertexCount();
    if (n == CellSpec.MAX_VERTICES) {
      return spec;
    }
    int[][] m = new int[CellSpec.MAX_VERTICES][CellSpec.MAX_VERTICES];
    List<String> ops = new ArrayList<>(CellSpec.MAX_VERTICES);
    for (int v = 0; v < CellSpec.MAX_VERTICES; v++) {
      ops.add(Op.CONV3X3.officialName());
    }
    for (int v = 0; v < n - 1; v++) {
      ops.set(v, spec.op(v).officialName());
    }
    ops.set(CellSpec.MAX_VERTICES - 1, spec.op(n - 1).officialName());
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (spec.hasEdge(i, j)) {
          m[i][j == n - 1 ? CellSpec.MAX_VERTICES - 1 : j] = 1;
        }
      }
    }
    return CellSpec.of(m, ops);
  }
}
