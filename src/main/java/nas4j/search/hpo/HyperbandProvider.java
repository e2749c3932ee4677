package nas4j.search.hpo;

import java.util.LinkedHashMap;
import java.util.Map;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** The {@code hyperband} provider. Stateless. */
public final class HyperbandProvider implements StrategyProvider<HyperbandParameters> {
  @Override
  public String name() {
    return "hyperband";
  }

  @Override
  public String description() {
    return "Hyperband (multi-fidelity, budgets 4/12/36/108, eta 3); defaults reproduce hpbandster as run by "
        + "automl/nas_benchmarks run_hyperband.py";
  }

  @Override
  public Class<HyperbandParameters> parametersType() {
    return HyperbandParameters.class;
  }

  @Override
  public HyperbandParameters defaults() {
    return HyperbandParameters.defaults();
  }

  @Override
  public Map<String, HyperbandParameters> presets() {
    Map<String, HyperbandParameters> m = new LinkedHashMap<>();
    m.put("nas_benchmarks", HyperbandParameters.defaults());
    return m;
  }

  @Override
  public int[] fidelities(HyperbandParameters parameters) {
    return parameters.schedule().budgets();
  }

  @Override
  public SearchStrategy create(HyperbandParameters parameters) {
    return new Hyperband(parameters);
  }
}
