package nas4j.space;

import java.util.random.RandomGenerator;

/** Draws random cells from a seeded generator. Implementations are immutable and thread-safe. */
public interface CellSampler {
  /** A valid cell. */
  CellSpec sample(RandomGenerator rng);

  /** The sampler's name as recorded in run metadata. */
  String name();

  /** The paper's rejection sampler under the API validity rule. */
  static CellSampler matrix() {
    return new MatrixSampler(ValidityRule.API);
  }

  /** Uniform over the unique cells of the space. */
  static CellSampler uniform(SpaceIndex space) {
    return new UniformCellSampler(space);
  }
}
