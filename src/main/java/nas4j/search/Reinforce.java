package nas4j.search;

import java.util.Objects;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.space.CellSpec;

/**
 * REINFORCE with independent categorical variables (automl/nas_benchmarks {@code run_rl.py}; see
 * {@link ReinforcePolicy} and {@link ReinforceParameters}). Immutable; each {@link #run} starts from a fresh
 * policy.
 *
 * <p>Each step samples all 26 variables; a sample that is invalid under the oracle's rule is resampled (and
 * first queried, at zero cost, with {@code record-and-drop}); the valid sample is queried, its reward computed and
 * one policy update made. Observations without data (duplicates the oracle rejected) give no update.
 */
public final class Reinforce implements SearchStrategy {
  /** Consecutive invalid samples after which the run stops as stalled. */
  static final int MAX_REDRAWS = 10_000_000;

  private final ReinforceParameters parameters;

  public Reinforce(ReinforceParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  /** The parameters. */
  public ReinforceParameters parameters() {
    return parameters;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    run(oracle, rng, newPolicy());
  }

  ReinforcePolicy newPolicy() {
    return new ReinforcePolicy(parameters.learningRate(), parameters.baselineMomentum());
  }

  /** Runs with the given policy (tests inspect it afterwards). */
  void run(Oracle oracle, RandomGenerator rng, ReinforcePolicy policy) {
    boolean record = parameters.invalid() == InvalidHandling.RECORD_AND_DROP;
    while (true) {
      int[] sample;
      CellSpec spec;
      int redraws = 0;
      while (true) {
        sample = policy.sample(rng);
        spec = CellSpec.fromVariables(sample);
        if (oracle.isValid(spec)) {
          break;
        }
        if (record) {
          oracle.query(spec);
        }
        if (++redraws > MAX_REDRAWS) {
          throw new IllegalStateException("REINFORCE stalled: " + MAX_REDRAWS + " invalid samples in a row");
        }
      }
      Observation obs = oracle.query(spec);
      if (obs.hasData()) {
        policy.update(sample, reward(obs, oracle));
      }
    }
  }

  /** accuracy, or accuracy × (resource / target)^w for a resource-aware reward. */
  double reward(Observation obs, Oracle oracle) {
    double acc = obs.validationAccuracy();
    switch (parameters.resource()) {
      case PARAMETERS:
        return acc * StrictMath.pow(oracle.space().parameters(obs.cellId()) / parameters.resourceTarget(),
            parameters.resourceExponent());
      case TRAINING_TIME:
        return acc * StrictMath.pow(obs.trainingTime() / parameters.resourceTarget(), parameters.resourceExponent());
      default:
        return acc;
    }
  }

  @Override
  public String toString() {
    return "Reinforce" + parameters;
  }
}
