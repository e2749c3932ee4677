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
 * repeats with all eight metrics. Every array has one entry per budget 4, 12, 36, 108. Estimated by
 * {@link #estimate} from the complete records (3 repeats, halfway and final values) and, for broken runs, from the
 * fitting part of the 20k sample. Immutable.
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
 * @param brokenRate share of cells made broken: the share of fitting-sample cells whose validation accuracy at
 *     108 epochs is below {@code brokenThreshold}, minus the share of all cells whose predicted mean already is
 *     (so the surrogate's total share below the threshold matches the real one); decided per cell from its hash
 * @param brokenThreshold the accuracy below which a run counts as broken (0.80)
 * @param brokenQuantiles 0 %, 5 %, …, 100 % quantiles of the broken runs' validation accuracies (a broken run
 *     draws its value by linear interpolation in this table)
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
    double[] halfwayTimeRatioStd,
    double brokenRate,
    double brokenThreshold,
    double[] brokenQuantiles) {

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
    m.put("noise.broken_rate", Double.toString(brokenRate));
    m.put("noise.broken_threshold", Double.toString(brokenThreshold));
    m.put("noise.broken_quantiles", join(brokenQuantiles));
    return m;
  }

  /** The parameters as JSON-friendly values (lists of doubles). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    double[][] a = arrays();
    for (int i = 0; i < KEYS.length; i++) {
      m.put(KEYS[i], a[i].clone());
    }
    m.put("broken_rate", brokenRate);
    m.put("broken_threshold", brokenThreshold);
    m.put("broken_quantiles", brokenQuantiles.clone());
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
        a[14], a[15], a[16], split(p, "noise.broken_rate", source)[0], split(p, "noise.broken_threshold", source)[0],
        split(p, "noise.broken_quantiles", source));
  }

  private static String join(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(v[i]);
    }
    return sb.toString();
  }

  private static double[] split(Map<String, String> p, String key, String source) throws IOException {
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

  /**
   * Estimates the model from {@code complete-records.json} (the official {@code get_metrics_from_hash} shape:
   * {@code {hash: {"fixed": …, "computed": {"108": [run, run, run], …}}}}) and the real 108-epoch validation
   * accuracies of the fitting rows of the sample (for the broken cells), given the share of all cells whose
   * predicted mean validation accuracy at 108 epochs is below {@link #BROKEN_THRESHOLD}.
   */
  public static NoiseModel estimate(Path completeRecords, double[] fitValidation108, double predictedShareBelow)
      throws IOException {
    Object root = MiniJson.parse(Files.readString(completeRecords, StandardCharsets.UTF_8), completeRecords.toString());
    if (!(root instanceof Map)) {
      throw new IOException(completeRecords + ": expected a JSON object of records by hash");
    }
    // runs[b] = list of per-cell arrays of runs (each run: the 8 metrics in Metric order)
    List<List<double[][]>> cells = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      cells.add(new ArrayList<>());
    }
    List<double[]> time108ByCell = new ArrayList<>();
    Map<String, Double> t108 = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
      String hash = String.valueOf(e.getKey());
      Object computed = e.getValue() instanceof Map ? ((Map<?, ?>) e.getValue()).get("computed") : null;
      if (!(computed instanceof Map)) {
        throw new IOException(completeRecords + ": record " + hash + " has no \"computed\" object");
      }
      for (int b = 0; b < 4; b++) {
        Object runs = ((Map<?, ?>) computed).get(Integer.toString(BUDGETS[b]));
        if (runs == null) {
          continue;
        }
        if (!(runs instanceof List) || ((List<?>) runs).size() != 3) {
          throw new IOException(completeRecords + ": record " + hash + ", budget " + BUDGETS[b]
              + ": expected a list of 3 runs");
        }
        double[][] r = new double[3][];
        for (int k = 0; k < 3; k++) {
          r[k] = run(((List<?>) runs).get(k), completeRecords, hash, BUDGETS[b], k);
        }
        cells.get(b).add(r);
        if (b == 3) {
          t108.put(hash, (r[0][4] + r[1][4] + r[2][4]) / 3);
        }
      }
    }
    if (cells.get(3).isEmpty()) {
      throw new IOException(completeRecords + ": no record has 108-epoch runs");
    }
    double[][] out = new double[17][4];
    for (int b = 0; b < 4; b++) {
      List<double[][]> cb = cells.get(b);
      if (cb.isEmpty()) {
        throw new IOException(completeRecords + ": no record has " + BUDGETS[b] + "-epoch runs");
      }
      double within = 0;
      int dof = 0;
      double cvSum = 0;
      double refSum = 0;
      List<Double> testDiff = new ArrayList<>();
      List<Double> trainRatio = new ArrayList<>();
      List<Double> hRatio = new ArrayList<>();
      List<Double> hTestDiff = new ArrayList<>();
      List<Double> hTrainRatio = new ArrayList<>();
      List<Double> hTime = new ArrayList<>();
      for (double[][] r : cb) {
        double mv = (r[0][6] + r[1][6] + r[2][6]) / 3;
        double mt = (r[0][4] + r[1][4] + r[2][4]) / 3;
        double vt = 0;
        for (double[] run : r) {
          within += (run[6] - mv) * (run[6] - mv);
          vt += (run[4] - mt) * (run[4] - mt);
          testDiff.add(run[7] - run[6]);
          trainRatio.add((1 - run[5]) / (1 - run[6]));
          hRatio.add(run[2] / run[6]);
          hTestDiff.add(run[3] - run[2]);
          hTrainRatio.add((1 - run[1]) / (1 - run[2]));
          hTime.add(run[0] / run[4]);
        }
        dof += 2;
        cvSum += StrictMath.sqrt(vt / 2) / mt;
        refSum += mv;
      }
      out[0][b] = StrictMath.sqrt(within / dof);
      out[1][b] = refSum / cb.size();
      meanStd(testDiff, out, 2, b);
      meanStd(trainRatio, out, 4, b);
      meanStd(hRatio, out, 6, b);
      meanStd(hTestDiff, out, 8, b);
      meanStd(hTrainRatio, out, 10, b);
      out[14][b] = cvSum / cb.size();
      meanStd(hTime, out, 15, b);
    }
    // time at budget b against time at 108, over the records that have both
    for (int b = 0; b < 4; b++) {
      if (b == 3) {
        out[12][b] = 0;
        out[13][b] = 1;
        continue;
      }
      List<double[]> xy = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) root).entrySet()) {
        Map<?, ?> computed = (Map<?, ?>) ((Map<?, ?>) e.getValue()).get("computed");
        Object runs = computed.get(Integer.toString(BUDGETS[b]));
        Double x = t108.get(String.valueOf(e.getKey()));
        if (runs == null || x == null) {
          continue;
        }
        double y = 0;
        for (int k = 0; k < 3; k++) {
          y += run(((List<?>) runs).get(k), completeRecords, String.valueOf(e.getKey()), BUDGETS[b], k)[4] / 3;
        }
        xy.add(new double[] {x, y});
      }
      if (xy.size() < 2) {
        throw new IOException(completeRecords + ": need 2 records with " + BUDGETS[b] + " and 108 epochs");
      }
      double mx = 0;
      double my = 0;
      for (double[] p : xy) {
        mx += p[0] / xy.size();
        my += p[1] / xy.size();
      }
      double sxy = 0;
      double sxx = 0;
      for (double[] p : xy) {
        sxy += (p[0] - mx) * (p[1] - my);
        sxx += (p[0] - mx) * (p[0] - mx);
      }
      out[13][b] = sxy / sxx;
      out[12][b] = my - out[13][b] * mx;
    }
    // broken runs, from the fitting sample
    double[] broken = Arrays.stream(fitValidation108).filter(v -> v < BROKEN_THRESHOLD).sorted().toArray();
    if (broken.length < 2) {
      throw new IOException("the fitting sample has fewer than 2 runs below " + BROKEN_THRESHOLD);
    }
    double[] q = new double[21];
    for (int i = 0; i <= 20; i++) {
      double pos = i / 20.0 * (broken.length - 1);
      int lo = (int) pos;
      int hi = Math.min(lo + 1, broken.length - 1);
      q[i] = broken[lo] + (pos - lo) * (broken[hi] - broken[lo]);
    }
    return new NoiseModel(out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8], out[9], out[10],
        out[11], out[12], out[13], out[14], out[15], out[16],
        Math.max(0, broken.length / (double) fitValidation108.length - predictedShareBelow),
        BROKEN_THRESHOLD, q);
  }

  private static void meanStd(List<Double> x, double[][] out, int row, int b) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.size();
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    out[row][b] = m;
    out[row + 1][b] = StrictMath.sqrt(s / (x.size() - 1));
  }

  private static final String[] RUN_KEYS = {"halfway_training_time", "halfway_train_accuracy",
      "halfway_validation_accuracy", "halfway_test_accuracy", "final_training_time", "final_train_accuracy",
      "final_validation_accuracy", "final_test_accuracy"};

  private static double[] run(Object o, Path file, String hash, int budget, int repeat) throws IOException {
    if (!(o instanceof Map)) {
      throw new IOException(file + ": record " + hash + ", budget " + budget + ", repeat " + repeat
          + ": expected an object of 8 metrics");
    }
    double[] v = new double[8];
    for (int i = 0; i < 8; i++) {
      Object x = ((Map<?, ?>) o).get(RUN_KEYS[i]);
      if (!(x instanceof Double)) {
        throw new IOException(file + ": record " + hash + ", budget " + budget + ", repeat " + repeat
            + ": missing number " + RUN_KEYS[i]);
      }
      v[i] = (Double) x;
    }
    return v;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    toProperties().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s=%s%n", k, v)));
    return sb.toString();
  }
}
