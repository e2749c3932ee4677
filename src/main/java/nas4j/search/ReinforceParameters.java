package nas4j.search;

import nas4j.util.ConfigNames;

/**
 * Parameters of {@link Reinforce}. Immutable; the constructor validates every field.
 *
 * <p>Presets: {@link #defaults()} (automl/nas_benchmarks {@code run_rl.py}; docs/search-protocols.md),
 * {@link #mnasnetParameters(double)} and {@link #mnasnetTrainingTime(double)} (a MnasNet-style soft resource
 * constraint, Tan et al. 2019: reward = accuracy × (resource / target)^w with w = −0.07).
 *
 * @param learningRate step size of the plain gradient ascent, in (0, 1000]; published 0.1
 * @param baselineMomentum momentum of the bias-corrected moving-average baseline, in [0, 1); published 0.9
 * @param invalid invalid samples are always resampled; {@code record-and-drop} first queries each rejected sample
 *     so that the oracle records it as INVALID at zero cost (the script's behaviour), {@code resample} does not
 *     query it
 * @param resource {@code none} (reward = validation accuracy), {@code parameters} or {@code training-time}
 * @param resourceTarget the target T of the resource term, &gt; 0 when a resource is set (parameters, or seconds
 *     of training time); 0 = unset
 * @param resourceExponent the exponent w of (resource / T)^w, in [−10, 10]; MnasNet uses −0.07
 */
public record ReinforceParameters(double learningRate, double baselineMomentum, InvalidHandling invalid,
    ResourceMeasure resource, double resourceTarget, double resourceExponent) {

  public ReinforceParameters {
    if (!(learningRate > 0 && learningRate <= 1000)) {
      throw new IllegalArgumentException("learningRate must be in (0, 1000]; got " + learningRate);
    }
    if (!(baselineMomentum >= 0 && baselineMomentum < 1)) {
      throw new IllegalArgumentException("baselineMomentum must be in [0, 1); got " + baselineMomentum);
    }
    ConfigNames.require(invalid, InvalidHandling.class, "invalid");
    ConfigNames.require(resource, ResourceMeasure.class, "resource");
    if (!(resourceTarget >= 0) || Double.isInfinite(resourceTarget)) {
      throw new IllegalArgumentException("resourceTarget must be a finite number ≥ 0; got " + resourceTarget);
    }
    if (resource != ResourceMeasure.NONE && resourceTarget == 0) {
      throw new IllegalArgumentException("resourceTarget must be > 0 when resource is " + resource
          + " (a parameter count or seconds of training time); got 0");
    }
    if (!(resourceExponent >= -10 && resourceExponent <= 10)) {
      throw new IllegalArgumentException("resourceExponent must be in -10..10; got " + resourceExponent);
    }
  }

  /**
   * automl/nas_benchmarks {@code run_rl.py}: lr 0.1, baseline momentum 0.9, rejected (invalid) samples recorded
   * at zero cost and resampled, reward = sampled validation accuracy.
   */
  public static ReinforceParameters defaults() {
    return new ReinforceParameters(0.1, 0.9, InvalidHandling.RECORD_AND_DROP, ResourceMeasure.NONE, 0, -0.07);
  }

  /** MnasNet-style reward on parameters: accuracy × (parameters / target)^−0.07. */
  public static ReinforceParameters mnasnetParameters(double targetParameters) {
    return new ReinforceParameters(0.1, 0.9, InvalidHandling.RECORD_AND_DROP, ResourceMeasure.PARAMETERS,
        targetParameters, -0.07);
  }

  /** MnasNet-style reward on training time: accuracy × (training time / target seconds)^−0.07. */
  public static ReinforceParameters mnasnetTrainingTime(double targetSeconds) {
    return new ReinforceParameters(0.1, 0.9, InvalidHandling.RECORD_AND_DROP, ResourceMeasure.TRAINING_TIME,
        targetSeconds, -0.07);
  }
}
