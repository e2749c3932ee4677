package nas4j.bench;

/**
 * The eight values the official API keeps per training run ({@code computed_statistics}), with their official
 * key names. Accuracies are fractions in [0,1]; times are seconds of training (evaluation excluded).
 */
public enum Metric {
  HALFWAY_TRAINING_TIME("halfway_training_time"),
  HALFWAY_TRAIN_ACCURACY("halfway_train_accuracy"),
  HALFWAY_VALIDATION_ACCURACY("halfway_validation_accuracy"),
  HALFWAY_TEST_ACCURACY("halfway_test_accuracy"),
  FINAL_TRAINING_TIME("final_training_time"),
  FINAL_TRAIN_ACCURACY("final_train_accuracy"),
  FINAL_VALIDATION_ACCURACY("final_validation_accuracy"),
  FINAL_TEST_ACCURACY("final_test_accuracy");

  private static final Metric[] VALUES = values();
  private final String key;

  Metric(String key) {
    this.key = key;
  }

  /** The official key, e.g. {@code final_validation_accuracy}. */
  public String key() {
    return key;
  }

  /** Training time at halfway or final. */
  public static Metric trainingTime(boolean halfway) {
    return halfway ? HALFWAY_TRAINING_TIME : FINAL_TRAINING_TIME;
  }

  /** Validation accuracy at halfway or final. */
  public static Metric validation(boolean halfway) {
    return halfway ? HALFWAY_VALIDATION_ACCURACY : FINAL_VALIDATION_ACCURACY;
  }

  /** Test accuracy at halfway or final. */
  public static Metric test(boolean halfway) {
    return halfway ? HALFWAY_TEST_ACCURACY : FINAL_TEST_ACCURACY;
  }

  /** Train accuracy at halfway or final. */
  public static Metric train(boolean halfway) {
    return halfway ? HALFWAY_TRAIN_ACCURACY : FINAL_TRAIN_ACCURACY;
  }

  static Metric ofOrdinal(int i) {
    return VALUES[i];
  }
}
