package nas4j.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToIntFunction;
import nas4j.space.CellSpec;

/**
 * Single-edit neighbourhoods of 7-vertex specs for local search. Stateless.
 *
 * <p>{@link #PATHS} is naszilla's {@code adj_neighborhood}: change the op of an interior vertex that lies
 * on an input→output path to either other op; flip edge (i, j) if i is reachable from the input and j reaches the
 * output (the edge is on a path when present, or would be after adding it). {@link #ALL} tries every single edit
 * of the 26-variable encoding (5 × 2 op changes, 21 edge flips). After removing invalid results, the cell itself
 * and repeated cells, the two give the same list: an edit off every input→output path leaves the pruned cell
 * unchanged. Local search therefore uses {@link #PATHS} (fewer validity checks) and exposes no option.
 */
enum Neighbourhood {
  PATHS,
  ALL;

  /** A neighbour: the edited 7-vertex spec and its dense cell id. */
  record Neighbour(CellSpec spec, int cellId) {}

  /**
   * The distinct valid neighbours of a 7-vertex spec in a fixed order (op changes by vertex, then edge flips in
   * row-major order), excluding the cell itself; duplicates (edits that give the same cell) keep the first.
   *
   * @param idOf the oracle's id of a spec, −1 if invalid under its rule
   */
  List<Neighbour> of(CellSpec spec, ToIntFunction<CellSpec> idOf) {
    BitSet seen = new BitSet();
    int self = idOf.applyAsInt(spec);
    if (self >= 0) {
      seen.set(self);
    }
    List<Neighbour> out = new ArrayList<>(31);
    for (CellSpec c : edits(spec)) {
      add(c, idOf, seen, out);
    }
    return out;
  }

  /**
   * The single edits of {@link #of} before validity checks and deduplication, in the same fixed order: 7-vertex
   * specs, possibly invalid or equal to the cell itself (cheap: no hashing).
   */
  List<CellSpec> edits(CellSpec spec) {
    int edges = spec.edgeEncoding();
    int[] ops = spec.opEncoding();
    int fwd = spec.reachableFromInput();
    int bwd = spec.reachesOutput();
    int onPath = fwd & bwd;
    boolean all = this == ALL;
    List<CellSpec> out = new ArrayList<>(31);
    for (int v = 0; v < CellSpec.OP_VARIABLES; v++) {
      if (!all && (onPath >>> (v + 1) & 1) == 0) {
        continue;
      }
      for (int d = 1; d <= 2; d++) {
        int[] o = ops.clone();
        o[v] = (ops[v] + d) % 3;
        out.add(CellSpec.fromEncoding(edges, o));
      }
    }
    for (int k = 0; k < CellSpec.EDGE_VARIABLES; k++) {
      if (all || ((fwd >>> CellSpec.edgeVariableFrom(k) & 1) != 0 && (bwd >>> CellSpec.edgeVariableTo(k) & 1) != 0)) {
        out.add(CellSpec.fromEncoding(edges ^ (1 << k), ops));
      }
    }
    return out;
  }

  private static void add(CellSpec c, ToIntFunction<CellSpec> idOf, BitSet seen, List<Neighbour> out) {
    int id = idOf.applyAsInt(c);
    if (id >= 0 && !seen.get(id)) {
      seen.set(id);
      out.add(new Neighbour(c, id));
    }
  }
}
