package nas4j.bench;

import java.util.Arrays;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;

/**
 * The fixed data of each cell as a data file stores it — adjacency, operations and trainable-parameter count of
 * the first record of its hash, as the official API keeps them ({@code fixed_statistics}) — where it differs from
 * the space's canonical representative or the exact parameter count. Files written by other tools may store their
 * own vertex order or their own count; the official API returns what the file stores. Sparse: only the differing
 * cells, in sorted primitive arrays by dense id. Immutable; thread-safe.
 */
public final class StoredFixedData {
  /** Nothing differs: every cell is stored as its canonical representative with its exact count. */
  public static final StoredFixedData CANONICAL = new StoredFixedData(new int[0], new long[0], new int[0], new int[0],
      new int[0]);

  private final int[] specIds;
  private final long[] specAdjacency;
  private final int[] specOps; // vertex count in bits 0..2, then 3 bits per vertex: the op's ordinal
  private final int[] parameterIds;
  private final int[] parameters;

  private StoredFixedData(int[] specIds, long[] specAdjacency, int[] specOps, int[] parameterIds, int[] parameters) {
    this.specIds = specIds;
    this.specAdjacency = specAdjacency;
    this.specOps = specOps;
    this.parameterIds = parameterIds;
    this.parameters = parameters;
  }

  /** The cell as stored for {@code id}: the stored spec if it differs, else the space's canonical one. */
  public CellSpec cell(int id, SpaceIndex space) {
    int k = Arrays.binarySearch(specIds, id);
    if (k < 0) {
      return space.cell(id);
    }
    return decode(specAdjacency[k], specOps[k]);
  }

  /** The parameter count as stored for {@code id}: the stored one if it differs, else the exact count. */
  public int parameters(int id, SpaceIndex space) {
    int k = Arrays.binarySearch(parameterIds, id);
    return k < 0 ? space.parameters(id) : parameters[k];
  }

  /** Number of cells stored in another vertex order (or with other unused vertices) than the canonical one. */
  public int differentCells() {
    return specIds.length;
  }

  /** Number of cells whose stored parameter count differs from the exact count. */
  public int differentParameterCounts() {
    return parameterIds.length;
  }

  /** Ids whose stored spec differs, ascending (for caches). */
  public int[] differentCellIds() {
    return specIds.clone();
  }

  /** Ids whose stored parameter count differs, ascending (for caches). */
  public int[] differentParameterIds() {
    return parameterIds.clone();
  }

  static int packOps(CellSpec c) {
    int p = c.vertexCount();
    for (int v = 0; v < c.vertexCount(); v++) {
      p |= c.op(v).ordinal() << (3 + 3 * v);
    }
    return p;
  }

  static CellSpec decode(long adjacency, int packedOps) {
    int n = packedOps & 7;
    int[][] m = new int[n][n];
    Op[] ops = new Op[n];
    for (int i = 0; i < n; i++) {
      ops[i] = Op.values()[packedOps >>> (3 + 3 * i) & 7];
      for (int j = i + 1; j < n; j++) {
        m[i][j] = (int) (adjacency >>> (i * CellSpec.MAX_VERTICES + j) & 1L);
      }
    }
    return CellSpec.of(m, ops);
  }

  /** Collects the first record's fixed data of each cell, in file order. Not thread-safe. */
  public static final class Builder {
    private final SpaceIndex space;
    private final java.util.BitSet seen;
    private int[] ids = new int[16];
    private long[] adj = new long[16];
    private int[] ops = new int[16];
    private int n;
    private int[] pIds = new int[16];
    private int[] p = new int[16];
    private int pn;

    public Builder(SpaceIndex space) {
      this.space = space;
      this.seen = new java.util.BitSet(space.size());
    }

    /**
     * One record of cell {@code id}: its stored spec (null = stored exactly as the canonical representative) and
     * stored parameter count. Only the first record of each cell is kept, as the official API does.
     */
    public void record(int id, CellSpec stored, int storedParameters) {
      if (seen.get(id)) {
        return;
      }
      seen.set(id);
      if (stored != null && !stored.equals(space.cell(id))) {
        spec(id, stored.adjacencyBits(), packOps(stored));
      }
      if (storedParameters != space.parameters(id)) {
        parameters(id, storedParameters);
      }
    }

    /** A cache's entry: the stored spec (packed as {@link #adjacencyAt} / {@link #packedOpsAt}) of cell {@code id}. */
    public void spec(int id, long adjacency, int packedOps) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
        adj = Arrays.copyOf(adj, n * 2);
        ops = Arrays.copyOf(ops, n * 2);
      }
      ids[n] = id;
      adj[n] = adjacency;
      ops[n] = packedOps;
      n++;
    }

    /** A cache's entry: the stored parameter count of cell {@code id}. */
    public void parameters(int id, int stored) {
      if (pn == pIds.length) {
        pIds = Arrays.copyOf(pIds, pn * 2);
        p = Arrays.copyOf(p, pn * 2);
      }
      pIds[pn] = id;
      p[pn] = stored;
      pn++;
    }

    /** The positions 0..n−1 ordered by {@code ids[position]}. */
    private static int[] byId(int[] ids, int n) {
      return java.util.stream.IntStream.range(0, n).boxed().sorted(java.util.Comparator.comparingInt(i -> ids[i]))
          .mapToInt(Integer::intValue).toArray();
    }

    public StoredFixedData build() {
      if (n == 0 && pn == 0) {
        return CANONICAL;
      }
      int[] order = byId(ids, n);
      int[] sIds = new int[n];
      long[] sAdj = new long[n];
      int[] sOps = new int[n];
      for (int i = 0; i < n; i++) {
        sIds[i] = ids[order[i]];
        sAdj[i] = adj[order[i]];
        sOps[i] = ops[order[i]];
      }
      int[] porder = byId(pIds, pn);
      int[] spIds = new int[pn];
      int[] sp = new int[pn];
      for (int i = 0; i < pn; i++) {
        spIds[i] = pIds[porder[i]];
        sp[i] = p[porder[i]];
      }
      return new StoredFixedData(sIds, sAdj, sOps, spIds, sp);
    }
  }

  /** The packed form of the stored spec of the k-th differing cell (for caches). */
  public long adjacencyAt(int k) {
    return specAdjacency[k];
  }

  /** The packed ops of the k-th differing cell (for caches). */
  public int packedOpsAt(int k) {
    return specOps[k];
  }

  /** The stored count of the k-th differing parameter entry (for caches). */
  public int parametersAt(int k) {
    return parameters[k];
  }
}
