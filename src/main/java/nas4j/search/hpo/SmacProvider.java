package nas4j.search.hpo;

import java.util.LinkedHashMap;
import java.util.Map;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** The {@code smac} provider. Stateless. */
public final class SmacProvider implements StrategyProvider<SmacParameters> {
  @Override
  public String name() {
    return "smac";
  }

  @Override
  public String description() {
    return "SMAC: random forest (10 trees) + expected improvement + intensification (at most 4 runs per "
        + "configuration); defaults reproduce automl/nas_benchmarks run_smac.py";
  }

  @Override
  public Class<SmacParameters> parametersType() {
    return SmacParameters.class;
  }

  @Override
  public SmacParameters defaults() {
    return SmacParameters.defaults();
  }

  @Override
  public Map<String, SmacParameters> presets() {
    Map<String, SmacParameters> m = new LinkedHashMap<>();
    m.put("nas_benchmarks", SmacParameters.defaults());
    return m;
  }

  @Override
  public SearchStrategy create(SmacParameters parameters) {
    return new Smac(parameters);
  }
}
