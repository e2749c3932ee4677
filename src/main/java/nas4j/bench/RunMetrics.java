package nas4j.bench;

/** The eight values of one training run (one cell, one epoch budget, one repeat). Immutable. */
public record RunMetrics(
    double halfwayTrainingTime,
    double halfwayTrainAccuracy,
    double halfwayValidationAccuracy,
    double halfwayTestAccuracy,
    double finalTrainingTime,
    double finalTrainAccuracy,
    double finalValidationAccuracy,
    double finalTestAccuracy) {

  /** The value of one metric. */
  public double get(Metric m) {
    switch (m) {
      case HALFWAY_TRAINING_TIME:
        return halfwayTrainingTime;
      case HALFWAY_TRAIN_ACCURACY:
        return halfwayTrainAccuracy;
      case HALFWAY_VALIDATION_ACCURACY:
        return halfwayValidationAccuracy;
      case HALFWAY_TEST_ACCURACY:
        return halfwayTestAccuracy;
      case FINAL_TRAINING_TIME:
        return finalTrainingTime;
      case FINAL_TRAIN_ACCURACY:
        return finalTrainAccuracy;
      case FINAL_VALIDATION_ACCURACY:
        return finalValidationAccuracy;
      case FINAL_TEST_ACCURACY:
        return finalTestAccuracy;
      default:
        throw new AssertionError(m);
    }
  }

  /** From values in {@link Metric} order. */
  public static RunMetrics of(double[] v) {
    return new RunMetrics(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  }
}
