package nas4j.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A NAS-Bench-101 cell as given: a strictly upper-triangular adjacency matrix over 2..7 vertices and one op per
 * vertex. Immutable and thread-safe.
 *
 * <p>The matrix is held as a bit mask: edge {@code i→j} is bit {@code 7·i + j} of {@link #adjacencyBits()},
 * whatever the vertex count. A spec is not necessarily pruned or valid: see {@link #pruned()} and
 * {@link ValidityRule}.
 */
public final class CellSpec {
  /** Largest vertex count of the space. */
  public static final int MAX_VERTICES = 7;
  /** Largest edge count of the space (after pruning). */
  public static final int MAX_EDGES = 9;
  /** Number of upper-triangular edge variables of a 7-vertex cell. */
  public static final int EDGE_VARIABLES = 21;
  /** Number of interior op variables of a 7-vertex cell. */
  public static final int OP_VARIABLES = 5;
  /** Number of variables of the search encoding: 21 edges, then 5 ops (encoding A of automl/nas_benchmarks). */
  public static final int VARIABLES = EDGE_VARIABLES + OP_VARIABLES;

  private static final int[] ROW_MAJOR_I = new int[EDGE_VARIABLES];
  private static final int[] ROW_MAJOR_J = new int[EDGE_VARIABLES];

  static {
    int k = 0;
    for (int i = 0; i < MAX_VERTICES; i++) {
      for (int j = i + 1; j < MAX_VERTICES; j++) {
        ROW_MAJOR_I[k] = i;
        ROW_MAJOR_J[k] = j;
        k++;
      }
    }
  }

  private final int n;
  private final long adj;
  private final byte[] ops;
  // lazily computed pruning result; benign race (same value computed by every thread)
  private Object prunedCache;
  private static final Object DISCONNECTED = new Object();

  private CellSpec(int n, long adj, byte[] ops) {
    this.n = n;
    this.adj = adj;
    this.ops = ops;
  }

  // ---------------------------------------------------------------- construction

  /** From a 0/1 matrix and op names; throws {@link MalformedCellException} on malformed input. */
  public static CellSpec of(int[][] matrix, List<String> opNames) {
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(opNames, "ops");
    int v = matrix.length;
    checkVertexCount(v);
    for (int i = 0; i < v; i++) {
      if (matrix[i] == null || matrix[i].length != v) {
        throw new MalformedCellException("matrix is not square: row " + i + " has "
            + (matrix[i] == null ? 0 : matrix[i].length) + " entries, expected " + v);
      }
    }
    if (opNames.size() != v) { // the official construction order: square, op count, then triangularity
      throw new MalformedCellException(opNames.size() + " ops given for a " + v + "-vertex matrix; need exactly " + v);
    }
    long bits = 0;
    for (int i = 0; i < v; i++) {
      for (int j = 0; j < v; j++) {
        int x = matrix[i][j];
        if (x != 0 && x != 1) {
          throw new MalformedCellException("matrix entry [" + i + "][" + j + "] is " + x + "; entries must be 0 or 1");
        }
        if (x == 1) {
          if (j <= i) {
            throw new MalformedCellException("matrix is not strictly upper-triangular: edge " + i + "→" + j
                + (i == j ? " is a self-loop" : " goes backwards"));
          }
          bits |= 1L << (i * MAX_VERTICES + j);
        }
      }
    }
    return new CellSpec(v, bits, parseOps(opNames, v));
  }

  /** From a 0/1 matrix and ops. */
  public static CellSpec of(int[][] matrix, Op... ops) {
    List<String> names = new ArrayList<>(ops.length);
    for (Op op : ops) {
      names.add(op.officialName());
    }
    return of(matrix, names);
  }

  /**
   * From the compact strings of the data files: the row-major adjacency ({@code "0110…"}, V² characters) and the
   * comma-separated op names.
   */
  public static CellSpec parse(String adjacency, String opsCsv) {
    Objects.requireNonNull(adjacency, "adjacency");
    Objects.requireNonNull(opsCsv, "ops");
    String a = adjacency.trim();
    int v = (int) Math.round(Math.sqrt(a.length()));
    if (v * v != a.length()) {
      throw new MalformedCellException("adjacency '" + a + "' has " + a.length()
          + " characters, not a square number (V×V, 2 ≤ V ≤ 7)");
    }
    checkVertexCount(v);
    int[][] m = new int[v][v];
    for (int k = 0; k < a.length(); k++) {
      char c = a.charAt(k);
      if (c != '0' && c != '1') {
        throw new MalformedCellException("adjacency character " + k + " is '" + c + "'; only 0 and 1 are allowed");
      }
      m[k / v][k % v] = c - '0';
    }
    return of(m, splitOps(opsCsv));
  }

  /** Splits a comma-separated op list. */
  public static List<String> splitOps(String opsCsv) {
    List<String> out = new ArrayList<>();
    for (String s : opsCsv.split(",", -1)) {
      out.add(s.trim());
    }
    return out;
  }

  /**
   * From the 26-variable search encoding (encoding A of automl/nas_benchmarks): bit {@code k} of {@code edgeBits}
   * is the k-th upper-triangular entry of a 7×7 matrix in row-major order ((0,1), (0,2), …, (5,6)); {@code
   * interiorOps[i]} ∈ {0,1,2} is the op of vertex i+1 (index into {@link Op#INTERIOR}).
   */
  public static CellSpec fromEncoding(int edgeBits, int[] interiorOps) {
    if ((edgeBits >>> EDGE_VARIABLES) != 0) {
      throw new MalformedCellException("edge bits use more than 21 bits: " + Integer.toBinaryString(edgeBits));
    }
    if (interiorOps.length != OP_VARIABLES) {
      throw new MalformedCellException(interiorOps.length + " interior ops given; the encoding has 5");
    }
    long bits = 0;
    for (int k = 0; k < EDGE_VARIABLES; k++) {
      if ((edgeBits >>> k & 1) != 0) {
        bits |= 1L << (ROW_MAJOR_I[k] * MAX_VERTICES + ROW_MAJOR_J[k]);
      }
    }
    byte[] o = new byte[MAX_VERTICES];
    o[0] = (byte) Op.INPUT.ordinal();
    o[MAX_VERTICES - 1] = (byte) Op.OUTPUT.ordinal();
    for (int i = 0; i < OP_VARIABLES; i++) {
      o[i + 1] = (byte) Op.interior(interiorOps[i]).ordinal();
    }
    return new CellSpec(MAX_VERTICES, bits, o);
  }

  /**
   * From the 26 variables of the search encoding: variables 0..20 are the edge entries (0 or 1, row-major as in
   * {@link #fromEncoding}), variables 21..25 the interior ops (0..2).
   */
  public static CellSpec fromVariables(int[] variables) {
    if (variables.length != VARIABLES) {
      throw new MalformedCellException(variables.length + " variables given; the encoding has " + VARIABLES);
    }
    int edges = 0;
    for (int k = 0; k < EDGE_VARIABLES; k++) {
      if (variables[k] == 1) {
        edges |= 1 << k;
      }
    }
    return fromEncoding(edges, java.util.Arrays.copyOfRange(variables, EDGE_VARIABLES, VARIABLES));
  }

  /** The number of values variable {@code v} of the search encoding takes: 2 for an edge, 3 for an op. */
  public static int variableValues(int v) {
    return v < EDGE_VARIABLES ? 2 : Op.INTERIOR.size();
  }

  /** Row index of the k-th edge variable of the 26-variable encoding. */
  public static int edgeVariableFrom(int k) {
    return ROW_MAJOR_I[k];
  }

  /** Column index of the k-th edge variable of the 26-variable encoding. */
  public static int edgeVariableTo(int k) {
    return ROW_MAJOR_J[k];
  }

  /** Package-private raw constructor: bits and op ordinals are trusted. */
  static CellSpec ofBits(int n, long adjacencyBits, byte[] opOrdinals) {
    return new CellSpec(n, adjacencyBits, opOrdinals);
  }

  private static void checkVertexCount(int v) {
    if (v < 2) {
      throw new MalformedCellException("a cell needs at least 2 vertices (input and output); got " + v);
    }
    if (v > MAX_VERTICES) {
      throw new MalformedCellException("a cell has at most 7 vertices; got " + v);
    }
  }

  private static byte[] parseOps(List<String> names, int v) {
    if (names.size() != v) {
      throw new MalformedCellException(names.size() + " ops given for a " + v + "-vertex matrix; need exactly " + v);
    }
    byte[] o = new byte[v];
    for (int i = 0; i < v; i++) {
      String name = names.get(i);
      if (name == null) {
        throw new MalformedCellException("op of vertex " + i + " is missing");
      }
      try {
        o[i] = (byte) Op.fromName(name).ordinal();
      } catch (MalformedCellException e) {
        throw new MalformedCellException("vertex " + i + ": " + e.getMessage());
      }
    }
    return o;
  }

  // ---------------------------------------------------------------- accessors

  /** Number of vertices (2..7). */
  public int vertexCount() {
    return n;
  }

  /** The adjacency bit mask: edge i→j is bit 7·i + j. */
  public long adjacencyBits() {
    return adj;
  }

  /** True if edge {@code i→j} is present. */
  public boolean hasEdge(int i, int j) {
    return (adj >>> (i * MAX_VERTICES + j) & 1L) != 0;
  }

  /** Number of edges. */
  public int edgeCount() {
    return Long.bitCount(adj);
  }

  /** The op of vertex {@code i}. */
  public Op op(int i) {
    return Op.ofOrdinal(ops[i]);
  }

  /** The ops in vertex order. */
  public List<Op> ops() {
    List<Op> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(op(i));
    }
    return List.copyOf(out);
  }

  /** Op names in vertex order. */
  public List<String> opNames() {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(op(i).officialName());
    }
    return out;
  }

  /** The adjacency as a fresh 0/1 matrix. */
  public int[][] matrix() {
    int[][] m = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        m[i][j] = hasEdge(i, j) ? 1 : 0;
      }
    }
    return m;
  }

  /** The compact row-major adjacency string of the data files, e.g. {@code "0110…"}. */
  public String adjacencyString() {
    StringBuilder sb = new StringBuilder(n * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sb.append(j > i && hasEdge(i, j) ? '1' : '0');
      }
    }
    return sb.toString();
  }

  /** The comma-separated op names of the data files. */
  public String opsString() {
    return String.join(",", opNames());
  }

  /** The 21 upper-triangular row-major edge bits of this spec seen as a 7-vertex matrix (requires 7 vertices). */
  public int edgeEncoding() {
    requireSeven();
    int bits = 0;
    for (int k = 0; k < EDGE_VARIABLES; k++) {
      if (hasEdge(ROW_MAJOR_I[k], ROW_MAJOR_J[k])) {
        bits |= 1 << k;
      }
    }
    return bits;
  }

  /** The 5 interior op indices (0..2) of a 7-vertex spec whose interior ops are all legal. */
  public int[] opEncoding() {
    requireSeven();
    int[] out = new int[OP_VARIABLES];
    for (int i = 0; i < OP_VARIABLES; i++) {
      Op op = op(i + 1);
      if (!op.isInterior()) {
        throw new IllegalStateException("vertex " + (i + 1) + " has op " + op + ", not an interior op");
      }
      out[i] = op.label();
    }
    return out;
  }

  private void requireSeven() {
    if (n != MAX_VERTICES) {
      throw new IllegalStateException("the 26-variable encoding needs a 7-vertex spec; this one has " + n);
    }
  }

  // ---------------------------------------------------------------- pruning

  /**
   * The spec with every vertex removed that is not on an input→output path (the official pruning), or
   * {@code null} when the input is not connected to the output. Ops are not checked here.
   */
  public CellSpec pruned() {
    Object p = prunedCache;
    if (p == null) {
      p = computePruned();
      prunedCache = p;
    }
    return p == DISCONNECTED ? null : (CellSpec) p;
  }

  /** True if pruning removes nothing. */
  public boolean isPruned() {
    return pruned() == this;
  }

  /** Bit v set if vertex v is reachable from the input (vertex 0) along the edges. */
  public int reachableFromInput() {
    int fwd = 1;
    for (int i = 0; i < n; i++) {
      if ((fwd >>> i & 1) != 0) {
        long row = adj >>> (i * MAX_VERTICES);
        for (int j = i + 1; j < n; j++) {
          if ((row >>> j & 1L) != 0) {
            fwd |= 1 << j;
          }
        }
      }
    }
    return fwd;
  }

  /** Bit v set if the output (the last vertex) is reachable from vertex v along the edges. */
  public int reachesOutput() {
    int bwd = 1 << (n - 1);
    for (int j = n - 1; j >= 0; j--) {
      if ((bwd >>> j & 1) != 0) {
        for (int i = 0; i < j; i++) {
          if (hasEdge(i, j)) {
            bwd |= 1 << i;
          }
        }
      }
    }
    return bwd;
  }

  private Object computePruned() {
    int fwd = reachableFromInput();
    int bwd = reachesOutput();
    int keep = fwd & bwd;
    int kept = Integer.bitCount(keep);
    if (kept < 2) {
      return DISCONNECTED;
    }
    if (kept == n) {
      return this;
    }
    int[] map = new int[n];
    int m = 0;
    byte[] o = new byte[kept];
    for (int v = 0; v < n; v++) {
      if ((keep >>> v & 1) != 0) {
        map[v] = m;
        o[m++] = ops[v];
      }
    }
    long bits = 0;
    for (int i = 0; i < n; i++) {
      if ((keep >>> i & 1) == 0) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if ((keep >>> j & 1) != 0 && hasEdge(i, j)) {
          bits |= 1L << (map[i] * MAX_VERTICES + map[j]);
        }
      }
    }
    CellSpec result = new CellSpec(kept, bits, o);
    result.prunedCache = result;
    return result;
  }

  // ---------------------------------------------------------------- values

  /** Op ordinals, package-private (no copy). */
  byte opOrdinal(int i) {
    return ops[i];
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CellSpec)) {
      return false;
    }
    CellSpec c = (CellSpec) o;
    return n == c.n && adj == c.adj && Arrays.equals(ops, c.ops);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * n + Long.hashCode(adj)) + Arrays.hashCode(ops);
  }

  @Override
  public String toString() {
    return adjacencyString() + " " + opsString();
  }
}
