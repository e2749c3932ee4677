package nas4j.bench.surrogate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fit-time estimation of the surrogate's noise from the complete records (the official
 * {@code get_metrics_from_hash} shape: {@code {hash: {"fixed": …, "computed": {"108": [run, run, run], …}}}}, read
 * with Jackson): the {@link NoiseModel} relations per budget and the level-dependent {@link LevelNoise} at 108
 * epochs. Not used at run time. Stateless.
 */
final class NoiseEstimator {
  private NoiseEstimator() {}

  /** Reads the complete records; errors name the file and what is wrong. */
  static Map<?, ?> readRecords(Path completeRecords) throws IOException {
    Object root;
    try {
      root = new ObjectMapper().readValue(Files.newInputStream(completeRecords), Object.class);
    } catch (JacksonException e) {
      throw new IOException(completeRecords + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(root instanceof Map)) {
      throw new IOException(completeRecords + ": expected a JSON object of records by hash");
    }
    return (Map<?, ?>) root;
  }

  /**
   * Estimates the model from {@code complete-records.json} (the official {@code get_metrics_from_hash} shape:
   * {@code {hash: {"fixed": …, "computed": {"108": [run, run, run], …}}}}).
   */
  static NoiseModel estimate(Map<?, ?> root, Path completeRecords)
      throws IOException {
    // runs[b] = list of per-cell arrays of runs (each run: the 8 metrics in Metric order)
    List<List<double[][]>> cells = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      cells.add(new ArrayList<>());
    }
    List<double[]> time108ByCell = new ArrayList<>();
    Map<String, Double> t108 = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : root.entrySet()) {
      String hash = String.valueOf(e.getKey());
      Object computed = e.getValue() instanceof Map ? ((Map<?, ?>) e.getValue()).get("computed") : null;
      if (!(computed instanceof Map)) {
        throw new IOException(completeRecords + ": record " + hash + " has no \"computed\" object");
      }
      for (int b = 0; b < 4; b++) {
        Object runs = ((Map<?, ?>) computed).get(Integer.toString(NoiseModel.BUDGETS[b]));
        if (runs == null) {
          continue;
        }
        if (!(runs instanceof List) || ((List<?>) runs).size() != 3) {
          throw new IOException(completeRecords + ": record " + hash + ", budget " + NoiseModel.BUDGETS[b]
              + ": expected a list of 3 runs");
        }
        double[][] r = new double[3][];
        for (int k = 0; k < 3; k++) {
          r[k] = run(((List<?>) runs).get(k), completeRecords, hash, NoiseModel.BUDGETS[b], k);
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
        throw new IOException(completeRecords + ": no record has " + NoiseModel.BUDGETS[b] + "-epoch runs");
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
      for (Map.Entry<?, ?> e : root.entrySet()) {
        Map<?, ?> computed = (Map<?, ?>) ((Map<?, ?>) e.getValue()).get("computed");
        Object runs = computed.get(Integer.toString(NoiseModel.BUDGETS[b]));
        Double x = t108.get(String.valueOf(e.getKey()));
        if (runs == null || x == null) {
          continue;
        }
        double y = 0;
        for (int k = 0; k < 3; k++) {
          y += run(((List<?>) runs).get(k), completeRecords, String.valueOf(e.getKey()), NoiseModel.BUDGETS[b], k)[4] / 3;
        }
        xy.add(new double[] {x, y});
      }
      if (xy.size() < 2) {
        throw new IOException(completeRecords + ": need 2 records with " + NoiseModel.BUDGETS[b] + " and 108 epochs");
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
    return new NoiseModel(out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], out[8], out[9], out[10],
        out[11], out[12], out[13], out[14], out[15], out[16]);
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
      if (!(x instanceof Number)) {
        throw new IOException(file + ": record " + hash + ", budget " + budget + ", repeat " + repeat
            + ": missing number " + RUN_KEYS[i]);
      }
      v[i] = ((Number) x).doubleValue();
    }
    return v;
  }


  /** The 108-epoch runs of every record: {@code [cell][repeat][metric]} in Metric order. */
  static List<double[][]> runs108(Map<?, ?> root, Path file) throws IOException {
    List<double[][]> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : root.entrySet()) {
      Object computed = e.getValue() instanceof Map ? ((Map<?, ?>) e.getValue()).get("computed") : null;
      Object runs = computed instanceof Map ? ((Map<?, ?>) computed).get("108") : null;
      if (!(runs instanceof List) || ((List<?>) runs).size() != 3) {
        throw new IOException(file + ": record " + e.getKey() + ": expected 3 runs at 108 epochs");
      }
      double[][] r = new double[3][];
      for (int k = 0; k < 3; k++) {
        r[k] = run(((List<?>) runs).get(k), file, String.valueOf(e.getKey()), 108, k);
      }
      out.add(r);
    }
    return out;
  }

