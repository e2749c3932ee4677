package nas4j.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code local-search} provider. Stateless. */
public final class LocalSearchProvider implements StrategyProvider<LocalSearchParameters> {
  @Override
  public String name() {
    return "local-search";
  }

  @Override
  public String description() {
    return "local search over single edits; defaults reproduce naszilla local_search (best of 10 random cells, "
        + "first improvement, restart at a local optimum)";
  }

  @Override
  public Class<LocalSearchParameters> parametersType() {
    return LocalSearchParameters.class;
  }

  @Override
  public LocalSearchParameters defaults() {
    return LocalSearchParameters.defaults();
  }

  @Override
  public Map<String, LocalSearchParameters> presets() {
    Map<String, LocalSearchParameters> m = new LinkedHashMap<>();
    m.put("naszilla", LocalSearchParameters.defaults());
    m.put("naszilla-continue", LocalSearchParameters.naszillaContinue());
    m.put("naslib", LocalSearchParameters.naslib());
    return m;
  }

  @Override
  public SearchStrategy create(LocalSearchParameters parameters) {
    return new LocalSearch(parameters);
  }
}
