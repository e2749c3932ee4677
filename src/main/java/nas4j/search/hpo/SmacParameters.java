package nas4j.search.hpo;

import nas4j.search.InvalidHandling;

/**
 * Parameters of {@link Smac}; defaults follow automl/nas_benchmarks {@code run_smac.py} over SMAC3 where it sets
 * something, SMAC3's defaults otherwise. Immutable; the constructor validates every field.
 *
 * @param numTrees trees of the random forest (10)
 * @param randomProbability probability that a challenger is a uniform configuration (0.33, {@code run_smac.py}'s
 *     {@code random_fraction})
 * @param maxEvaluations most evaluations (fresh sampled queries) of one configuration (4)
 * @param challengersPerIteration challengers raced per iteration (1: {@code run_smac.py} sets SMAC3's
 *     {@code intensifier.min_chall = 1} and {@code intensification_percentage = 1e-10}, "only 1 configuration per
 *     SMBO iteration"; SMAC3's own default is 2)
 * @param localSearchStarts local searches on EI per list (10, SMAC3's {@code n_sls_iterations})
 * @param randomCandidates uniform configurations scored by EI per list (5000)
 * @param refitGrowth relative growth of the evaluated configurations that triggers a refit (0.05; 0 = every new one)
 * @param invalid {@code record-and-drop} (nas_benchmarks: invalid cells are queried, recorded at zero cost, loss
 *     1) or {@code resample} (random configurations are redrawn until valid, invalid model suggestions are not
 *     queried but recorded with loss 1)
 */
public record SmacParameters(int numTrees, double randomProbability, int maxEvaluations, int challengersPerIteration,
    int localSearchStarts, int randomCandidates, double refitGrowth, InvalidHandling invalid) {

  public SmacParameters {
    if (numTrees < 1 || numTrees > 1000) {
      throw new IllegalArgumentException("numTrees must be in 1..1000; got " + numTrees);
    }
    if (!(randomProbability >= 0 && randomProbability <= 1)) {
      throw new IllegalArgumentException("randomProbability must be in [0, 1]; got " + randomProbability);
    }
    if (maxEvaluations < 1 || maxEvaluations > 1000) {
      throw new IllegalArgumentException("maxEvaluations must be in 1..1000; got " + maxEvaluations);
    }
    if (challengersPerIteration < 1 || challengersPerIteration > 1000) {
      throw new IllegalArgumentException("challengersPerIteration must be in 1..1000; got "
          + challengersPerIteration);
    }
    if (localSearchStarts < 0 || localSearchStarts > 1000) {
      throw new IllegalArgumentException("localSearchStarts must be in 0..1000; got " + localSearchStarts);
    }
    if (randomCandidates < 1 || randomCandidates > 1_000_000) {
      throw new IllegalArgumentException("randomCandidates must be in 1..1000000; got " + randomCandidates);
    }
    if (!(refitGrowth >= 0 && refitGrowth <= 10)) {
      throw new IllegalArgumentException("refitGrowth must be in [0, 10]; got " + refitGrowth);
    }
    if (invalid == null) {
      throw new IllegalArgumentException("invalid must be one of resample, record-and-drop");
    }
  }

  /** automl/nas_benchmarks {@code run_smac.py} (SMAC3 defaults elsewhere). */
  public static SmacParameters defaults() {
    return new SmacParameters(10, 0.33, 4, 1, 10, 5000, 0.05, InvalidHandling.RECORD_AND_DROP);
  }
}
