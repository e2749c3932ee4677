package nas4j.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nas4j.bench.Budget;
import nas4j.util.Statistics;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The per-strategy summary of regret at checkpoints, made with Tablesaw: for simulated time and for charged
 * queries, the mean, median, 25 %/75 % quantiles (linear interpolation, numpy's default) and standard error of test
 * and validation regret over runs. Checkpoints ({@link Checkpoints}): by default log-spaced (time 10^(k/10) s from
 * the decade below the earliest first incumbent to the latest end of a run; queries round(10^(k/10)), 1 .. the
 * largest count), or a config's list or step; a budget's limit is always a point of its axis (log points beyond it
 * are dropped). A run's value at x is its regret after its last query at or before x, except that on the time axis
 * at x ≥ a time budget it is the run's final value: the query that crosses the budget counts, as in the
 * nasbench notebook, whose runs end with it, and as in runs.csv. Runs that have no incumbent yet at x are left out
 * ({@code runs_with_incumbent} counts the others); after a run ends its final value carries on. Immutable.
 */
public final class SummaryTable {
  /** The summary.csv header. */
  public static final String HEADER = "strategy,axis,x,runs,runs_with_incumbent,test_regret_mean,test_regret_median,"
      + "test_regret_q25,test_regret_q75,test_regret_se,valid_regret_mean,valid_regret_median,valid_regret_q25,"
      + "valid_regret_q75,valid_regret_se";
  static final String[] AXES = {"time", "queries"};

  private final List<String> labels;
  private final Table table; // sorted: order, axis, gi
  private final Budget.Kind budgetKind;
  private final double limit;
  private final boolean checkpointColumns;

  private SummaryTable(List<String> labels, Table table, Budget.Kind budgetKind, double limit,
      boolean checkpointColumns) {
    this.labels = labels;
    this.table = table;
    this.budgetKind = budgetKind;
    this.limit = limit;
    this.checkpointColumns = checkpointColumns;
  }

  /** Builds the summary with the log grids and no budget limit on either axis (tests). */
  static SummaryTable of(List<String> labels, List<RunSteps> runs) {
    return of(labels, runs, Checkpoints.LOG, null);
  }

  /**
   * Builds the summary of all runs (in any order; the result is sorted by strategy order, axis, x).
   *
   * @param budget the runs' budget, or null: a {@code seconds} or {@code queries} limit is always a point of its
   *     axis, and on the time axis a run's value at x ≥ the limit is its final value (the query that crosses the
   *     limit counts, as in runs.csv)
   */
  static SummaryTable of(List<String> labels, List<RunSteps> runs, Checkpoints checkpoints, Budget budget) {
    Builder b = new Builder(labels, Extent.of(runs), checkpoints, budget);
    List<RunSteps> byStrategy = new ArrayList<>(runs);
    byStrategy.sort(java.util.Comparator.comparingInt(r -> r.key().strategyIndex())); // stable: run order kept
    byStrategy.forEach(b::add);
    return b.build();
  }

  /**
   * What the grids depend on, gathered over the runs one at a time: the earliest first incumbent (above 0 s) and
   * the latest end of a run on both axes. Mutable; one per pass.
   */
  static final class Extent {
    double firstIncumbent = Double.POSITIVE_INFINITY;
    double tmax;
    long qmax;

    void add(RunSteps r) {
      double f = r.firstIncumbentTime();
      if (!Double.isNaN(f) && f > 0) {
        firstIncumbent = Math.min(firstIncumbent, f);
      }
      if (r.size() > 0) {
        tmax = Math.max(tmax, r.time()[r.size() - 1]);
        qmax = Math.max(qmax, r.charged()[r.size() - 1]);
      }
    }

    static Extent of(List<RunSteps> runs) {
      Extent e = new Extent();
      runs.forEach(e::add);
      return e;
    }
  }

  /**
   * Builds the summary from runs given one at a time, grouped by strategy (in run order within each): the rows of
   * one strategy at the grid points are summarized when the next strategy starts, so what it holds is one
   * strategy's values at the grid points, never the runs' traces. Not reusable; one per summary.
   */
  static final class Builder {
    private final List<String> labels;
    private final Checkpoints checkpoints;
    private final Budget budget;
    private final double tLimit;
    private final double qLimit;
    private final double[] timeGrid;
    private final double[] queryGrid;
    private IntColumn order;
    private IntColumn axis;
    private IntColumn gi;
    private DoubleColumn x;
    private DoubleColumn test;
    private DoubleColumn valid;
    private int strategy = -1;
    private Table summarized;
    private final java.util.Set<Integer> done = new java.util.HashSet<>();

    /** @param extent the extent of all the runs that will be added (it fixes the log grids) */
    Builder(List<String> labels, Extent extent, Checkpoints checkpoints, Budget budget) {
      this.labels = labels;
      this.checkpoints = checkpoints;
      this.budget = budget;
      tLimit = budget != null && budget.kind() == Budget.Kind.SECONDS ? budget.limit() : Double.NaN;
      qLimit = budget != null && budget.kind() == Budget.Kind.QUERIES ? budget.limit() : Double.NaN;
      timeGrid = checkpoints.seconds().isLog() ? capAt(timeGrid(extent), tLimit)
          : withLimit(checkpoints.seconds().points(Double.isNaN(tLimit) ? extent.tmax : tLimit), tLimit);
      queryGrid = checkpoints.queries().isLog() ? capAt(queryGrid(extent), qLimit)
          : withLimit(checkpoints.queries().points(Double.isNaN(qLimit) ? extent.qmax : qLimit), qLimit);
      clear();
    }

    private void clear() {
      order = IntColumn.create("order");
      axis = IntColumn.create("axis");
      gi = IntColumn.create("gi");
      x = DoubleColumn.create("x");
      test = DoubleColumn.create("test");
      valid = DoubleColumn.create("valid");
    }

    /** Adds a run; the runs of a strategy must come together. */
    void add(RunSteps r) {
      int s = r.key().strategyIndex();
      if (s != strategy) {
        if (strategy >= 0) {
          flush();
        }
        if (!done.add(s)) {
          throw new IllegalStateException("runs of strategy " + labels.get(s) + " are not together");
        }
        strategy = s;
      }
      for (int a = 0; a < 2; a++) {
        double[] grid = a == 0 ? timeGrid : queryGrid;
        for (int g = 0; g < grid.length; g++) {
          int i = a == 0 ? (grid[g] >= tLimit ? r.size() - 1 : r.lastAtTime(grid[g]))
              : r.lastAtQueries((long) grid[g]);
          order.append(s);
          axis.append(a);
          gi.append(g);
          x.append(grid[g]);
          test.append(i < 0 ? Double.NaN : r.testRegret()[i]);
          valid.append(i < 0 ? Double.NaN : r.validRegret()[i]);
        }
      }
    }

    /** Summarizes the rows held (an empty table if nothing was added) and lets them go. */
    private void flush() {
      Table t = summarize(Table.create("regret", order, axis, gi, x, test, valid));
      summarized = summarized == null ? t : summarized.append(t);
      clear();
    }

    SummaryTable build() {
      if (strategy >= 0 || summarized == null) {
        flush();
      }
      return new SummaryTable(labels, summarized.sortOn("order", "axis", "gi"), budget == null ? null
          : budget.kind(), Double.isNaN(tLimit) ? qLimit : tLimit, !(budgetAxisIsLog(checkpoints, budget)));
    }
  }

  private static Table summarize(Table long_) {
    return long_.summarize("test", "valid", "x", new Stat("n_all", Stat.ALL), new Stat("n", Stat.N),
        new Stat("mean", Stat.MEAN), new Stat("median", Stat.MEDIAN), new Stat("q25", Stat.Q25),
        new Stat("q75", Stat.Q75), new Stat("se", Stat.SE), new Stat("first", Stat.FIRST))
        .by("order", "axis", "gi");
  }

  private static boolean budgetAxisIsLog(Checkpoints c, Budget budget) {
    return budget != null && budget.kind() == Budget.Kind.QUERIES ? c.queries().isLog() : c.seconds().isLog();
  }

  /** A log grid cut at the limit (NaN: none): the points below it, then the limit itself. */
  private static double[] capAt(double[] grid, double limit) {
    if (Double.isNaN(limit)) {
      return grid;
    }
    double[] below = Arrays.stream(grid).filter(x -> x < limit * (1 - 1e-12)).toArray();
    double[] out = Arrays.copyOf(below, below.length + 1);
    out[below.length] = limit;
    return out;
  }

  /** Checkpoints with the limit (NaN: none) added as a point if it is not one already. */
  private static double[] withLimit(double[] points, double limit) {
    if (Double.isNaN(limit) || Arrays.stream(points).anyMatch(x -> x == limit)) {
      return points;
    }
    double[] out = Arrays.copyOf(points, points.length + 1);
    out[points.length] = limit;
    Arrays.sort(out);
    return out;
  }

  /** The time grid: 10^(k/10) s from the decade below the earliest first incumbent to the latest end. */
  static double[] timeGrid(Extent e) {
    double tmin = e.firstIncumbent;
    double tmax = e.tmax;
    double[] timeGrid = new double[0];
    if (tmin <= tmax && tmax > 0) {
      int k0 = 10 * (int) Math.floor(Math.log10(tmin));
      int k1 = (int) Math.ceil(10 * Math.log10(tmax) - 1e-9);
      timeGrid = new double[Math.max(0, k1 - k0 + 1)];
      for (int k = k0; k <= k1; k++) {
        timeGrid[k - k0] = Math.pow(10, k / 10.0);
      }
    }
    return timeGrid;
  }

  /** The query grid: round(10^(k/10)) charged queries, distinct, from 1 to the largest count. */
  static double[] queryGrid(Extent e) {
    long qmax = e.qmax;
    List<Long> qg = new ArrayList<>();
    if (qmax > 0) {
      int k1 = (int) Math.ceil(10 * Math.log10(qmax) - 1e-9);
      for (int k = 0; k <= k1; k++) {
        long q = Math.round(Math.pow(10, k / 10.0));
        if (qg.isEmpty() || qg.get(qg.size() - 1) != q) {
          qg.add(q);
        }
      }
    }
    return qg.stream().mapToDouble(Long::doubleValue).toArray();
  }

  /** Test regret of a run at grid point x of an axis (0 = time, 1 = queries); NaN without an incumbent yet. */
  static double testRegretAt(RunSteps r, int axis, double x) {
    int i = axis == 0 ? r.lastAtTime(x) : r.lastAtQueries((long) x);
    return i < 0 ? Double.NaN : r.testRegret()[i];
  }

  /**
   * The test-regret curve of strategy {@code order} on an axis (0 = time, 1 = queries): rows of
   * {x, runs, median, q25, q75} at the grid points where every run has an incumbent (as the plot script draws).
   */
  List<double[]> testCurve(int order, int axis) {
    List<double[]> out = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if ((int) d("order", r) == order && (int) d("axis", r) == axis && d("n [test]", r) > 0
          && d("n [test]", r) == d("n_all [test]", r)) {
        out.add(new double[] {d("first [x]", r), d("n [test]", r), d("median [test]", r), d("q25 [test]", r),
            d("q75 [test]", r)});
      }
    }
    return out;
  }

  /** Number of summary rows. */
  public int rows() {
    return table.rowCount();
  }

  private double d(String col, int row) {
    return ((NumericColumn<?>) table.column(col)).getDouble(row);
  }

  /** The summary as CSV (header + rows; full-precision doubles, Locale.ROOT). */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int r = 0; r < table.rowCount(); r++) {
      int o = (int) d("order", r);
      int a = (int) d("axis", r);
      sb.append(labels.get(o)).append(',').append(AXES[a]).append(',');
      double xv = d("first [x]", r);
      if (a == 1) {
        sb.append((long) xv);
      } else {
        Csv.num(sb, xv);
      }
      sb.append(',').append((long) d("n_all [test]", r)).append(',').append((long) d("n [test]", r));
      for (String m : new String[] {"test", "valid"}) {
        for (String f : new String[] {"mean", "median", "q25", "q75", "se"}) {
          sb.append(',');
          Csv.num(sb, d(f + " [" + m + "]", r));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * A short text table on the budget's axis (charged queries for a query budget, simulated time otherwise): per
   * strategy, the median [25 %, 75 %] test regret at the last {@code maxColumns} checkpoints before the end (the
   * decades of a log grid), then the mean ± standard error at the end: at the budget's limit (which, by the rule
   * for the query that crosses a time budget, is every run's final value, as in runs.csv), or at the last grid
   * point.
   */
  public String shortTable(int maxColumns) {
    int axis = budgetKind == Budget.Kind.QUERIES ? 1 : 0;
    List<Double> xs = new ArrayList<>();
    double end = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < table.rowCount(); r++) {
      if ((int) d("axis", r) == axis) {
        end = Math.max(end, d("first [x]", r));
      }
    }
    if (!Double.isNaN(limit) && budgetKind != Budget.Kind.EPOCHS) {
      end = limit;
    }
    for (int r = 0; r < table.rowCount(); r++) {
      if ((int) d("axis", r) == axis) {
        double xv = d("first [x]", r);
        double lg = Math.log10(xv);
        boolean column = checkpointColumns || Math.abs(lg - Math.rint(lg)) < 1e-9;
        if (column && xv < end && !xs.contains(xv) && d("n [test]", r) > 0) {
          xs.add(xv);
        }
      }
    }
    xs.sort(null);
    if (xs.size() > maxColumns) {
      xs = xs.subList(xs.size() - maxColumns, xs.size());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(axis == 0 ? "test regret (% points) by simulated time" : "test regret (% points) by charged queries")
        .append(": median [25%, 75%] over runs with an incumbent\n");
    String endHead = axis == 0 ? String.format(Locale.ROOT, "t=%.3g s", end) : "q=" + (long) end;
    sb.append("last column: mean ± se at ").append(endHead).append('\n');
    int w = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8));
    sb.append(String.format(Locale.ROOT, "%-" + w + "s %5s", "strategy", "runs"));
    for (double x : xs) {
      String head = axis == 0 ? String.format(Locale.ROOT, "t=%.0e s", x) : String.format(Locale.ROOT, "q=%d", (long) x);
      sb.append(String.format(Locale.ROOT, "  %-20s", head));
    }
    sb.append("  mean ± se\n");
    for (int o = 0; o < labels.size(); o++) {
      StringBuilder row = new StringBuilder();
      for (double x : xs) {
        int r = find(o, axis, x);
        row.append("  ").append(r < 0 ? String.format(Locale.ROOT, "%-20s", "-") : String.format(Locale.ROOT,
            "%-20s", String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", 100 * d("median [test]", r),
                100 * d("q25 [test]", r), 100 * d("q75 [test]", r))));
      }
      int last = find(o, axis, end);
      String runs = "";
      if (last >= 0) {
        runs = Long.toString((long) d("n_all [test]", last));
        row.append(String.format(Locale.ROOT, "  %.3f ± %.3f", 100 * d("mean [test]", last),
            100 * d("se [test]", last)));
      }
      sb.append(String.format(Locale.ROOT, "%-" + w + "s %5s", labels.get(o), runs)).append(row).append('\n');
    }
    return sb.toString();
  }

  private int find(int order, int axis, double x) {
    for (int r = 0; r < table.rowCount(); r++) {
      if ((int) d("order", r) == order && (int) d("axis", r) == axis && d("first [x]", r) == x) {
        return r;
      }
    }
    return -1;
  }

  /** Per-group statistics over the non-missing values of a column; a Tablesaw aggregate function. */
  static final class Stat extends NumericAggregateFunction {
    static final int ALL = 0;
    static final int N = 1;
    static final int MEAN = 2;
    static final int MEDIAN = 3;
    static final int Q25 = 4;
    static final int Q75 = 5;
    static final int SE = 6;
    static final int FIRST = 7;
    private final int kind;

    Stat(String name, int kind) {
      super(name);
      this.kind = kind;
    }

    @Override
    public Double summarize(NumericColumn<?> column) {
      double[] all = column.asDoubleArray();
      if (kind == ALL) {
        return (double) all.length;
      }
      if (kind == FIRST) {
        return all.length == 0 ? Double.NaN : all[0];
      }
      double[] v = Statistics.present(all);
      int n = v.length;
      if (kind == N) {
        return (double) n;
      }
      if (n == 0) {
        return Double.NaN;
      }
      switch (kind) {
        case MEAN:
          return Statistics.mean(v);
        case MEDIAN:
          return Statistics.median(v);
        case Q25:
          return Statistics.quantile(v, 0.25);
        case Q75:
          return Statistics.quantile(v, 0.75);
        default:
          return Statistics.standardError(v);
      }
    }
  }
}
