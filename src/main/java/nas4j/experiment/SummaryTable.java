package nas4j.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nas4j.util.Statistics;
import tech.tablesaw.aggregate.NumericAggregateFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The per-strategy summary of regret on log-spaced grids, made with Tablesaw: for simulated time (grid
 * 10^(k/10) s from the decade below the earliest first incumbent to the latest end of a run) and for charged
 * queries (round(10^(k/10)), 1 .. the largest count), the mean, median, 25 %/75 % quantiles (linear
 * interpolation, numpy's default) and standard error of test and validation regret over runs. A run's value at
 * grid point x is its regret after its last query at or before x; runs that have no incumbent yet at x are left
 * out ({@code runs_with_incumbent} counts the others); after a run ends its final value carries on. Immutable.
 */
public final class SummaryTable {
  /** The summary.csv header. */
  public static final String HEADER = "strategy,axis,x,runs,runs_with_incumbent,test_regret_mean,test_regret_median,"
      + "test_regret_q25,test_regret_q75,test_regret_se,valid_regret_mean,valid_regret_median,valid_regret_q25,"
      + "valid_regret_q75,valid_regret_se";
  static final String[] AXES = {"time", "queries"};

  private final List<String> labels;
  private final Table table; // sorted: order, axis, gi

  private SummaryTable(List<String> labels, Table table) {
    this.labels = labels;
    this.table = table;
  }

  /** Builds the summary of all runs (in any order; the result is sorted by strategy order, axis, x). */
  static SummaryTable of(List<String> labels, List<RunSteps> runs) {
    double[] timeGrid = timeGrid(runs);
    double[] queryGrid = queryGrid(runs);

    IntColumn order = IntColumn.create("order");
    IntColumn axis = IntColumn.create("axis");
    IntColumn gi = IntColumn.create("gi");
    DoubleColumn x = DoubleColumn.create("x");
    DoubleColumn test = DoubleColumn.create("test");
    DoubleColumn valid = DoubleColumn.create("valid");
    for (RunSteps r : runs) {
      for (int a = 0; a < 2; a++) {
        double[] grid = a == 0 ? timeGrid : queryGrid;
        for (int g = 0; g < grid.length; g++) {
          int i = a == 0 ? r.lastAtTime(grid[g]) : r.lastAtQueries((long) grid[g]);
          order.append(r.key().strategyIndex());
          axis.append(a);
          gi.append(g);
          x.append(grid[g]);
          test.append(i < 0 ? Double.NaN : r.testRegret()[i]);
          valid.append(i < 0 ? Double.NaN : r.validRegret()[i]);
        }
      }
    }
    Table long_ = Table.create("regret", order, axis, gi, x, test, valid);
    Table s = long_.summarize("test", "valid", "x", new Stat("n_all", Stat.ALL), new Stat("n", Stat.N),
        new Stat("mean", Stat.MEAN), new Stat("median", Stat.MEDIAN), new Stat("q25", Stat.Q25),
        new Stat("q75", Stat.Q75), new Stat("se", Stat.SE), new Stat("first", Stat.FIRST))
        .by("order", "axis", "gi");
    s = s.sortOn("order", "axis", "gi");
    return new SummaryTable(labels, s);
  }

  /** The time grid: 10^(k/10) s from the decade below the earliest first incumbent to the latest end. */
  static double[] timeGrid(List<RunSteps> runs) {
    double tmin = Double.POSITIVE_INFINITY;
    double tmax = 0;
    for (RunSteps r : runs) {
      double f = r.firstIncumbentTime();
      if (!Double.isNaN(f) && f > 0) {
        tmin = Math.min(tmin, f);
      }
      if (r.size() > 0) {
        tmax = Math.max(tmax, r.time()[r.size() - 1]);
      }
    }
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
  static double[] queryGrid(List<RunSteps> runs) {
    long qmax = 0;
    for (RunSteps r : runs) {
      if (r.size() > 0) {
        qmax = Math.max(qmax, r.charged()[r.size() - 1]);
      }
    }
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
   * A short text table: per strategy, the median [25 %, 75 %] test regret at each decade of simulated time
   * (the last {@code maxColumns} decades) and the final mean ± standard error.
   */
  public String shortTable(int maxColumns) {
    List<Double> decades = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if ((int) d("axis", r) == 0) {
        double xv = d("first [x]", r);
        double lg = Math.log10(xv);
        if (Math.abs(lg - Math.rint(lg)) < 1e-9 && !decades.contains(xv) && d("n [test]", r) > 0) {
          decades.add(xv);
        }
      }
    }
    decades.sort(null);
    if (decades.size() > maxColumns) {
      decades = decades.subList(decades.size() - maxColumns, decades.size());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("test regret (% points) by simulated time: median [25%, 75%] over runs with an incumbent\n");
    int w = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8));
    sb.append(String.format(Locale.ROOT, "%-" + w + "s %5s", "strategy", "runs"));
    for (double dcd : decades) {
      sb.append(String.format(Locale.ROOT, "  %-20s", String.format(Locale.ROOT, "t=%.0e s", dcd)));
    }
    sb.append("  final mean ± se\n");
    for (int o = 0; o < labels.size(); o++) {
      int last = -1;
      String runs = "";
      StringBuilder row = new StringBuilder();
      for (double dcd : decades) {
        int r = find(o, 0, dcd);
        row.append("  ").append(r < 0 ? String.format(Locale.ROOT, "%-20s", "-") : String.format(Locale.ROOT,
            "%-20s", String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", 100 * d("median [test]", r),
                100 * d("q25 [test]", r), 100 * d("q75 [test]", r))));
      }
      for (int r = 0; r < table.rowCount(); r++) {
        if ((int) d("order", r) == o && (int) d("axis", r) == 0) {
          last = r;
        }
      }
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
