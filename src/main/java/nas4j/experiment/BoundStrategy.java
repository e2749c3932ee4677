package nas4j.experiment;

import java.util.Map;
import nas4j.bench.OracleConfig;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/**
 * One strategy of an experiment, ready to run: its label, provider, the preset its parameters were laid over
 * (null = the provider's defaults), bound parameter record (and the same as a map, for metadata) and the oracle
 * settings of its runs. Immutable.
 */
public record BoundStrategy(String label, StrategyProvider<?> provider, String preset, Record params,
    Map<String, Object> paramsMap, OracleConfig oracle) {

  public BoundStrategy {
    paramsMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paramsMap));
  }

  /** A fresh strategy instance for one run. */
  public SearchStrategy newStrategy() {
    return StrategyBinder.create(provider, params);
  }
}
