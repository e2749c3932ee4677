package nas4j.experiment;

/** CSV number formatting: full-precision, locale-independent ({@link Double#toString}); NaN → empty. */
final class Csv {
  private Csv() {}

  static void num(StringBuilder sb, double v) {
    if (!Double.isNaN(v)) {
      sb.append(v);
    }
  }

  static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** Parses a field written by {@link #num}; empty → NaN. */
  static double parse(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
