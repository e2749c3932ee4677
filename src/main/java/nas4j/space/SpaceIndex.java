package nas4j.space;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The whole NAS-Bench-101 space, enumerated exactly as the official generator did: every dense id
 * {@code 0..size()-1} names one unique cell, in order of first appearance (vertex count, then edge mask, then op
 * labelling); its canonical representative is the first labelled graph met, as the official files store it.
 *
 * <p>Immutable and thread-safe once built. Look-ups (hash → id, id → cell, cell → id) are O(1). The index is
 * cached on disk by {@link SpaceIndexCache} (versioned, checksummed); {@link #shared()} loads the cache or
 * enumerates and writes it.
 */
public final class SpaceIndex {
  /** Number of unique cells of NAS-Bench-101. */
  public static final int UNIQUE_CELLS = 423_624;
  private static final int NUM_LABELS = 3;

  private static volatile SpaceIndex shared;

  // full DAGs (edge masks in enumeration bit order) and where their labellings start
  final byte[] dagVertices;
  final int[] dagMask;
  private final int[] dagBase;
  private final int[] dagSlots; // open addressing: (V<<21|mask) -> dag index + 1
  // labelled graph index -> cell id
  final int[] labelledToId;
  // per cell
  final byte[] cellVertices;
  final long[] cellAdj;
  final int[] cellOps; // 3 bits per vertex, op ordinals
  final long[] hashHigh;
  final long[] hashLow;
  final int[] parameters;
  private final int[] hashSlots; // open addressing: hash -> id + 1
  private final Path loadedFrom; // null if enumerated in this process

  SpaceIndex(byte[] dagVertices, int[] dagMask, int[] labelledToId, byte[] cellVertices, long[] cellAdj,
      int[] cellOps, long[] hashHigh, long[] hashLow, int[] parameters, Path loadedFrom) {
    this.loadedFrom = loadedFrom;
    this.dagVertices = dagVertices;
    this.dagMask = dagMask;
    this.labelledToId = labelledToId;
    this.cellVertices = cellVertices;
    this.cellAdj = cellAdj;
    this.cellOps = cellOps;
    this.hashHigh = hashHigh;
    this.hashLow = hashLow;
    this.parameters = parameters;
    this.dagBase = new int[dagMask.length + 1];
    for (int d = 0; d < dagMask.length; d++) {
      dagBase[d + 1] = dagBase[d] + pow3(dagVertices[d] - 2);
    }
    if (dagBase[dagMask.length] != labelledToId.length) {
      throw new IllegalStateException("space index is inconsistent: labelled graph count "
          + labelledToId.length + " != " + dagBase[dagMask.length]);
    }
    this.dagSlots = new int[Integer.highestOneBit(dagMask.length * 4 + 1) * 2];
    for (int d = 0; d < dagMask.length; d++) {
      int key = dagVertices[d] << 21 | dagMask[d];
      int s = mix(key) & (dagSlots.length - 1);
      while (dagSlots[s] != 0) {
        s = (s + 1) & (dagSlots.length - 1);
      }
      dagSlots[s] = d + 1;
    }
    this.hashSlots = new int[Integer.highestOneBit(hashLow.length * 2 + 1) * 2];
    for (int id = 0; id < hashLow.length; id++) {
      int s = (int) mix64(hashLow[id]) & (hashSlots.length - 1);
      while (hashSlots[s] != 0) {
        int other = hashSlots[s] - 1;
        if (hashLow[other] == hashLow[id] && hashHigh[other] == hashHigh[id]) {
          throw new IllegalStateException("duplicate hash in space index: " + hash(id));
        }
        s = (s + 1) & (hashSlots.length - 1);
      }
      hashSlots[s] = id + 1;
    }
  }

  // ---------------------------------------------------------------- access

  /** The process-wide index: loaded from the default cache, or enumerated (and cached) on first use. */
  public static SpaceIndex shared() {
    SpaceIndex s = shared;
    if (s == null) {
      synchronized (SpaceIndex.class) {
        s = shared;
        if (s == null) {
          s = SpaceIndexCache.loadOrBuild(SpaceIndexCache.defaultFile());
          shared = s;
        }
      }
    }
    return s;
  }

  /** The process-wide index if {@link #shared()} has already built or loaded it, else {@code null}. */
  static SpaceIndex sharedIfLoaded() {
    return shared;
  }

  /** The cache file this index was read from, or empty if it was enumerated in this process. */
  public java.util.Optional<Path> loadedFrom() {
    return java.util.Optional.ofNullable(loadedFrom);
  }

  /** Number of unique cells. */
  public int size() {
    return hashLow.length;
  }

  /** Number of full-DAG edge masks with ≤ 9 edges over all vertex counts (6,472). */
  public int fullDagCount() {
    return dagMask.length;
  }

  /** Number of labelled graphs enumerated (1,293,208). */
  public int labelledGraphCount() {
    return labelledToId.length;
  }

  /** The canonical representative of cell {@code id}, as the official files store it. */
  public CellSpec cell(int id) {
    int n = cellVertices[id];
    byte[] ops = new byte[n];
    int packed = cellOps[id];
    for (int v = 0; v < n; v++) {
      ops[v] = (byte) (packed >>> (3 * v) & 7);
    }
    return CellSpec.ofBits(n, cellAdj[id], ops);
  }

  /** Vertex count of cell {@code id}. */
  public int vertexCount(int id) {
    return cellVertices[id];
  }

  /** Edge count of cell {@code id}. */
  public int edgeCount(int id) {
    return Long.bitCount(cellAdj[id]);
  }

  /** Adjacency bits (edge i→j at bit 7·i+j) of the canonical representative of cell {@code id}. */
  public long adjacencyBits(int id) {
    return cellAdj[id];
  }

  /** The op of vertex {@code v} of the canonical representative of cell {@code id}. */
  public Op op(int id, int v) {
    return Op.ofOrdinal(cellOps[id] >>> (3 * v) & 7);
  }

  /** The module hash of cell {@code id}. */
  public ModuleHash hash(int id) {
    return new ModuleHash(hashHigh[id], hashLow[id]);
  }

  /** Trainable parameters of cell {@code id}. */
  public int parameters(int id) {
    return parameters[id];
  }

  /** The id of a hash, or −1 if no cell of the space has it. */
  public int idOf(ModuleHash h) {
    return idOf(h.high(), h.low());
  }

  /** The id of a hash given as two longs, or −1. */
  public int idOf(long high, long low) {
    int s = (int) mix64(low) & (hashSlots.length - 1);
    while (true) {
      int e = hashSlots[s];
      if (e == 0) {
        return -1;
      }
      if (hashLow[e - 1] == low && hashHigh[e - 1] == high) {
        return e - 1;
      }
      s = (s + 1) & (hashSlots.length - 1);
    }
  }

  /**
   * The id of a spec valid under the API rule (pruned first), by table look-up.
   *
   * @throws OutOfDomainException if the spec is not valid
   */
  public int idOf(CellSpec spec) {
    CellSpec p = ValidityRule.API.validate(spec);
    return idOfPruned(p);
  }

  /** The id of a spec, or −1 if it is not valid under the API rule. Never throws for well-formed specs. */
  public int idOrMinusOne(CellSpec spec) {
    if (ValidityRule.API.violation(spec) != null) {
      return -1;
    }
    return idOfPruned(spec.pruned());
  }

  /**
   * The id of a spec already known to pass the API rule (e.g. checked by a {@link ValidityRule}); skips the
   * second domain check of {@link #idOrMinusOne}.
   */
  public int idOfValid(CellSpec spec) {
    return idOfPruned(spec.pruned());
  }

  private int idOfPruned(CellSpec p) {
    int n = p.vertexCount();
    int mask = 0;
    long adj = p.adjacencyBits();
    while (adj != 0) {
      int bit = Long.numberOfTrailingZeros(adj);
      adj &= adj - 1;
      int x = bit / CellSpec.MAX_VERTICES;
      int y = bit % CellSpec.MAX_VERTICES;
      mask |= 1 << (x + y * (y - 1) / 2);
    }
    int key = n << 21 | mask;
    int s = mix(key) & (dagSlots.length - 1);
    int d;
    while (true) {
      int e = dagSlots[s];
      if (e == 0) {
        throw new IllegalStateException("valid cell " + p + " is missing from the space index");
      }
      if (dagVertices[e - 1] == n && dagMask[e - 1] == mask) {
        d = e - 1;
        break;
      }
      s = (s + 1) & (dagSlots.length - 1);
    }
    int lab = 0;
    for (int v = 1; v < n - 1; v++) {
      lab = lab * NUM_LABELS + p.op(v).label();
    }
    return labelledToId[dagBase[d] + lab];
  }

  /** The module hash of a valid spec, by table look-up (much faster than {@link CellHasher}). */
  public ModuleHash hashOf(CellSpec spec) {
    return hash(idOf(spec));
  }

  /** The smallest hash of the space in sorted (hex) order. */
  public ModuleHash smallestHash() {
    ModuleHash min = hash(0);
    for (int id = 1; id < size(); id++) {
      ModuleHash h = hash(id);
      if (h.compareTo(min) < 0) {
        min = h;
      }
    }
    return min;
  }

  /** Unique cells per vertex count, indexed 0..7. */
  public int[] countsByVertices() {
    int[] c = new int[CellSpec.MAX_VERTICES + 1];
    for (byte v : cellVertices) {
      c[v]++;
    }
    return c;
  }

  /** Unique cells per edge count, indexed 0..9. */
  public int[] countsByEdges() {
    int[] c = new int[CellSpec.MAX_EDGES + 1];
    for (long a : cellAdj) {
      c[Long.bitCount(a)]++;
    }
    return c;
  }

  /** Full-DAG masks per vertex count, indexed 0..7. */
  public int[] fullDagsByVertices() {
    int[] c = new int[CellSpec.MAX_VERTICES + 1];
    for (byte v : dagVertices) {
      c[v]++;
    }
    return c;
  }

  /** Labelled graphs per vertex count, indexed 0..7. */
  public int[] labelledByVertices() {
    int[] c = new int[CellSpec.MAX_VERTICES + 1];
    for (byte v : dagVertices) {
      c[v] += pow3(v - 2);
    }
    return c;
  }

  // ---------------------------------------------------------------- enumeration

  /** Enumerates the space from scratch (parallel hashing; the result does not depend on the thread count). */
  public static SpaceIndex enumerate() {
    List<int[]> dags = new ArrayList<>();
    for (int n = 2; n <= CellSpec.MAX_VERTICES; n++) {
      int bits = n * (n - 1) / 2;
      for (int mask = 0; mask < (1 << bits); mask++) {
        if (Integer.bitCount(mask) <= CellSpec.MAX_EDGES && isFullDag(n, mask)) {
          dags.add(new int[] {n, mask});
        }
      }
    }
    int nd = dags.size();
    byte[] dagVertices = new byte[nd];
    int[] dagMask = new int[nd];
    int[] base = new int[nd + 1];
    for (int d = 0; d < nd; d++) {
      dagVertices[d] = (byte) dags.get(d)[0];
      dagMask[d] = dags.get(d)[1];
      base[d + 1] = base[d] + pow3(dagVertices[d] - 2);
    }
    int total = base[nd];
    long[] hi = new long[total];
    long[] lo = new long[total];
    IntStream.range(0, nd).parallel().forEach(d -> {
      CellHasher hasher = CellHasher.get();
      int n = dagVertices[d];
      long adj = adjOfMask(n, dagMask[d]);
      int[] labels = new int[n];
      labels[0] = -1;
      labels[n - 1] = -2;
      int count = pow3(n - 2);
      for (int lab = 0; lab < count; lab++) {
        int x = lab;
        for (int v = n - 2; v >= 1; v--) {
          labels[v] = x % NUM_LABELS;
          x /= NUM_LABELS;
        }
        ModuleHash h = hasher.hash(n, adj, labels);
        hi[base[d] + lab] = h.high();
        lo[base[d] + lab] = h.low();
      }
    });
    // first appearance -> id
    int[] slots = new int[1 << 22];
    int[] labelledToId = new int[total];
    int[] firstLabelled = new int[total];
    int ids = 0;
    for (int g = 0; g < total; g++) {
      int s = (int) mix64(lo[g]) & (slots.length - 1);
      int id;
      while (true) {
        int e = slots[s];
        if (e == 0) {
          id = ids++;
          firstLabelled[id] = g;
          slots[s] = g + 1;
          break;
        }
        if (lo[e - 1] == lo[g] && hi[e - 1] == hi[g]) {
          id = labelledToId[e - 1];
          break;
        }
        s = (s + 1) & (slots.length - 1);
      }
      labelledToId[g] = id;
    }
    byte[] cellVertices = new byte[ids];
    long[] cellAdj = new long[ids];
    int[] cellOps = new int[ids];
    long[] hashHigh = new long[ids];
    long[] hashLow = new long[ids];
    int[] params = new int[ids];
    int d = 0;
    for (int id = 0; id < ids; id++) {
      int g = firstLabelled[id];
      while (base[d + 1] <= g) {
        d++;
      }
      int n = dagVertices[d];
      cellVertices[id] = (byte) n;
      cellAdj[id] = adjOfMask(n, dagMask[d]);
      int lab = g - base[d];
      int packed = Op.INPUT.ordinal() | Op.OUTPUT.ordinal() << (3 * (n - 1));
      for (int v = n - 2; v >= 1; v--) {
        packed |= Op.interior(lab % NUM_LABELS).ordinal() << (3 * v);
        lab /= NUM_LABELS;
      }
      cellOps[id] = packed;
      hashHigh[id] = hi[g];
      hashLow[id] = lo[g];
    }
    SpaceIndex partial = new SpaceIndex(dagVertices, dagMask, labelledToId, cellVertices, cellAdj, cellOps,
        hashHigh, hashLow, params, null);
    IntStream.range(0, ids).parallel().forEach(id -> params[id] = Math.toIntExact(ParameterCount.of(partial.cell(id))));
    return partial;
  }

  /** Edge (x, y), x &lt; y, is bit {@code x + y(y−1)/2} of an enumeration mask. */
  static long adjOfMask(int n, int mask) {
    long adj = 0;
    for (int y = 1; y < n; y++) {
      for (int x = 0; x < y; x++) {
        if ((mask >>> (x + y * (y - 1) / 2) & 1) != 0) {
          adj |= 1L << (x * CellSpec.MAX_VERTICES + y);
        }
      }
    }
    return adj;
  }

  private static boolean isFullDag(int n, int mask) {
    long adj = adjOfMask(n, mask);
    for (int v = 0; v < n; v++) {
      boolean out = false;
      boolean in = false;
      for (int w = 0; w < n; w++) {
        out |= (adj >>> (v * CellSpec.MAX_VERTICES + w) & 1L) != 0;
        in |= (adj >>> (w * CellSpec.MAX_VERTICES + v) & 1L) != 0;
      }
      if ((v < n - 1 && !out) || (v > 0 && !in)) {
        return false;
      }
    }
    return true;
  }

  private static int pow3(int k) {
    int p = 1;
    for (int i = 0; i < k; i++) {
      p *= NUM_LABELS;
    }
    return p;
  }

  private static int mix(int x) {
    x *= 0x9E3779B1;
    return x ^ (x >>> 15);
  }

  private static long mix64(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }
}
