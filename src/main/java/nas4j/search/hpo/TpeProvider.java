package nas4j.search.hpo;

import java.util.LinkedHashMap;
import java.util.Map;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/** The {@code tpe} provider. Stateless. */
public final class TpeProvider implements StrategyProvider<TpeParameters> {
  @Override
  public String name() {
    return "tpe";
  }

  @Override
  public String description() {
    return "tree-structured Parzen estimator; defaults reproduce hyperopt's tpe.suggest as run by "
        + "automl/nas_benchmarks run_tpe.py";
  }

  @Override
  public Class<TpeParameters> parametersType() {
    return TpeParameters.class;
  }

  @Override
  public TpeParameters defaults() {
    return TpeParameters.defaults();
  }

  @Override
  public Map<String, TpeParameters> presets() {
    Map<String, TpeParameters> m = new LinkedHashMap<>();
    m.put("hyperopt", TpeParameters.defaults());
    return m;
  }

  @Override
  public SearchStrategy create(TpeParameters parameters) {
    return new Tpe(parameters);
  }
}
