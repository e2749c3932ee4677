package nas4j.bench.surrogate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the surrogate turns a cell's predicted mean validation accuracy and training time into three realistic
 * repeats with all eight metrics. Every array has one entry per budget 4, 12, 36, 108. Estimated at fit time
 * from the complete records (3 repeats, halfway and final values). At 108 epochs the validation and test repeat
 * spread comes from {@link LevelNoise} instead of {@code validationRepeatStd} and {@code testMinusValidation*}.
 * Immutable.
 *
 * @param validationRepeatStd pooled within-cell standard deviation of final validation accuracy over repeats
 * @param referenceValidation mean final validation accuracy of the complete records; below it the repeat noise
 *     shrinks linearly towards chance level ({@link #CHANCE}), where runs that do not learn barely vary
 * @param testMinusValidation mean of (final test − final validation) over runs
 * @param testMinusValidationStd standard deviation of (final test − final validation) over runs
 * @param trainErrorRatio mean of (1 − final train) / (1 − final validation)
 * @param trainErrorRatioStd its standard deviation over runs
 * @param halfwayValidationRatio mean of halfway validation / final validation
 * @param halfwayValidationRatioStd its standard deviation over runs
 * @param halfwayTestMinusValidation mean of (halfway test − halfway validation)
 * @param halfwayTestMinusValidationStd its standard deviation over runs
 * @param halfwayTrainErrorRatio mean of (1 − halfway train) / (1 − halfway validation)
 * @param halfwayTrainErrorRatioStd its standard deviation over runs
 * @param timeIntercept mean training time at the budget = intercept + slope × mean training time at 108 epochs
 *     (least squares over the records that have the budget)
 * @param timeSlope see {@code timeIntercept}
 * @param timeRepeatCv mean within-cell coefficient of variation of the final training time
 * @param halfwayTimeRatio mean of halfway / final training time
 * @param halfwayTimeRatioStd its standard deviation over runs
 */
public record NoiseModel(
    double[] validationRepeatStd,
    double[] referenceValidation,
    double[] testMinusValidation,
    double[] testMinusValidationStd,
    double[] trainErrorRatio,
    double[] trainErrorRatioStd,
    double[] halfwayValidationRatio,
    double[] halfwayValidationRatioStd,
    double[] halfwayTestMinusValidation,
    double[] halfwayTestMinusValidationStd,
    double[] halfwayTrainErrorRatio,
    double[] halfwayTrainErrorRatioStd,
    double[] timeIntercept,
    double[] timeSlope,
    double[] timeRepeatCv,
    double[] halfwayTimeRatio,
    double[] halfwayTimeRatioStd) {

  /** The budgets the arrays refer to. */
  public static final int[] BUDGETS = {4, 12, 36, 108};
  /** Accuracy of a network that does not learn (10 classes). */
  public static final double CHANCE = 0.1;
  /** The threshold for broken runs. */
  public static final double BROKEN_THRESHOLD = 0.80;

  private static final String[] KEYS = {"validation_repeat_std", "reference_validation", "test_minus_validation",
      "test_minus_validation_std", "train_error_ratio", "train_error_ratio_std", "halfway_validation_ratio",
      "halfway_validation_ratio_std", "halfway_test_minus_validation", "halfway_test_minus_validation_std",
      "halfway_train_error_ratio", "halfway_train_error_ratio_std", "time_intercept", "time_slope",
      "time_repeat_cv", "halfway_time_ratio", "halfway_time_ratio_std"};

  private double[][] arrays() {
    return new double[][] {validationRepeatStd, referenceValidation, testMinusValidation, testMinusValidationStd,
        trainErrorRatio, trainErrorRatioStd, halfwayValidationRatio, halfwayValidationRatioStd,
        halfwayTestMinusValidation, halfwayTestMinusValidationStd, halfwayTrainErrorRatio,
        halfwayTrainErrorRatioStd, timeIntercept, timeSlope, timeRepeatCv, halfwayTimeRatio, halfwayTimeRatioStd};
  }

  /** The parameters as ordered {@code key → value(s)} (values as exact decimal strings), for files and reports. */
  public Map<String, String> toProperties() {
    Map<String, String> m = new LinkedHashMap<>();
    double[][] a = arrays();
    for (int i = 0; i < KEYS.length; i++) {
      m.put("noise." + KEYS[i], join(a[i]));
    }
    return m;
  }

  /** The parameters as JSON-friendly values (lists of doubles). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    double[][] a = arrays();
    for (int i = 0; i < KEYS.length; i++) {
      m.put(KEYS[i], a[i].clone());
    }
    return m;
  }

  /** Reads what {@link #toProperties()} wrote; errors name {@code source} and the key. */
  public static NoiseModel fromProperties(Map<String, String> p, String source) throws IOException {
    double[][] a = new double[KEYS.length][];
    for (int i = 0; i < KEYS.length; i++) {
      a[i] = split(p, "noise." + KEYS[i], source);
      if (a[i].length != 4) {
        throw new IOException(source + ": noise." + KEYS[i] + " must have 4 values (budgets 4, 12, 36, 108)");
      }
    }
    return new NoiseModel(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13],
        a[14], a[15], a[16]);
  }

  static String join(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(v[i]);
    }
    return sb.toString();
  }

  static double[] split(Map<String, String> p, String key, String source) throws IOException {
    String v = p.get(key);
    if (v == null || v.isBlank()) {
      throw new IOException(source + ": missing key " + key);
    }
    String[] f = v.split(",");
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      try {
        d[i] = Double.parseDouble(f[i].strip());
      } catch (NumberFormatException e) {
        throw new IOException(source + ": key " + key + ": '" + f[i] + "' is not a number");
      }
      if (!Double.isFinite(d[i])) {
        throw new IOException(source + ": key " + key + ": value " + f[i] + " is not finite");
      }
    }
    return d;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    toProperties().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s=%s%n", k, v)));
    return sb.toString();
  }
}
