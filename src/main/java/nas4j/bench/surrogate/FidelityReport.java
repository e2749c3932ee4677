package nas4j.bench.surrogate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;

/**
 * The surrogate's fidelity on the held-out cells of the 20k sample: for final validation accuracy at each budget
 * and for training time at 108 epochs, the agreement of the surrogate mean (over its 3 repeats) with the real
 * single repeat, of the model's prediction (the resource's mean before broken cells are applied) with the real
 * single repeat, and of one sampled surrogate repeat (index 1, the repeat the sample matches) with the real single
 * repeat; plus the frequency of broken runs. Immutable.
 *
 * @param heldOutCells number of held-out cells
 * @param rows one row per target, in order val@4, val@12, val@36, val@108, time@108
 * @param realBrokenShare share of held-out cells whose real 108-epoch validation accuracy is below 0.80
 * @param surrogateBrokenShare share of the surrogate's runs (all 3 repeats, held-out cells) below 0.80 at 108
 * @param spaceBrokenShare the same share over all 423,624 cells
 */
public record FidelityReport(int heldOutCells, List<Row> rows, double realBrokenShare, double surrogateBrokenShare,
    double spaceBrokenShare) {

  /**
   * One target.
   *
   * @param target e.g. {@code validation_accuracy_108}
   * @param prediction the model's predicted mean (no broken cells) vs real single repeat
   * @param mean surrogate mean over repeats vs real single repeat
   * @param sampled surrogate repeat 1 vs real single repeat
   */
  public record Row(String target, Agreement prediction, Agreement mean, Agreement sampled) {}

  /** Computes the report for {@code bench} on the held-out rows of {@code sample}. */
  public static FidelityReport of(Benchmark bench, SurrogateResource resource, RealSample sample) {
    int[] ho = sample.rows(true);
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < 5; t++) {
      int epochs = t < 4 ? RealSample.BUDGETS[t] : 108;
      Metric metric = t < 4 ? Metric.FINAL_VALIDATION_ACCURACY : Metric.FINAL_TRAINING_TIME;
      double[] real = new double[ho.length];
      double[] mean = new double[ho.length];
      double[] pred = new double[ho.length];
      double[] sampled = new double[ho.length];
      for (int i = 0; i < ho.length; i++) {
        int id = sample.ids()[ho[i]];
        real[i] = t < 4 ? sample.validation()[t][ho[i]] : sample.time108()[ho[i]];
        mean[i] = bench.mean(id, epochs, metric);
        pred[i] = t < 4 ? resource.meanValidation(t, id) : resource.meanTime108(id);
        sampled[i] = bench.value(id, epochs, 1, metric);
      }
      rows.add(new Row(t < 4 ? "validation_accuracy_" + epochs : "training_time_108", Agreement.of(real, pred),
          Agreement.of(real, mean),
          Agreement.of(real, sampled)));
    }
    int realBroken = 0;
    int surBroken = 0;
    for (int i : ho) {
      int id = sample.ids()[i];
      if (sample.validation()[3][i] < NoiseModel.BROKEN_THRESHOLD) {
        realBroken++;
      }
      for (int r = 0; r < bench.repeats(); r++) {
        if (bench.value(id, 108, r, Metric.FINAL_VALIDATION_ACCURACY) < NoiseModel.BROKEN_THRESHOLD) {
          surBroken++;
        }
      }
    }
    long spaceBroken = 0;
    float[] col = bench.table().column(bench.budgetIndex(108), Metric.FINAL_VALIDATION_ACCURACY);
    for (float v : col) {
      if (v < NoiseModel.BROKEN_THRESHOLD) {
        spaceBroken++;
      }
    }
    return new FidelityReport(ho.length, rows, realBroken / (double) ho.length,
        surBroken / (double) (ho.length * bench.repeats()), spaceBroken / (double) col.length);
  }

  /** JSON-friendly form with snake_case keys. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("held_out_cells", heldOutCells);
    List<Object> rs = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("target", r.target());
      x.put("prediction_vs_real", agreement(r.prediction()));
      x.put("mean_vs_real", agreement(r.mean()));
      x.put("sampled_repeat_vs_real", agreement(r.sampled()));
      rs.add(x);
    }
    m.put("targets", rs);
    m.put("real_broken_share", realBrokenShare);
    m.put("surrogate_broken_share", surrogateBrokenShare);
    m.put("space_broken_share", spaceBrokenShare);
    return m;
  }

  private static Map<String, Object> agreement(Agreement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kendall_tau", a.kendallTau());
    m.put("spearman", a.spearman());
    m.put("mean_absolute_error", a.meanAbsoluteError());
    m.put("top1_in_top5_share", a.topAgreement());
    m.put("real", distribution(a.real()));
    m.put("surrogate", distribution(a.surrogate()));
    return m;
  }

  private static Map<String, Object> distribution(Agreement.Distribution d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", d.mean());
    m.put("std", d.std());
    for (int i = 0; i < Agreement.QUANTILES.length; i++) {
      m.put("q" + (int) Agreement.QUANTILES[i], d.quantiles()[i]);
    }
    return m;
  }

  /** A Markdown rendering (tables), used by the CLI and the fit report. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Held-out cells: %d (20%% of sample-20k.csv: last 8 hex digits of the hash "
        + "divisible by 5)%n%n", heldOutCells));
    sb.append("| target | compared | Kendall tau | Spearman | MAE | top-1% in top-5% |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      line(sb, r.target(), "prediction vs real", r.prediction());
      line(sb, r.target(), "surrogate mean vs real", r.mean());
      line(sb, r.target(), "surrogate repeat 1 vs real", r.sampled());
    }
    sb.append("\nDistributions (real single repeat / surrogate mean / surrogate repeat 1):\n\n");
    sb.append("| target | side | mean | std | q1 | q10 | q50 | q90 | q99 |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      dist(sb, r.target(), "real", r.mean().real());
      dist(sb, r.target(), "surrogate mean", r.mean().surrogate());
      dist(sb, r.target(), "surrogate repeat 1", r.sampled().surrogate());
    }
    sb.append(String.format(Locale.ROOT, "%nBroken runs (validation accuracy at 108 epochs below 0.80): real %.4f of "
        + "held-out cells; surrogate %.4f of held-out runs, %.4f of all runs in the space.%n", realBrokenShare,
        surrogateBrokenShare, spaceBrokenShare));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String target, String what, Agreement a) {
    sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %s | %.3f |%n", target, what, a.kendallTau(),
        a.spearman(), num(a.meanAbsoluteError()), a.topAgreement()));
  }

  private static void dist(StringBuilder sb, String target, String side, Agreement.Distribution d) {
    sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |", target, side, num(d.mean()), num(d.std())));
    for (double q : d.quantiles()) {
      sb.append(' ').append(num(q)).append(" |");
    }
    sb.append('\n');
  }

  private static String num(double x) {
    return Math.abs(x) >= 10 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.4f", x);
  }
}
