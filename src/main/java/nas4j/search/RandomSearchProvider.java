package nas4j.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code random-search} provider. Stateless. */
public final class RandomSearchProvider implements StrategyProvider<RandomSearchParameters> {
  @Override
  public String name() {
    return "random-search";
  }

  @Override
  public String description() {
    return "random search; defaults reproduce automl/nas_benchmarks run_random_search.py (matrix sampler, "
        + "invalid draws recorded and dropped)";
  }

  @Override
  public Class<RandomSearchParameters> parametersType() {
    return RandomSearchParameters.class;
  }

  @Override
  public RandomSearchParameters defaults() {
    return RandomSearchParameters.defaults();
  }

  @Override
  public Map<String, RandomSearchParameters> presets() {
    Map<String, RandomSearchParameters> m = new LinkedHashMap<>();
    m.put("nas_benchmarks", RandomSearchParameters.defaults());
    m.put("naszilla", RandomSearchParameters.naszilla());
    m.put("naslib", RandomSearchParameters.naslib());
    return m;
  }

  @Override
  public SearchStrategy create(RandomSearchParameters parameters) {
    return new RandomSearch(parameters);
  }
}
