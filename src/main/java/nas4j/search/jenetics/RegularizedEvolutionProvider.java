package nas4j.search.jenetics;

import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** Provides {@code regularized-evolution} ({@link RegularizedEvolution}). Stateless, thread-safe. */
public final class RegularizedEvolutionProvider implements StrategyProvider<RegularizedEvolutionParameters> {
  @Override
  public String name() {
    return "regularized-evolution";
  }

  @Override
  public String description() {
    return "Regularized (aging) evolution on Jenetics; defaults reproduce automl/nas_benchmarks"
        + " run_regularized_evolution.py (population 100, tournament 10, one-variable mutation); presets notebook,"
        + " naszilla, naslib";
  }

  @Override
  public Class<RegularizedEvolutionParameters> parametersType() {
    return RegularizedEvolutionParameters.class;
  }

  @Override
  public RegularizedEvolutionParameters defaults() {
    return RegularizedEvolutionParameters.defaults();
  }

  @Override
  public java.util.Map<String, RegularizedEvolutionParameters> presets() {
    java.util.Map<String, RegularizedEvolutionParameters> m = new java.util.LinkedHashMap<>();
    for (String name : RegularizedEvolutionParameters.PRESETS) {
      m.put(name, RegularizedEvolutionParameters.preset(name));
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public SearchStrategy create(RegularizedEvolutionParameters parameters) {
    return new RegularizedEvolution(parameters);
  }
}
