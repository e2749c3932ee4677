package nas4j.search.jenetics;

import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** Provides {@code genetic-algorithm} ({@link GeneticAlgorithm}). Stateless, thread-safe. */
public final class GeneticAlgorithmProvider implements StrategyProvider<GeneticAlgorithmParameters> {
  @Override
  public String name() {
    return "genetic-algorithm";
  }

  @Override
  public String description() {
    return "Jenetics' classic generational GA (tournaments, single-point crossover, mutator), for comparison;"
        + " no published NAS-Bench-101 protocol";
  }

  @Override
  public Class<GeneticAlgorithmParameters> parametersType() {
    return GeneticAlgorithmParameters.class;
  }

  @Override
  public GeneticAlgorithmParameters defaults() {
    return GeneticAlgorithmParameters.defaults();
  }

  @Override
  public SearchStrategy create(GeneticAlgorithmParameters parameters) {
    return new GeneticAlgorithm(parameters);
  }
}
