package nas4j.bench.io;

/** The two layouts of the official files: 108 epochs only, or all four budgets. Immutable. */
public enum Variant {
  /** {@code nasbench_only108.tfrecord}: budget 108, 3 repeats. */
  ONLY108(new int[] {108}),
  /** {@code nasbench_full.tfrecord}: budgets 4, 12, 36, 108, 3 repeats each. */
  FULL(new int[] {4, 12, 36, 108});

  private final int[] budgets;

  Variant(int[] budgets) {
    this.budgets = budgets;
  }

  /** The epoch budgets of this variant, ascending. */
  public int[] budgets() {
    return budgets.clone();
  }

  /** Records per cell (budgets × 3 repeats). */
  public int recordsPerCell() {
    return budgets.length * 3;
  }

  /** Parses {@code only108} / {@code full} (case-insensitive). */
  public static Variant parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    if (t.equals("only108") || t.equals("108")) {
      return ONLY108;
    }
    if (t.equals("full")) {
      return FULL;
    }
    throw new IllegalArgumentException("variant '" + text + "' is not one of: only108, full");
  }
}
