package nas4j.search.hpo;

import nas4j.search.InvalidHandling;

/**
 * Parameters of {@link Tpe}; defaults are hyperopt's ({@code tpe.suggest} as automl/nas_benchmarks
 * {@code run_tpe.py} calls it). Immutable; the constructor validates every field.
 *
 * @param gamma below-set fraction in hyperopt's {@code ceil(gamma · sqrt(N))} (0.25)
 * @param nEiCandidates candidates drawn per variable from the below density ({@code n_EI_candidates}: 24)
 * @param nStartupJobs uniform random trials before the model is used ({@code n_startup_jobs}: 20)
 * @param priorWeight pseudo-count added to every value ({@code prior_weight}: 1.0)
 * @param invalid {@code record-and-drop} (nas_benchmarks: invalid cells are queried, recorded at zero cost, loss 1)
 *     or {@code resample} (invalid suggestions are not queried; the model still records them with loss 1, else it
 *     would suggest them again)
 */
public record TpeParameters(double gamma, int nEiCandidates, int nStartupJobs, double priorWeight,
    InvalidHandling invalid) {

  public TpeParameters {
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in (0, 1]; got " + gamma);
    }
    if (nEiCandidates < 1 || nEiCandidates > 100_000) {
      throw new IllegalArgumentException("nEiCandidates must be in 1..100000; got " + nEiCandidates);
    }
    if (nStartupJobs < 1 || nStartupJobs > 1_000_000) {
      throw new IllegalArgumentException("nStartupJobs must be in 1..1000000; got " + nStartupJobs);
    }
    if (!(priorWeight > 0 && priorWeight <= 1000)) {
      throw new IllegalArgumentException("priorWeight must be in (0, 1000]; got " + priorWeight);
    }
    if (invalid == null) {
      throw new IllegalArgumentException("invalid must be one of resample, record-and-drop");
    }
  }

  /** hyperopt's defaults, as automl/nas_benchmarks ran them. */
  public static TpeParameters defaults() {
    return new TpeParameters(0.25, 24, 20, 1.0, InvalidHandling.RECORD_AND_DROP);
  }
}
