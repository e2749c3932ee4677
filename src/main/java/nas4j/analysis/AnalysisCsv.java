package nas4j.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nas4j.space.Op;
import nas4j.util.AtomicFiles;

/**
 * Writes a {@link LandscapeReport} as tidy CSV files (fixed column order, {@code Locale.ROOT} numbers, empty
 * fields for undefined values), each written atomically (temp file in the same folder, then rename). Stateless.
 *
 * <p>Files: {@code rwa.csv}, {@code locality.csv}, {@code operation_effects.csv}, {@code shape_effects.csv},
 * {@code distribution.csv}, {@code near_best.csv}.
 */
public final class AnalysisCsv {
  /** The file names written, in order. */
  public static final List<String> FILES = List.of("rwa.csv", "locality.csv", "operation_effects.csv",
      "shape_effects.csv", "distribution.csv", "near_best.csv");

  private AnalysisCsv() {}

  /** Writes every file into {@code dir} (created if needed) and returns their paths. */
  public static List<Path> write(LandscapeReport r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    out.add(atomic(dir.resolve("rwa.csv"), rwa(r)));
    out.add(atomic(dir.resolve("locality.csv"), locality(r)));
    out.add(atomic(dir.resolve("operation_effects.csv"), operations(r)));
    out.add(atomic(dir.resolve("shape_effects.csv"), shapes(r)));
    out.add(atomic(dir.resolve("distribution.csv"), distribution(r)));
    out.add(atomic(dir.resolve("near_best.csv"), nearBest(r)));
    return out;
  }

  static String rwa(LandscapeReport r) {
    StringBuilder sb = new StringBuilder("lag,pairs,autocorrelation,noise_band,shuffled_autocorrelation\n");
    for (RandomWalkAutocorrelation.Lag l : r.rwa().lags()) {
      row(sb, l.lag(), l.pairs(), l.autocorrelation(), l.noiseBand(), l.shuffledAutocorrelation());
    }
    return sb.toString();
  }

  static String locality(LandscapeReport r) {
    StringBuilder sb = new StringBuilder("kind,distance,pairs,mean_abs_difference_points,correlation,mean_distance\n");
    for (Locality.Row x : r.locality().rows()) {
      row(sb, "at_distance", x.distance(), x.pairs(), x.meanAbsDifferencePoints(), x.correlation(), x.distance());
    }
    Locality.Row x = r.locality().random();
    row(sb, "random", "", x.pairs(), x.meanAbsDifferencePoints(), x.correlation(), r.locality().randomMeanDistance());
    return sb.toString();
  }

  static String operations(LandscapeReport r) {
    StringBuilder sb = new StringBuilder("role,from,to,pairs,accuracy_mean_points,accuracy_median_points,"
        + "accuracy_std_points,time_mean_percent,time_median_percent,time_std_percent\n");
    for (LandscapeReport.SourceStats s : r.sources()) {
      for (OperationEffects.Transition t : s.operations().transitions()) {
        row(sb, s.role(), shortName(t.from()), shortName(t.to()), t.pairs(), t.accuracyMeanPoints(),
            t.accuracyMedianPoints(), t.accuracyStdPoints(), t.timeMeanPercent(), t.timeMedianPercent(),
            t.timeStdPercent());
      }
    }
    return sb.toString();
  }

  static String shapes(LandscapeReport r) {
    StringBuilder sb = new StringBuilder("role,feature,value,cells,mean_validation_accuracy,mean_training_time\n");
    for (LandscapeReport.SourceStats s : r.sources()) {
      for (ShapeEffects.Row x : s.shape().depth()) {
        row(sb, s.role(), "depth", x.value(), x.cells(), x.meanValidationAccuracy(), x.meanTrainingTime());
      }
      for (ShapeEffects.Row x : s.shape().width()) {
        row(sb, s.role(), "width", x.value(), x.cells(), x.meanValidationAccuracy(), x.meanTrainingTime());
      }
    }
    return sb.toString();
  }

  static String distribution(LandscapeReport r) {
    StringBuilder sb = new StringBuilder("role,metric,cells,statistic,value\n");
    for (LandscapeReport.SourceStats s : r.sources()) {
      for (Distribution.Quantiles q : s.distribution().quantiles()) {
        row(sb, s.role(), q.metric(), q.cells(), "mean", q.mean());
        for (int i = 0; i < Distribution.LEVELS.length; i++) {
          row(sb, s.role(), q.metric(), q.cells(), "q" + num(Distribution.LEVELS[i]), q.values().get(i));
        }
      }
    }
    return sb.toString();
  }

  static String nearBest(LandscapeReport r) {
    StringBuilder sb = new StringBuilder("role,metric,within_points,best,cells,fraction\n");
    for (LandscapeReport.SourceStats s : r.sources()) {
      for (Distribution.NearBest n : s.distribution().nearBest()) {
        row(sb, s.role(), n.metric(), n.points(), n.best(), n.cells(), n.fraction());
      }
    }
    return sb.toString();
  }

  /** conv3x3, conv1x1 or maxpool3x3. */
  public static String shortName(Op op) {
    switch (op) {
      case CONV3X3:
        return "conv3x3";
      case CONV1X1:
        return "conv1x1";
      case MAXPOOL3X3:
        return "maxpool3x3";
      default:
        return op.officialName();
    }
  }

  private static void row(StringBuilder sb, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object f = fields[i];
      if (f instanceof Double || f instanceof Float) {
        sb.append(num(((Number) f).doubleValue()));
      } else {
        String s = String.valueOf(f);
        if (s.contains(",") || s.contains("\"")) {
          s = '"' + s.replace("\"", "\"\"") + '"';
        }
        sb.append(s);
      }
    }
    sb.append('\n');
  }

  /** A number in {@code Locale.ROOT} with up to 10 significant decimals; empty for NaN. */
  static String num(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = String.format(Locale.ROOT, "%.10g", d);
    if (s.contains("e") || s.contains("E")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s;
  }

  private static Path atomic(Path file, String content) throws IOException {
    AtomicFiles.write(file, content);
    return file;
  }
}
