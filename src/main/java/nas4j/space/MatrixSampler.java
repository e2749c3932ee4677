package nas4j.space;

import java.util.random.RandomGenerator;

/**
 * The paper's way to draw a random cell ("rejection sampling of matrices"; the automl/nas_benchmarks
 * configuration space, the nasbench notebook's {@code random_spec}, naszilla, NASLib): a random upper-triangular
 * 7×7 matrix of fair coin flips and 5 uniform interior ops. A cell's probability is proportional to the number of
 * (matrix, ops) draws that prune to it. The strategies choose between this and uniform sampling with
 * {@code nas4j.search.Sampler}; this class is the one place the draw itself is written. Stateless.
 *
 * <p>Draw order (fixed, so runs are reproducible): one {@code nextInt(2^21)} for the 21 row-major edge bits,
 * then five {@code nextInt(3)} for the ops of vertices 1..5.
 */
public final class MatrixSampler {
  private MatrixSampler() {}

  /** One raw draw: a 7-vertex spec that may be invalid. */
  public static CellSpec draw(RandomGenerator rng) {
    int bits = rng.nextInt(1 << CellSpec.EDGE_VARIABLES);
    int[] ops = new int[CellSpec.OP_VARIABLES];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = rng.nextInt(3);
    }
    return CellSpec.fromEncoding(bits, ops);
  }

  /** Draws until the cell is valid under {@code rule}. */
  public static CellSpec sample(RandomGenerator rng, ValidityRule rule) {
    while (true) {
      CellSpec c = draw(rng);
      if (rule.isValid(c)) {
        return c;
      }
    }
  }
}
