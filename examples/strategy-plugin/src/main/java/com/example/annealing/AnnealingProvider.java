package com.example.annealing;

import java.util.LinkedHashMap;
import java.util.Map;
import nas4j.search.Sampler;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/**
 * The {@code simulated-annealing} strategy, found by nas4j through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/nas4j.search.StrategyProvider} in this jar). Needs a public no-argument constructor.
 */
public final class AnnealingProvider implements StrategyProvider<AnnealingParameters> {
  @Override
  public String name() {
    return "simulated-annealing";
  }

  @Override
  public String description() {
    return "example plugin: simulated annealing over single-edit neighbourhoods (geometric cooling, restarts)";
  }

  @Override
  public Class<AnnealingParameters> parametersType() {
    return AnnealingParameters.class;
  }

  @Override
  public AnnealingParameters defaults() {
    return AnnealingParameters.defaults();
  }

  @Override
  public Map<String, AnnealingParameters> presets() {
    Map<String, AnnealingParameters> m = new LinkedHashMap<>();
    m.put("slow-cooling", new AnnealingParameters(0.005, 0.999, 1e-4, Sampler.MATRIX));
    return m;
  }

  @Override
  public SearchStrategy create(AnnealingParameters parameters) {
    return new SimulatedAnnealing(parameters);
  }
}
