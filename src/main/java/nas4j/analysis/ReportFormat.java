package nas4j.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nas4j.space.Op;

/**
 * Renders a {@link LandscapeReport} as a short text report or as a JSON-ready tree of maps and lists (stable
 * snake_case keys, NaN left as NaN for the JSON writer to turn into null). Stateless.
 */
public final class ReportFormat {
  private static final Op[][] DIRECTIONS = {
    {Op.CONV3X3, Op.CONV1X1}, {Op.CONV3X3, Op.MAXPOOL3X3}, {Op.CONV1X1, Op.CONV3X3},
    {Op.MAXPOOL3X3, Op.CONV3X3}, {Op.CONV1X1, Op.MAXPOOL3X3}, {Op.MAXPOOL3X3, Op.CONV1X1}};

  private ReportFormat() {}

  /** The report as nested maps/lists for {@code JsonOut}. */
  public static Map<String, Object> toMap(LandscapeReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", r.benchmark());
    m.put("surrogate", r.surrogate());
    AnalysisOptions o = r.options();
    Map<String, Object> opt = new LinkedHashMap<>();
    opt.put("epochs", o.epochs());
    opt.put("seed", o.seed());
    opt.put("walks", o.walks());
    opt.put("walk_length", o.walkLength());
    opt.put("burn_in", o.burnIn());
    opt.put("max_lag", o.maxLag());
    opt.put("locality_stride", o.localityStride());
    opt.put("locality_steps", o.localitySteps());
    opt.put("max_distance", o.maxDistance());
    opt.put("random_pairs", o.randomPairs());
    m.put("options", opt);

    Map<String, Object> rwa = new LinkedHashMap<>();
    rwa.put("walks", r.rwa().walks());
    rwa.put("truncated_walks", r.rwa().truncatedWalks());
    rwa.put("visits", r.rwa().visits());
    rwa.put("falls_to_noise_at_lag", r.rwa().fallsToNoiseAtLag() < 0 ? null : r.rwa().fallsToNoiseAtLag());
    List<Object> lags = new ArrayList<>();
    for (RandomWalkAutocorrelation.Lag l : r.rwa().lags()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("lag", l.lag());
      x.put("pairs", l.pairs());
      x.put("autocorrelation", l.autocorrelation());
      x.put("noise_band", l.noiseBand());
      x.put("shuffled_autocorrelation", l.shuffledAutocorrelation());
      lags.add(x);
    }
    rwa.put("lags", lags);
    m.put("rwa", rwa);

    Map<String, Object> loc = new LinkedHashMap<>();
    loc.put("starts", r.locality().starts());
    List<Object> rows = new ArrayList<>();
    for (Locality.Row x : r.locality().rows()) {
      rows.add(localityRow(x));
    }
    loc.put("by_distance", rows);
    Map<String, Object> rnd = localityRow(r.locality().random());
    rnd.remove("distance");
    rnd.put("mean_distance", r.locality().randomMeanDistance());
    loc.put("random_pairs", rnd);
    m.put("locality", loc);

    List<Object> sources = new ArrayList<>();
    for (LandscapeReport.SourceStats s : r.sources()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("role", s.role());
      x.put("source", s.source());
      x.put("cells", s.cells());
      List<Object> ops = new ArrayList<>();
      for (OperationEffects.Transition t : s.operations().transitions()) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("from", AnalysisCsv.shortName(t.from()));
        y.put("to", AnalysisCsv.shortName(t.to()));
        y.put("pairs", t.pairs());
        y.put("accuracy_mean_points", t.accuracyMeanPoints());
        y.put("accuracy_median_points", t.accuracyMedianPoints());
        y.put("accuracy_std_points", t.accuracyStdPoints());
        y.put("time_mean_percent", t.timeMeanPercent());
        y.put("time_median_percent", t.timeMedianPercent());
        y.put("time_std_percent", t.timeStdPercent());
        ops.add(y);
      }
      x.put("operation_effects", ops);
      x.put("depth", shapeRows(s.shape().depth()));
      x.put("width", shapeRows(s.shape().width()));
      Map<String, Object> dist = new LinkedHashMap<>();
      List<Double> levels = new ArrayList<>();
      for (double p : Distribution.LEVELS) {
        levels.add(p);
      }
      dist.put("levels", levels);
      for (Distribution.Quantiles q : s.distribution().quantiles()) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("cells", q.cells());
        y.put("mean", q.mean());
        y.put("quantiles", q.values());
        dist.put(q.metric(), y);
      }
      List<Object> near = new ArrayList<>();
      for (Distribution.NearBest n : s.distribution().nearBest()) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("metric", n.metric());
        y.put("within_points", n.points());
        y.put("best", n.best());
        y.put("cells", n.cells());
        y.put("fraction", n.fraction());
        near.add(y);
      }
      dist.put("near_best", near);
      x.put("distribution", dist);
      sources.add(x);
    }
    m.put("sources", sources);

    Map<String, Object> paper = new LinkedHashMap<>();
    paper.put("conv3x3_to_conv1x1_accuracy_points", PaperValues.CONV3_TO_CONV1_ACCURACY_POINTS);
    paper.put("conv3x3_to_conv1x1_time_percent", PaperValues.CONV3_TO_CONV1_TIME_PERCENT);
    paper.put("conv3x3_to_maxpool3x3_accuracy_points", PaperValues.CONV3_TO_MAXPOOL_ACCURACY_POINTS);
    paper.put("conv3x3_to_maxpool3x3_time_percent", PaperValues.CONV3_TO_MAXPOOL_TIME_PERCENT);
    paper.put("rwa_noise_distance", PaperValues.RWA_NOISE_DISTANCE);
    m.put("paper", paper);
    Map<String, Object> secs = new LinkedHashMap<>();
    for (LandscapeReport.Timing t : r.seconds()) {
      secs.put(t.part(), t.seconds());
    }
    secs.put("total", r.totalSeconds());
    m.put("seconds", secs);
    return m;
  }

  private static Map<String, Object> localityRow(Locality.Row x) {
    Map<String, Object> y = new LinkedHashMap<>();
    y.put("distance", x.distance());
    y.put("pairs", x.pairs());
    y.put("mean_abs_difference_points", x.meanAbsDifferencePoints());
    y.put("correlation", x.correlation());
    return y;
  }

  private static List<Object> shapeRows(List<ShapeEffects.Row> rows) {
    List<Object> out = new ArrayList<>();
    for (ShapeEffects.Row x : rows) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("value", x.value());
      y.put("cells", x.cells());
      y.put("mean_validation_accuracy", x.meanValidationAccuracy());
      y.put("mean_training_time", x.meanTrainingTime());
      out.add(y);
    }
    return out;
  }

  /** A short human-readable report. */
  public static String toText(LandscapeReport r) {
    StringBuilder sb = new StringBuilder();
    LandscapeReport.SourceStats bench = r.sources().get(0);
    f(sb, "Landscape of %s%s, %d epochs, %,d cells, seed %d%n", r.benchmark(),
        r.surrogate() ? " (surrogate)" : "", r.options().epochs(), bench.cells(), r.options().seed());
    RandomWalkAutocorrelation rwa = r.rwa();
    f(sb, "%nRandom-walk autocorrelation of validation accuracy (%d walks x %d steps after %d burn-in steps, "
        + "7-vertex encoding):%n", rwa.walks(), rwa.walkLength(), rwa.burnIn());
    sb.append("  lag  ");
    for (RandomWalkAutocorrelation.Lag l : rwa.lags()) {
      if (l.lag() <= 10 || l.lag() % 5 == 0) {
        f(sb, "%7d", l.lag());
      }
    }
    sb.append("\n  RWA  ");
    for (RandomWalkAutocorrelation.Lag l : rwa.lags()) {
      if (l.lag() <= 10 || l.lag() % 5 == 0) {
        f(sb, "%7s", fix(l.autocorrelation(), 3));
      }
    }
    double band = rwa.lags().get(0).noiseBand();
    f(sb, "%n  noise band +/-%s (2/sqrt(pairs)); falls to noise at lag %s (paper: about %d)%n", fix(band, 4),
        rwa.fallsToNoiseAtLag() < 0 ? "- (not within " + rwa.lags().size() + ")" : rwa.fallsToNoiseAtLag(),
        PaperValues.RWA_NOISE_DISTANCE);
    if (rwa.truncatedWalks() > 0) {
      f(sb, "  %d walks stopped early at a spec without valid neighbours%n", rwa.truncatedWalks());
    }
    f(sb, "%nLocality (pairs of walk cells binned by edit distance):%n");
    f(sb, "  %-9s %8s %14s %12s%n", "distance", "pairs", "mean|dacc| pt", "correlation");
    for (Locality.Row x : r.locality().rows()) {
      f(sb, "  %-9d %8d %14s %12s%n", x.distance(), x.pairs(), fix(x.meanAbsDifferencePoints(), 3),
          fix(x.correlation(), 3));
    }
    Locality.Row rnd = r.locality().random();
    f(sb, "  %-9s %8d %14s %12s   (mean distance %s)%n", "random", rnd.pairs(),
        fix(rnd.meanAbsDifferencePoints(), 3), fix(rnd.correlation(), 3), fix(r.locality().randomMeanDistance(), 2));

    f(sb, "%nOperation effects: mean change of validation accuracy (points) / training time (%%), [pairs]%n");
    f(sb, "  %-22s %-16s", "edit", "paper");
    for (LandscapeReport.SourceStats s : r.sources()) {
      f(sb, " %-28s", s.role());
    }
    sb.append('\n');
    for (Op[] d : DIRECTIONS) {
      f(sb, "  %-22s %-16s", AnalysisCsv.shortName(d[0]) + " -> " + AnalysisCsv.shortName(d[1]), paper(d));
      for (LandscapeReport.SourceStats s : r.sources()) {
        OperationEffects.Transition t = s.operations().get(d[0], d[1]);
        f(sb, " %-28s", fix(t.accuracyMeanPoints(), 2) + " / " + fix(t.timeMeanPercent(), 2) + " [" + t.pairs()
            + "]");
      }
      sb.append('\n');
    }
    f(sb, "%nDepth (longest input->output path) and width (interior vertices into the output): "
        + "mean validation accuracy / mean training time (s)%n");
    for (String feature : List.of("depth", "width")) {
      for (LandscapeReport.SourceStats s : r.sources()) {
        f(sb, "  %-6s %-20s", feature, s.role());
        List<ShapeEffects.Row> rows = feature.equals("depth") ? s.shape().depth() : s.shape().width();
        for (ShapeEffects.Row x : rows) {
          f(sb, "  %d: %s/%s", x.value(), fix(x.meanValidationAccuracy(), 4), fix(x.meanTrainingTime(), 0));
        }
        sb.append('\n');
      }
    }
    f(sb, "%nDistribution (quantiles 5%% / 50%% / 95%% / max; fraction of cells within 0.1/0.5/1/2/5 points "
        + "of the best):%n");
    for (LandscapeReport.SourceStats s : r.sources()) {
      for (Distribution.Quantiles q : s.distribution().quantiles()) {
        int digits = q.metric().endsWith("accuracy") ? 4 : 0;
        f(sb, "  %-20s %-21s %s / %s / %s / %s%n", s.role(), q.metric(), fix(q.at(0.05), digits),
            fix(q.at(0.5), digits), fix(q.at(0.95), digits), fix(q.at(1), digits));
      }
      for (String metric : List.of("validation_accuracy", "test_accuracy")) {
        StringBuilder fr = new StringBuilder();
        for (Distribution.NearBest n : s.distribution().nearBest()) {
          if (n.metric().equals(metric)) {
            fr.append(fr.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.4f%%", 100 * n.fraction()));
          }
        }
        if (fr.length() > 0) {
          f(sb, "  %-20s %-21s near best: %s%n", s.role(), metric, fr);
        }
      }
    }
    f(sb, "%nTook %.1f s (", r.totalSeconds());
    for (int i = 0; i < r.seconds().size(); i++) {
      LandscapeReport.Timing t = r.seconds().get(i);
      f(sb, "%s%s %.1f", i == 0 ? "" : ", ", t.part(), t.seconds());
    }
    sb.append(")\n");
    return sb.toString();
  }

  private static String paper(Op[] d) {
    if (d[0] == Op.CONV3X3 && d[1] == Op.CONV1X1) {
      return fix(PaperValues.CONV3_TO_CONV1_ACCURACY_POINTS, 2) + " / " + fix(PaperValues.CONV3_TO_CONV1_TIME_PERCENT, 2);
    }
    if (d[0] == Op.CONV3X3 && d[1] == Op.MAXPOOL3X3) {
      return fix(PaperValues.CONV3_TO_MAXPOOL_ACCURACY_POINTS, 2) + " / "
          + fix(PaperValues.CONV3_TO_MAXPOOL_TIME_PERCENT, 2);
    }
    return "";
  }

  private static String fix(double d, int digits) {
    return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%." + digits + "f", d);
  }

  private static void f(StringBuilder sb, String fmt, Object... args) {
    sb.append(String.format(Locale.ROOT, fmt, args));
  }
}
