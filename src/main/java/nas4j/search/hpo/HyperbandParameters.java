package nas4j.search.hpo;

import nas4j.search.InvalidHandling;

/**
 * Parameters of {@link Hyperband}. Immutable; the constructor validates every field.
 *
 * @param minBudget smallest epoch budget (hpbandster {@code min_budget}; nas_benchmarks: 4)
 * @param maxBudget largest epoch budget, the one the incumbent is chosen at ({@code max_budget}: 108)
 * @param eta halving rate ({@code eta}: 3); every budget {@code max · eta^-k} must be one the benchmark has
 * @param invalid {@code record-and-drop} (nas_benchmarks: an invalid configuration is queried, recorded at zero
 *     cost with loss 1 and goes through the bracket like any other) or {@code resample} (redrawn unqueried)
 */
public record HyperbandParameters(int minBudget, int maxBudget, int eta, InvalidHandling invalid) {

  public HyperbandParameters {
    if (invalid == null) {
      throw new IllegalArgumentException("invalid must be one of resample, record-and-drop");
    }
    if (minBudget < 1) {
      throw new IllegalArgumentException("minBudget must be ≥ 1; got " + minBudget);
    }
    if (maxBudget < minBudget) {
      throw new IllegalArgumentException("maxBudget must be ≥ minBudget (" + minBudget + "); got " + maxBudget);
    }
    if (eta < 2 || eta > 100) {
      throw new IllegalArgumentException("eta must be in 2..100; got " + eta);
    }
  }

  /** automl/nas_benchmarks {@code run_hyperband.py}: budgets 4..108 epochs, eta 3. */
  public static HyperbandParameters defaults() {
    return new HyperbandParameters(4, 108, 3, InvalidHandling.RECORD_AND_DROP);
  }

  /** The schedule. */
  public HyperbandSchedule schedule() {
    return HyperbandSchedule.of(minBudget, maxBudget, eta);
  }
}
