package nas4j.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code reinforce} provider. Stateless. */
public final class ReinforceProvider implements StrategyProvider<ReinforceParameters> {
  @Override
  public String name() {
    return "reinforce";
  }

  @Override
  public String description() {
    return "REINFORCE over independent categorical variables; defaults reproduce automl/nas_benchmarks run_rl.py "
        + "(zero logits, lr 0.1, baseline momentum 0.9)";
  }

  @Override
  public Class<ReinforceParameters> parametersType() {
    return ReinforceParameters.class;
  }

  @Override
  public ReinforceParameters defaults() {
    return ReinforceParameters.defaults();
  }

  /** {@code nas_benchmarks}; {@code mnasnet-parameters} (target 2·10^6); {@code mnasnet-time} (target 1,200 s). */
  @Override
  public Map<String, ReinforceParameters> presets() {
    Map<String, ReinforceParameters> m = new LinkedHashMap<>();
    m.put("nas_benchmarks", ReinforceParameters.defaults());
    m.put("mnasnet-parameters", ReinforceParameters.mnasnetParameters(2_000_000));
    m.put("mnasnet-time", ReinforceParameters.mnasnetTrainingTime(1_200));
    return m;
  }

  @Override
  public SearchStrategy create(ReinforceParameters parameters) {
    return new Reinforce(parameters);
  }
}
