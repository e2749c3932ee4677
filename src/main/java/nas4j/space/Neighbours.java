package nas4j.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-edit neighbourhoods. A single edit changes the op of one interior vertex (to either other op) or flips
 * one upper-triangular edge. Neighbours are the valid (API rule) results, deduplicated by canonical cell, with
 * the cell itself excluded. Stateless and thread-safe.
 *
 * <p>Edits apply to the spec as given: for a canonical (pruned) cell that is the cell-level neighbourhood used
 * by the landscape analysis; for a raw 7-vertex search spec it is the neighbourhood of the 26-variable encoding
 * (edits on dangling vertices included).
 */
public final class Neighbours {
  private Neighbours() {}

  /** A neighbour: the edited spec (as given, unpruned) and its dense cell id. */
  public record Neighbour(CellSpec spec, int cellId) {}

  /** All distinct valid single-edit neighbours, in a fixed order: op changes by vertex, then edge flips (i, j). */
  public static List<Neighbour> of(CellSpec spec, SpaceIndex space) {
    int self = space.idOrMinusOne(spec);
    int n = spec.vertexCount();
    List<Neighbour> out = new ArrayList<>();
    java.util.BitSet seen = new java.util.BitSet();
    if (self >= 0) {
      seen.set(self);
    }
    byte[] ops = new byte[n];
    for (int v = 0; v < n; v++) {
      ops[v] = spec.opOrdinal(v);
    }
    for (int v = 1; v < n - 1; v++) {
      Op current = spec.op(v);
      for (Op alt : Op.INTERIOR) {
        if (alt == current) {
          continue;
        }
        byte[] o = ops.clone();
        o[v] = (byte) alt.ordinal();
        add(CellSpec.ofBits(n, spec.adjacencyBits(), o), space, seen, out);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        long flipped = spec.adjacencyBits() ^ (1L << (i * CellSpec.MAX_VERTICES + j));
        add(CellSpec.ofBits(n, flipped, ops), space, seen, out);
      }
    }
    return out;
  }

  /** The dense ids of {@link #of(CellSpec, SpaceIndex)}. */
  public static int[] ids(CellSpec spec, SpaceIndex space) {
    return of(spec, space).stream().mapToInt(Neighbour::cellId).toArray();
  }

  private static void add(CellSpec c, SpaceIndex space, java.util.BitSet seen, List<Neighbour> out) {
    int id = space.idOrMinusOne(c);
    if (id >= 0 && !seen.get(id)) {
      seen.set(id);
      out.add(new Neighbour(c, id));
    }
  }
}
