package nas4j.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as small hand-written inline SVG (no library, no network, deterministic text): a log–log
 * line chart with quartile bands, a box plot and a critical-difference diagram. Each data-bearing element carries
 * its numbers in {@code data-*} attributes (full precision) so that tests can check them with an HTML parser.
 */
final class Svg {
  /** Tableau 10: distinct colours that stay apart for the common forms of colour blindness. */
  static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
      "#ff9da7", "#9c755f", "#bab0ac"};
  private static final int W = 620;
  private static final int H = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 120;
  private static final int TOP = 20;
  private static final int BOTTOM = 50;

  private Svg() {}

  static String color(int i) {
    return COLORS[i % COLORS.length];
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** One strategy's curve: x, median, q25, q75 per point. */
  record Series(String label, double[] x, double[] median, double[] q25, double[] q75) {}

  /**
   * A log–log chart of median lines with 25–75 % bands. Non-positive medians are left out (a log axis cannot
   * show them); band bounds below the axis are drawn at its bottom.
   */
  static String logChart(String id, String xTitle, String yTitle, List<Series> series) {
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = 0;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = 0;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (s.x()[i] > 0 && s.median()[i] > 0) {
          xmin = Math.min(xmin, s.x()[i]);
          xmax = Math.max(xmax, s.x()[i]);
          ymin = Math.min(ymin, s.median()[i]);
          if (s.q25()[i] > 0) {
            ymin = Math.min(ymin, s.q25()[i]);
          }
          ymax = Math.max(ymax, s.q75()[i]);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" data-x-scale=\"log\" data-y-scale=\"log\">",
        id, W, H, W, H));
    if (!(xmin < Double.POSITIVE_INFINITY)) {
      sb.append("<text x=\"20\" y=\"40\">no grid point at which every run has a positive regret</text></svg>");
      return sb.toString();
    }
    // tight log ranges with a little room; ticks at decades (x) and at 1, 2, 5 × 10^k (y)
    double lx0 = Math.log10(xmin) - 0.02 * Math.max(1, Math.log10(xmax / xmin));
    double lx1 = Math.log10(xmax) + 0.02 * Math.max(1, Math.log10(xmax / xmin));
    double ly0 = Math.log10(ymin) - 0.05 * Math.max(0.5, Math.log10(ymax / ymin));
    double ly1 = Math.log10(ymax) + 0.05 * Math.max(0.5, Math.log10(ymax / ymin));
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator px = v -> LEFT + (Math.log10(v) - lx0) / (lx1 - lx0) * pw;
    java.util.function.DoubleUnaryOperator py = v -> v <= 0 || Math.log10(v) < ly0 ? TOP + ph
        : TOP + ph - (Math.log10(v) - ly0) / (ly1 - ly0) * ph;
    axes(sb, pw, ph, xTitle, yTitle);
    for (int k = (int) Math.ceil(lx0); k <= (int) Math.floor(lx1); k++) {
      double x = LEFT + (k - lx0) / (lx1 - lx0) * pw;
      sb.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\"/>", f(x), TOP,
          f(x), TOP + ph));
      sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">10"
          + "<tspan dy=\"-6\" font-size=\"9\">%d</tspan></text>", f(x), TOP + ph + 18, k));
    }
    for (int k = (int) Math.floor(ly0); k <= (int) Math.ceil(ly1); k++) {
      for (int m : new int[] {1, 2, 5}) {
        double l = k + Math.log10(m);
        if (l < ly0 || l > ly1) {
          continue;
        }
        double y = TOP + ph - (l - ly0) / (ly1 - ly0) * ph;
        sb.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>", LEFT,
            f(y), LEFT + pw, f(y)));
        sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%s10"
            + "<tspan dy=\"-6\" font-size=\"9\">%d</tspan></text>", LEFT - 6, f(y + 4), m == 1 ? "" : m + "·", k));
      }
    }
    for (int si = 0; si < series.size(); si++) {
      Series s = series.get(si);
      List<Integer> keep = new ArrayList<>();
      for (int i = 0; i < s.x().length; i++) {
        if (s.x()[i] > 0 && s.median()[i] > 0) {
          keep.add(i);
        }
      }
      StringBuilder pts = new StringBuilder();
      StringBuilder line = new StringBuilder();
      StringBuilder upper = new StringBuilder();
      StringBuilder lower = new StringBuilder();
      for (int n = 0; n < keep.size(); n++) {
        int i = keep.get(n);
        String xs = f(px.applyAsDouble(s.x()[i]));
        pts.append(n == 0 ? "" : " ").append(s.x()[i]).append(':').append(s.median()[i]).append(':').append(s.q25()[i])
            .append(':').append(s.q75()[i]);
        line.append(n == 0 ? "M" : "L").append(xs).append(',').append(f(py.applyAsDouble(s.median()[i])));
        upper.append(n == 0 ? "M" : "L").append(xs).append(',').append(f(py.applyAsDouble(s.q75()[i])));
      }
      for (int n = keep.size() - 1; n >= 0; n--) {
        int i = keep.get(n);
        lower.append('L').append(f(px.applyAsDouble(s.x()[i]))).append(',').append(f(py.applyAsDouble(s.q25()[i])));
      }
      String c = color(si);
      sb.append(String.format(Locale.ROOT, "<g class=\"series\" data-strategy=\"%s\" data-points=\"%s\">",
          esc(s.label()), pts));
      if (!keep.isEmpty()) {
        sb.append(String.format(Locale.ROOT, "<path class=\"band\" d=\"%s%sZ\" fill=\"%s\" fill-opacity=\"0.18\" "
            + "stroke=\"none\"/>", upper, lower, c));
        sb.append(String.format(Locale.ROOT, "<path class=\"median\" d=\"%s\" fill=\"none\" stroke=\"%s\" "
            + "stroke-width=\"1.8\"/>", line, c));
      }
      sb.append("</g>");
      legend(sb, si, s.label(), c);
    }
    sb.append("</svg>");
    return sb.toString();
  }

  private static void axes(StringBuilder sb, int pw, int ph, String xTitle, String yTitle) {
    sb.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
        + "fill=\"none\" stroke=\"#444\"/>", LEFT, TOP, pw, ph));
    sb.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        LEFT + pw / 2, H - 8, esc(xTitle)));
    sb.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"16\" y=\"%d\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 %d)\">%s</text>", TOP + ph / 2, TOP + ph / 2, esc(yTitle)));
  }

  private static void legend(StringBuilder sb, int i, String label, String c) {
    int x = W - RIGHT + 12;
    int y = TOP + 14 + 20 * i;
    sb.append(String.format(Locale.ROOT, "<g class=\"legend\"><rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" "
        + "fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text></g>", x, y - 9, c, x + 20, y, esc(label)));
  }

  /** One box of a box plot: Tukey's whiskers (most extreme values within 1.5 IQR) and the values beyond them. */
  record Box(String label, double q25, double median, double q75, double low, double high, double[] outliers) {
    static Box of(String label, double[] values, double q25, double median, double q75) {
      double iqr = q75 - q25;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      List<Double> out = new ArrayList<>();
      for (double v : values) {
        if (v < q25 - 1.5 * iqr || v > q75 + 1.5 * iqr) {
          out.add(v);
        } else {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      double[] o = out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Box(label, q25, median, q75, lo, hi, o);
    }
  }

  /** A vertical box plot on a linear axis from 0 (or the lowest value) up. */
  static String boxPlot(String id, String yTitle, List<Box> boxes) {
    double lo = 0;
    double hi = 0;
    for (Box b : boxes) {
      lo = Math.min(lo, Math.min(b.low(), b.outliers().length > 0 ? b.outliers()[0] : b.low()));
      hi = Math.max(hi, Math.max(b.high(), b.outliers().length > 0 ? b.outliers()[b.outliers().length - 1] : b.high()));
    }
    if (hi <= lo) {
      hi = lo + 1e-3;
    }
    double step = niceStep((hi - lo) / 5);
    double y0 = Math.floor(lo / step) * step;
    double y1 = Math.ceil(hi / step) * step;
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator py = v -> TOP + ph - (v - y0) / (y1 - y0) * ph;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">", id, W, H, W, H));
    axes(sb, pw, ph, "strategy", yTitle);
    for (int t = 0; y0 + t * step <= y1 + step * 1e-9; t++) {
      double v = y0 + t * step;
      double y = py.applyAsDouble(v);
      sb.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>", LEFT, f(y),
          LEFT + pw, f(y)));
      sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>",
          LEFT - 6, f(y + 4), String.format(Locale.ROOT, "%.3g", v)));
    }
    double slot = (double) pw / Math.max(1, boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      Box b = boxes.get(i);
      double cx = LEFT + slot * (i + 0.5);
      double half = Math.min(40, slot * 0.3);
      String c = color(i);
      sb.append(String.format(Locale.ROOT, "<g class=\"box\" data-strategy=\"%s\" data-q25=\"%s\" data-median=\"%s\" "
          + "data-q75=\"%s\" data-whisker-low=\"%s\" data-whisker-high=\"%s\" data-outliers=\"%d\">", esc(b.label()),
          b.q25(), b.median(), b.q75(), b.low(), b.high(), b.outliers().length));
      sb.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333\"/>", f(cx),
          f(py.applyAsDouble(b.low())), f(cx), f(py.applyAsDouble(b.high()))));
      sb.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" "
          + "fill-opacity=\"0.5\" stroke=\"#333\"/>", f(cx - half), f(py.applyAsDouble(b.q75())), f(2 * half),
          f(Math.max(0.5, py.applyAsDouble(b.q25()) - py.applyAsDouble(b.q75()))), c));
      sb.append(String.format(Locale.ROOT, "<line class=\"median\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" "
          + "stroke=\"#000\" stroke-width=\"2\"/>", f(cx - half), f(py.applyAsDouble(b.median())), f(cx + half),
          f(py.applyAsDouble(b.median()))));
      for (double w : new double[] {b.low(), b.high()}) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333\"/>",
            f(cx - half / 2), f(py.applyAsDouble(w)), f(cx + half / 2), f(py.applyAsDouble(w))));
      }
      for (double o : b.outliers()) {
        sb.append(String.format(Locale.ROOT, "<circle class=\"outlier\" cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"none\" "
            + "stroke=\"%s\"/>", f(cx), f(py.applyAsDouble(o)), c));
      }
      sb.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          f(cx), TOP + ph + 18, esc(b.label())));
      sb.append("</g>");
    }
    sb.append("</svg>");
    return sb.toString();
  }

  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  /**
   * A critical-difference diagram (Demšar 2006, Fig. 1): the mean-rank axis from 1 (best, left) to k, each
   * strategy linked to its mean rank, the critical difference as a bar above the axis, and thick bars joining
   * strategies whose mean ranks differ by less than it.
   */
  static String cdDiagram(String id, List<String> labels, double[] meanRanks, double cd, List<int[]> cliques) {
    int k = labels.size();
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Double.compare(meanRanks[a], meanRanks[b]));
    int left = 150;
    int right = W - 150;
    int axisY = 70;
    int half = (k + 1) / 2;
    int h = axisY + 40 + 22 * Math.max(half, k - half) + 12 * cliques.size() + 10;
    java.util.function.DoubleUnaryOperator px = r -> left + (r - 1) / Math.max(1, k - 1) * (right - left);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" data-cd=\"%s\">", id, W, h, W, h, cd));
    sb.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
        + "stroke=\"#000\"/>", left, axisY, right, axisY));
    for (int r = 1; r <= k; r++) {
      double x = px.applyAsDouble(r);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#000\"/>"
          + "<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%d</text>", f(x), axisY - 6, f(x), axisY,
          f(x), axisY - 10, r));
    }
    double cdEnd = px.applyAsDouble(Math.min(k, 1 + cd));
    sb.append(String.format(Locale.ROOT, "<g class=\"cd-bar\"><line x1=\"%d\" y1=\"22\" x2=\"%s\" y2=\"22\" "
        + "stroke=\"#000\" stroke-width=\"2\"/><line x1=\"%d\" y1=\"17\" x2=\"%d\" y2=\"27\" stroke=\"#000\"/>"
        + "<line x1=\"%s\" y1=\"17\" x2=\"%s\" y2=\"27\" stroke=\"#000\"/><text x=\"%s\" y=\"13\" "
        + "text-anchor=\"middle\">CD = %s</text></g>", left, f(cdEnd), left, left, f(cdEnd), f(cdEnd),
        f((left + cdEnd) / 2), String.format(Locale.ROOT, "%.2f", cd)));
    for (int n = 0; n < k; n++) {
      int j = order[n];
      double x = px.applyAsDouble(meanRanks[j]);
      boolean onLeft = n < half;
      int row = onLeft ? n : k - 1 - n;
      double y = axisY + 30 + 12 * cliques.size() + 22 * row;
      double tx = onLeft ? left - 10 : right + 10;
      sb.append(String.format(Locale.ROOT, "<g class=\"cd-strategy\" data-strategy=\"%s\" data-rank=\"%s\">"
          + "<path d=\"M%s,%dL%s,%sL%s,%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>"
          + "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s (%s)</text></g>", esc(labels.get(j)), meanRanks[j], f(x),
          axisY, f(x), f(y), f(tx), f(y), color(j), f(onLeft ? tx - 4 : tx + 4), f(y + 4), onLeft ? "end" : "start",
          esc(labels.get(j)), String.format(Locale.ROOT, "%.2f", meanRanks[j])));
    }
    for (int g = 0; g < cliques.size(); g++) {
      int[] c = cliques.get(g);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      StringBuilder members = new StringBuilder();
      for (int j : c) {
        lo = Math.min(lo, meanRanks[j]);
        hi = Math.max(hi, meanRanks[j]);
        members.append(members.length() == 0 ? "" : " ").append(labels.get(j));
      }
      double y = axisY + 14 + 12 * g;
      sb.append(String.format(Locale.ROOT, "<line class=\"clique\" data-members=\"%s\" x1=\"%s\" y1=\"%s\" x2=\"%s\" "
          + "y2=\"%s\" stroke=\"#000\" stroke-width=\"4\"/>", esc(members.toString()), f(px.applyAsDouble(lo) - 4),
          f(y), f(px.applyAsDouble(hi) + 4), f(y)));
    }
    sb.append("</svg>");
    return sb.toString();
  }
}