  /** Level boundaries of the groups of complete records whose repeat spread is pooled (mean validation at 108). */
  static final double[] LEVEL_BOUNDS = {0.90, 0.92, 0.935};

  /**
   * The level-dependent noise at 108 epochs from the complete records: records grouped by mean validation
   * accuracy at {@link #LEVEL_BOUNDS}, pooled within-cell variance per group (2 degrees of freedom a cell);
   * the test coupling and the rest of the test spread by least squares over all repeats.
   */
  static LevelNoise levelNoise(List<double[][]> runs, java.nio.file.Path file) throws IOException {
    int groups = LEVEL_BOUNDS.length + 1;
    double[] sumMu = new double[groups];
    double[] sumVar = new double[groups];
    int[] cells = new int[groups];
    double svt = 0;
    double svv = 0;
    for (double[][] r : runs) {
      double mu = (r[0][6] + r[1][6] + r[2][6]) / 3;
      double t = (r[0][7] + r[1][7] + r[2][7]) / 3;
      int g = 0;
      while (g < LEVEL_BOUNDS.length && mu >= LEVEL_BOUNDS[g]) {
        g++;
      }
      double ss = 0;
      for (double[] run : r) {
        double dv = run[6] - mu;
        ss += dv * dv;
        svt += dv * (run[7] - t);
        svv += dv * dv;
      }
      sumMu[g] += mu;
      sumVar[g] += ss / 2;
      cells[g]++;
    }
    java.util.List<double[]> pts = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (cells[g] >= 2) {
        pts.add(new double[] {sumMu[g] / cells[g], StrictMath.sqrt(sumVar[g] / cells[g])});
      }
    }
    if (pts.size() < 2) {
      throw new IOException(file + ": need at least 2 records in each of 2 level groups at 108 epochs");
    }
    // at the very top the spread falls to the smallest spread seen among the records of the top group, reached at
    // the published best mean (few repeats of the best cells stray far: the best single repeats of the table lie
    // within a few tenths of a point of the best mean)
    double topMin = Double.POSITIVE_INFINITY;
    for (double[][] r : runs) {
      double mu = (r[0][6] + r[1][6] + r[2][6]) / 3;
      if (mu >= LEVEL_BOUNDS[LEVEL_BOUNDS.length - 1]) {
        double ss = 0;
        for (double[] run : r) {
          ss += (run[6] - mu) * (run[6] - mu);
        }
        topMin = Math.min(topMin, StrictMath.sqrt(ss / 2));
      }
    }
    if (Double.isFinite(topMin) && pts.get(pts.size() - 1)[0] < nas4j.bench.Optimum.PUBLISHED_BEST_VALIDATION) {
      pts.add(new double[] {nas4j.bench.Optimum.PUBLISHED_BEST_VALIDATION, topMin});
    }
    double coupling = svt / svv;
    double rest = 0;
    int n = 0;
    for (double[][] r : runs) {
      double mu = (r[0][6] + r[1][6] + r[2][6]) / 3;
      double t = (r[0][7] + r[1][7] + r[2][7]) / 3;
      for (double[] run : r) {
        double e = (run[7] - t) - coupling * (run[6] - mu);
        rest += e * e;
        n++;
      }
    }
    // each cell's deviations sum to zero: 2 degrees of freedom a cell, one fewer for the fitted slope
    double testStd = StrictMath.sqrt(rest / (2.0 * runs.size() - 1));
    return new LevelNoise(pts.stream().mapToDouble(x -> x[0]).toArray(), pts.stream().mapToDouble(x -> x[1]).toArray(),
        coupling, testStd);
  }

  /**
   * The relation of a cell's mean test accuracy to its mean validation accuracy at 108 epochs over the complete
   * records: {@code {mean gap, cell std}}, the mean of (mean test − mean validation) and the standard deviation of
   * that gap between cells that is not the repeats' own noise (the variance of the cells' gaps minus a third of
   * the pooled within-cell variance of test − validation, floored at zero).
   */
  static double[] testGap(List<double[][]> runs) {
    int n = runs.size();
    double[] gap = new double[n];
    double within = 0;
    for (int i = 0; i < n; i++) {
      double[][] r = runs.get(i);
      double[] d = new double[3];
      double m = 0;
      for (int k = 0; k < 3; k++) {
        d[k] = r[k][7] - r[k][6];
        m += d[k] / 3;
      }
      gap[i] = m;
      for (int k = 0; k < 3; k++) {
        within += (d[k] - m) * (d[k] - m) / 2;
      }
    }
    within /= n;
    org.apache.commons.math3.stat.descriptive.DescriptiveStatistics st =
        new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(gap);
    double cellVar = Math.max(0, st.getVariance() - within / 3);
    return new double[] {st.getMean(), StrictMath.sqrt(cellVar)};
  }
}
