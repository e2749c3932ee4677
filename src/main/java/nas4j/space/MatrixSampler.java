package nas4j.space;

import java.util.random.RandomGenerator;

/**
 * The paper's sampler ("rejection sampling of matrices"): a random upper-triangular 7×7 matrix of fair coin
 * flips and 5 uniform interior ops, redrawn until valid under the given rule. A cell's probability is
 * proportional to the number of (matrix, ops) draws that prune to it. Immutable.
 *
 * <p>Draw order (fixed, so runs are reproducible): one {@code nextInt(2^21)} for the 21 row-major edge bits,
 * then five {@code nextInt(3)} for the ops of vertices 1..5.
 */
public record MatrixSampler(ValidityRule rule) implements CellSampler {

  public MatrixSampler {
    java.util.Objects.requireNonNull(rule, "rule");
  }

  /** One raw draw: a 7-vertex spec that may be invalid. */
  public static CellSpec draw(RandomGenerator rng) {
    int bits = rng.nextInt(1 << CellSpec.EDGE_VARIABLES);
    int[] ops = new int[CellSpec.OP_VARIABLES];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = rng.nextInt(3);
    }
    return CellSpec.fromEncoding(bits, ops);
  }

  @Override
  public CellSpec sample(RandomGenerator rng) {
    while (true) {
      CellSpec c = draw(rng);
      if (rule.isValid(c)) {
        return c;
      }
    }
  }

  @Override
  public String name() {
    return rule == ValidityRule.API ? "matrix" : "matrix-raw-edges";
  }
}
