package nas4j.space;

import java.util.random.RandomGenerator;

/** Uniform over the 423,624 unique cells: one {@code nextInt(size)}, the canonical representative. Immutable. */
public record UniformCellSampler(SpaceIndex space) implements CellSampler {

  @Override
  public CellSpec sample(RandomGenerator rng) {
    return space.cell(rng.nextInt(space.size()));
  }

  /** A uniformly drawn cell id. */
  public int sampleId(RandomGenerator rng) {
    return rng.nextInt(space.size());
  }

  @Override
  public String name() {
    return "uniform";
  }

  @Override
  public String toString() {
    return "UniformCellSampler[" + space.size() + " cells]";
  }
}
