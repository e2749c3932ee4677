package nas4j.search.jenetics;

import nas4j.search.InvalidHandling;
import java.util.Objects;

/**
 * Parameters of {@link GeneticAlgorithm}, Jenetics' classic generational GA. Immutable; the canonical constructor
 * validates every field and throws {@link IllegalArgumentException} naming the parameter and its allowed range.
 * The defaults are Jenetics' own engine defaults (offspring fraction 0.6, tournaments of 3, single-point crossover
 * 0.2, mutator 0.15) except for the population (100, like regularized evolution), the maximal phenotype age (set
 * so high that no individual ever dies of age: a killed individual is replaced by a fresh random one, which would
 * be an extra charged query) and the invalid-cell handling. There is no published NAS-Bench-101 protocol for it.
 *
 * @param populationSize individuals per generation (2..100,000)
 * @param offspringFraction fraction of each generation that is offspring (selected, then altered); the rest
 *     survive unchanged and are not queried again (0..1)
 * @param tournamentSize tournament size of the offspring and survivor selectors (2..populationSize)
 * @param crossoverProbability probability of Jenetics' single-point crossover (0..1)
 * @param mutationProbability probability of Jenetics' {@code Mutator} per gene; a mutated gene gets a uniformly
 *     drawn value, possibly the same one (0..1)
 * @param maximalPhenotypeAge generations an individual may live (1..2^63−1); each one that dies of age is
 *     replaced by a fresh random individual, i.e. one more charged query
 * @param invalid record-and-drop (invalid cells are queried at zero cost and get fitness −1) or resample
 *     (a Jenetics constraint replaces an invalid individual by a fresh random valid one before it is queried)
 */
public record GeneticAlgorithmParameters(int populationSize, double offspringFraction, int tournamentSize,
    double crossoverProbability, double mutationProbability, long maximalPhenotypeAge, InvalidHandling invalid) {

  /** Default maximal phenotype age: effectively immortal. */
  public static final long NEVER = 1_000_000_000_000L;

  public GeneticAlgorithmParameters {
    if (populationSize < 2 || populationSize > RegularizedEvolutionParameters.MAX_POPULATION) {
      throw new IllegalArgumentException("populationSize must be in 2.." + RegularizedEvolutionParameters.MAX_POPULATION
          + "; got " + populationSize);
    }
    checkProbability("offspringFraction", offspringFraction);
    if (tournamentSize < 2 || tournamentSize > populationSize) {
      throw new IllegalArgumentException("tournamentSize must be in 2..populationSize (" + populationSize + "); got "
          + tournamentSize);
    }
    checkProbability("crossoverProbability", crossoverProbability);
    checkProbability("mutationProbability", mutationProbability);
    if (maximalPhenotypeAge < 1) {
      throw new IllegalArgumentException("maximalPhenotypeAge must be in 1.." + Long.MAX_VALUE + "; got "
          + maximalPhenotypeAge);
    }
    Objects.requireNonNull(invalid, "invalid (record-and-drop or resample)");
  }

  private static void checkProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be in 0..1; got " + p);
    }
  }

  /** Population 100, offspring fraction 0.6, tournaments of 3, crossover 0.2, mutation 0.15, no aging, resample. */
  public static GeneticAlgorithmParameters defaults() {
    return new GeneticAlgorithmParameters(100, 0.6, 3, 0.2, 0.15, NEVER, InvalidHandling.RESAMPLE);
  }

  /** Offspring per generation, as Jenetics rounds it. */
  public int offspringSize() {
    return (int) Math.rint(populationSize * offspringFraction);
  }
}
