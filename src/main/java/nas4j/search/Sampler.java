package nas4j.search;

import java.util.random.RandomGenerator;
import nas4j.space.CellSpec;
import nas4j.space.MatrixSampler;
import nas4j.space.SpaceIndex;
import nas4j.util.ConfigNames;

/**
 * How a strategy draws a random cell (docs/search-protocols.md, "Two ways to draw a random cell"). Config names are {@link #toString()}:
 * {@code matrix}, {@code uniform}. Immutable.
 */
public enum Sampler {
  /**
   * The paper's procedure: 21 fair edge bits and 5 uniform ops ({@link MatrixSampler#draw}); the raw draw may be
   * invalid under the oracle's rule and is then resampled or recorded, as the strategy's {@link InvalidHandling}
   * says. A cell's probability is proportional to the number of draws that prune to it.
   */
  MATRIX,
  /** Uniform over the 423,624 unique cells (always valid); the canonical spec, padded to 7 vertices. */
  UNIFORM;

  /**
   * One raw draw: a 7-vertex spec, possibly invalid for {@link #MATRIX}. Draw order: {@code nextInt(2^21)} then
   * five {@code nextInt(3)} for the matrix sampler; one {@code nextInt(size)} for the uniform one.
   */
  public CellSpec draw(RandomGenerator rng, SpaceIndex space) {
    if (this == MATRIX) {
      return MatrixSampler.draw(rng);
    }
    return Encoding.sevenVertices(space.cell(rng.nextInt(space.size())));
  }

  /** The config name ({@code matrix} or {@code uniform}). */
  @Override
  public String toString() {
    return ConfigNames.of(this);
  }

  /** Parses a config name, case-insensitively. */
  public static Sampler parse(String text) {
    return ConfigNames.parse(Sampler.class, text, "sampler");
  }
}
