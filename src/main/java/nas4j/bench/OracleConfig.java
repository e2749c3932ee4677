package nas4j.bench;

import java.util.Objects;
import nas4j.space.ValidityRule;

/**
 * How an {@link Oracle} answers and charges: default epoch budget and halfway flag, repeat policy, budget,
 * duplicate policy, validity rule, and whether it measures the strategy's own time per query. Immutable.
 */
public record OracleConfig(int epochs, boolean stopHalfway, RepeatPolicy repeatPolicy, Budget budget,
    DuplicatePolicy duplicates, ValidityRule validity, boolean measureCpu) {

  public OracleConfig {
    Objects.requireNonNull(repeatPolicy, "repeatPolicy");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(validity, "validity");
  }

  /** The paper's defaults: 108 epochs, final values, sampled repeat, charge duplicates, API validity, CPU on. */
  public static OracleConfig defaults(Budget budget) {
    return new OracleConfig(108, false, RepeatPolicy.SAMPLE, budget, DuplicatePolicy.CHARGE, ValidityRule.API, true);
  }

  public OracleConfig withValidity(ValidityRule rule) {
    return new OracleConfig(epochs, stopHalfway, repeatPolicy, budget, duplicates, rule, measureCpu);
  }

  public OracleConfig withDuplicates(DuplicatePolicy d) {
    return new OracleConfig(epochs, stopHalfway, repeatPolicy, budget, d, validity, measureCpu);
  }

  public OracleConfig withRepeatPolicy(RepeatPolicy p) {
    return new OracleConfig(epochs, stopHalfway, p, budget, duplicates, validity, measureCpu);
  }

  public OracleConfig withMeasureCpu(boolean m) {
    return new OracleConfig(epochs, stopHalfway, repeatPolicy, budget, duplicates, validity, m);
  }

  public OracleConfig withEpochs(int e, boolean halfway) {
    return new OracleConfig(e, halfway, repeatPolicy, budget, duplicates, validity, measureCpu);
  }
}
