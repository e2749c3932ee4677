package nas4j.search;

import java.util.ArrayList;
import java.util.List;
import nas4j.space.CellSpec;
import nas4j.space.Op;

/** Helpers for the 26-variable encoding (21 row-major edge bits + 5 interior ops) of 7-vertex specs. */
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

  /** Bit v set if vertex v of a 7-vertex spec is reachable from the input (vertex 0). */
  static int reachableFromInput(CellSpec spec) {
    int fwd = 1;
    for (int i = 0; i < CellSpec.MAX_VERTICES; i++) {
      if ((fwd >>> i & 1) != 0) {
        for (int j = i + 1; j < CellSpec.MAX_VERTICES; j++) {
          if (spec.hasEdge(i, j)) {
            fwd |= 1 << j;
          }
        }
      }
    }
    return fwd;
  }

  /** Bit v set if vertex v of a 7-vertex spec reaches the output (vertex 6). */
  static int reachesOutput(CellSpec spec) {
    int bwd = 1 << (CellSpec.MAX_VERTICES - 1);
    for (int j = CellSpec.MAX_VERTICES - 1; j >= 0; j--) {
      if ((bwd >>> j & 1) != 0) {
        for (int i = 0; i < j; i++) {
          if (spec.hasEdge(i, j)) {
            bwd |= 1 << i;
          }
        }
      }
    }
    return bwd;
  }
}
