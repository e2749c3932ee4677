package nas4j.experiment;

import java.util.List;
import nas4j.bench.DuplicatePolicy;
import nas4j.bench.RepeatPolicy;
import nas4j.space.ValidityRule;

/**
 * A publication's whole protocol, picked with one config key ({@code protocol: naszilla}): the validity rule,
 * the objective's repeat policy, the duplicate policy, the strategies' presets, how the test accuracy is reported
 * (with its y*) and where the summary reports. Keys written in the config (at the top or in a strategies entry)
 * override the protocol's values; run.json records every resolved value. Sources and details in docs/protocols.md.
 * Immutable.
 */
public enum Protocol {
  /**
   * automl/nas_benchmarks scripts behind the NAS-Bench-101 paper's Fig. 7: raw-edge rule, sampled repeat, every
   * query charged, mean-of-3 test accuracy at 108 epochs, log-spaced grid.
   */
  NAS_BENCHMARKS(ValidityRule.RAW_EDGES_FIRST, RepeatPolicy.SAMPLE, DuplicatePolicy.CHARGE, TestReport.MEAN,
      List.of("nas-benchmarks", "nas_benchmarks", "paper"), Checkpoints.LOG),
  /**
   * google-research/nasbench NASBench.ipynb: API rule (resampled), sampled repeat, every query charged, the test
   * accuracy of the incumbent's own query, reported every 10,000 simulated seconds.
   */
  NOTEBOOK(ValidityRule.API, RepeatPolicy.SAMPLE, DuplicatePolicy.CHARGE, TestReport.QUERIED_REPEAT,
      List.of("notebook"), new Checkpoints(Checkpoints.Grid.every(10_000), null)),
  /**
   * naszilla (BANANAS; "Local search is state of the art for NAS benchmarks"): API rule, mean of the distinct
   * repeats rounded as a loss to 4 decimals for the objective and the reported test value, every 10 queries.
   */
  NASZILLA(ValidityRule.API, RepeatPolicy.MEAN_DISTINCT, DuplicatePolicy.CHARGE, TestReport.MEAN_DISTINCT,
      List.of("naszilla"), new Checkpoints(null, Checkpoints.Grid.every(10))),
  /**
   * automl/NASLib black-box optimizers: API rule, sampled repeat, every query charged, a freshly sampled repeat
   * of the best cell reported after every query.
   */
  NASLIB(ValidityRule.API, RepeatPolicy.SAMPLE, DuplicatePolicy.CHARGE, TestReport.FRESH_REPEAT,
      List.of("naslib"), new Checkpoints(null, Checkpoints.Grid.every(1)));

  private final ValidityRule validity;
  private final RepeatPolicy repeat;
  private final DuplicatePolicy duplicates;
  private final TestReport report;
  private final List<String> presetNames;
  private final Checkpoints checkpoints;

  Protocol(ValidityRule validity, RepeatPolicy repeat, DuplicatePolicy duplicates, TestReport report,
      List<String> presetNames, Checkpoints checkpoints) {
    this.validity = validity;
    this.repeat = repeat;
    this.duplicates = duplicates;
    this.report = report;
    this.presetNames = presetNames;
    this.checkpoints = checkpoints;
  }

  public ValidityRule validity() {
    return validity;
  }

  public RepeatPolicy repeat() {
    return repeat;
  }

  public DuplicatePolicy duplicates() {
    return duplicates;
  }

  public TestReport report() {
    return report;
  }

  public Checkpoints checkpoints() {
    return checkpoints;
  }

  /** The strategies' preset names of this protocol, tried in order (a strategy without any keeps its defaults). */
  public List<String> presetNames() {
    return presetNames;
  }

  /** The config spelling ({@code nas-benchmarks}). */
  @Override
  public String toString() {
    return nas4j.util.ConfigNames.of(this);
  }
}
