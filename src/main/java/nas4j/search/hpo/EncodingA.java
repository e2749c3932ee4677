package nas4j.search.hpo;

import java.util.random.RandomGenerator;
import nas4j.space.CellSpec;

/**
 * Encoding A of automl/nas_benchmarks ({@code NASCifar10A}): 26 categorical variables, {@code edge_0..edge_20}
 * (the row-major upper-triangular entries of the 7×7 matrix, values 0/1) and {@code op_node_0..op_node_4} (the
 * ops of vertices 1..5). A configuration is packed into an {@code int}: bit k (k &lt; 21) is edge k, bits 21+2i and
 * 22+2i hold the op of vertex i+1 as its index in nas_benchmarks' choice list (0 = conv1x1-bn-relu,
 * 1 = conv3x3-bn-relu, 2 = maxpool3x3; that order only matters for the numeric value a model sees). Stateless.
 */
public final class EncodingA {
  private EncodingA() {}

  /** Number of variables. */
  public static final int VARIABLES = CellSpec.VARIABLES;
  /** Number of edge variables (the first ones). */
  public static final int EDGES = CellSpec.EDGE_VARIABLES;
  private static final int[] MODEL_TO_INTERIOR = {1, 0, 2}; // nas4j's Op.INTERIOR order is conv3x3, conv1x1, maxpool

  /** The number of values of variable {@code d}: 2 for an edge, 3 for an op. */
  public static int cardinality(int d) {
    return CellSpec.variableValues(d);
  }

  /** The value of variable {@code d} of a packed configuration. */
  public static int value(int config, int d) {
    return d < EDGES ? config >>> d & 1 : config >>> (EDGES + 2 * (d - EDGES)) & 3;
  }

  /** The configuration with variable {@code d} set to {@code v}. */
  public static int with(int config, int d, int v) {
    if (d < EDGES) {
      return (config & ~(1 << d)) | (v << d);
    }
    int s = EDGES + 2 * (d - EDGES);
    return (config & ~(3 << s)) | (v << s);
  }

  /**
   * A uniformly random configuration (ConfigSpace's {@code sample_configuration} on encoding A: every variable
   * uniform). Draw order: one {@code nextInt(2^21)} for the edges, then five {@code nextInt(3)}, like the paper's
   * matrix sampler.
   */
  public static int random(RandomGenerator rng) {
    int c = rng.nextInt(1 << EDGES);
    for (int i = 0; i < 5; i++) {
      c = with(c, EDGES + i, rng.nextInt(3));
    }
    return c;
  }

  /** The 7-vertex spec (unpruned, possibly invalid) of a configuration. */
  public static CellSpec spec(int config) {
    int[] ops = new int[5];
    for (int i = 0; i < 5; i++) {
      ops[i] = MODEL_TO_INTERIOR[value(config, EDGES + i)];
    }
    return CellSpec.fromEncoding(config & ((1 << EDGES) - 1), ops);
  }
}
