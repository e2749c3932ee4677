package nas4j.search.hpo;

import java.util.LinkedHashMap;
import java.util.Map;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** The {@code bohb} provider. Stateless. */
public final class BohbProvider implements StrategyProvider<BohbParameters> {
  @Override
  public String name() {
    return "bohb";
  }

  @Override
  public String description() {
    return "BOHB: Hyperband (budgets 4/12/36/108) with hpbandster's kernel-density model; defaults reproduce "
        + "automl/nas_benchmarks run_bohb.py";
  }

  @Override
  public Class<BohbParameters> parametersType() {
    return BohbParameters.class;
  }

  @Override
  public BohbParameters defaults() {
    return BohbParameters.defaults();
  }

  @Override
  public Map<String, BohbParameters> presets() {
    Map<String, BohbParameters> m = new LinkedHashMap<>();
    m.put("nas_benchmarks", BohbParameters.defaults());
    m.put("hpbandster", BohbParameters.hpbandster());
    return m;
  }

  @Override
  public int[] fidelities(BohbParameters parameters) {
    return parameters.schedule().budgets();
  }

  @Override
  public SearchStrategy create(BohbParameters parameters) {
    return new Hyperband(parameters.schedule(), () -> new BohbSampler(parameters), parameters.invalid());
  }
}
