package nas4j.search.hpo;

import nas4j.search.InvalidHandling;

/**
 * Parameters of BOHB (Hyperband's schedule with {@link BohbSampler}'s kernel-density model). Immutable; the
 * constructor validates every field. Defaults: automl/nas_benchmarks {@code run_bohb.py} over hpbandster.
 *
 * @param minBudget smallest epoch budget (4)
 * @param maxBudget largest epoch budget, the incumbent's (108)
 * @param eta halving rate (3)
 * @param numSamples candidates drawn from the good density per model-based configuration (64)
 * @param randomFraction probability of a uniform configuration once a model exists (0.33, {@code run_bohb.py})
 * @param bandwidthFactor widening of continuous kernels when sampling (3); encoding A has none, so no effect
 * @param minBandwidth lower clip of every bandwidth (nas_benchmarks: 0.3; hpbandster's default 0.001)
 * @param minPointsInModel points needed at a budget before its model is built; 0 = variables + 1 = 27
 * @param topPercent percentage of points forming the good set (hpbandster {@code top_n_percent}: 15)
 * @param invalid {@code record-and-drop} (nas_benchmarks) or {@code resample}, as for Hyperband
 */
public record BohbParameters(int minBudget, int maxBudget, int eta, int numSamples, double randomFraction,
    double bandwidthFactor, double minBandwidth, int minPointsInModel, int topPercent, InvalidHandling invalid) {

  public BohbParameters {
    new HyperbandParameters(minBudget, maxBudget, eta, invalid); // same checks
    if (numSamples < 1 || numSamples > 100_000) {
      throw new IllegalArgumentException("numSamples must be in 1..100000; got " + numSamples);
    }
    if (!(randomFraction >= 0 && randomFraction <= 1)) {
      throw new IllegalArgumentException("randomFraction must be in [0, 1]; got " + randomFraction);
    }
    if (!(bandwidthFactor > 0 && bandwidthFactor <= 1000)) {
      throw new IllegalArgumentException("bandwidthFactor must be in (0, 1000]; got " + bandwidthFactor);
    }
    if (!(minBandwidth > 0 && minBandwidth < 0.5)) {
      throw new IllegalArgumentException("minBandwidth must be in (0, 0.5); got " + minBandwidth);
    }
    if (minPointsInModel != 0 && (minPointsInModel < EncodingA.VARIABLES + 1 || minPointsInModel > 1_000_000)) {
      throw new IllegalArgumentException("minPointsInModel must be 0 (= 27) or in 27..1000000; got "
          + minPointsInModel);
    }
    if (topPercent < 1 || topPercent > 99) {
      throw new IllegalArgumentException("topPercent must be in 1..99; got " + topPercent);
    }
  }

  /** automl/nas_benchmarks {@code run_bohb.py}. */
  public static BohbParameters defaults() {
    return new BohbParameters(4, 108, 3, 64, 0.33, 3, 0.3, 0, 15, InvalidHandling.RECORD_AND_DROP);
  }

  /** hpbandster's own defaults ({@code min_bandwidth} 0.001), on the same budgets. */
  public static BohbParameters hpbandster() {
    return new BohbParameters(4, 108, 3, 64, 0.33, 3, 0.001, 0, 15, InvalidHandling.RECORD_AND_DROP);
  }

  /** The Hyperband schedule. */
  public HyperbandSchedule schedule() {
    return HyperbandSchedule.of(minBudget, maxBudget, eta);
  }
}
