package nas4j.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nas4j.util.AtomicFiles;
import nas4j.experiment.stats.Descriptive;
import nas4j.experiment.stats.Friedman;
import nas4j.experiment.stats.Holm;
import nas4j.experiment.stats.Nemenyi;
import nas4j.experiment.stats.RankSum;

/**
 * The statistics of an experiment's test regret (docs/statistics.md), at the final checkpoint (each run's last
 * value) and at every grid point of the summary (both axes):
 * <ul>
 *   <li>per strategy: mean, median, quartiles, IQR, standard error over the runs with an incumbent, and the mean
 *       rank across seeds (for each seed value at which every strategy has an incumbent the strategies are ranked,
 *       1 = lowest regret, ties averaged);</li>
 *   <li>per pair of strategies: the two-sided rank-sum test (runs of different strategies are independent: their
 *       generators differ even for the same seed value), Holm-adjusted over all pairs of that checkpoint, the
 *       Vargha–Delaney A12 that the first has the lower regret with its label, and the verdict at α = 0.05
 *       ({@code better}/{@code worse} for the first strategy, or {@code no difference});</li>
 *   <li>over the checkpoints of the budget's axis at which every run has an incumbent (the "problems"): the
 *       Friedman test of the strategies' mean regrets with their mean ranks, and the Nemenyi critical
 *       difference.</li>
 * </ul>
 * Immutable.
 */
public final class Comparison {
  /** The level of every verdict. */
  public static final double ALPHA = 0.05;
  /** comparison.csv's header. */
  public static final String CSV_HEADER = "axis,x,kind,strategy,versus,n,mean,median,q25,q75,iqr,se,mean_rank,"
      + "n_versus,u,p,p_holm,p_method,a12,effect,verdict";
  /** friedman.csv's header. */
  public static final String FRIEDMAN_HEADER = "problems_axis,problems,strategy,mean_rank,chi_squared,df,p,"
      + "nemenyi_cd,alpha";

  /** A checkpoint: {@code final}, or a grid point x of the {@code time} or {@code queries} axis. */
  public record Checkpoint(String axis, double x) {
    public boolean isFinal() {
      return "final".equals(axis);
    }

    /** "final", "time 1e+06" or "queries 150". */
    public String label() {
      return isFinal() ? "final" : axis + " " + xText();
    }

    String xText() {
      return isFinal() ? "" : "queries".equals(axis) ? Long.toString((long) x) : Csv.num(x);
    }
  }

  /** One strategy at one checkpoint. */
  public record StrategyRow(String label, Descriptive stats, double meanRank, int rankedSeeds) {}

  /** One pair of strategies at one checkpoint (in configured order: strategy before versus). */
  public record PairRow(String strategy, String versus, int n, int nVersus, RankSum test, double pHolm, double a12,
      String effect, String verdict) {}

  /** All statistics of one checkpoint; {@code complete}: every run has an incumbent there. */
  public record Point(Checkpoint checkpoint, boolean complete, List<StrategyRow> strategies, List<PairRow> pairs) {
    /** The strategies' mean regrets, in configured order. */
    public double[] means() {
      return strategies.stream().mapToDouble(s -> s.stats().mean()).toArray();
    }
  }

  /** The Friedman test over problems, with the Nemenyi critical difference at {@link #ALPHA}. */
  public record Ranking(String problemsAxis, List<String> labels, List<String> problems, Friedman friedman,
      double criticalDifference) {
    /** Whether strategies i and j differ by Nemenyi's criterion. */
    public boolean differ(int i, int j) {
      return Math.abs(friedman.meanRanks()[i] - friedman.meanRanks()[j]) >= criticalDifference;
    }
  }

  private final String name;
  private final List<String> labels;
  private final String budgetAxis;
  private final List<Point> points;
  private final Ranking ranking;

  private Comparison(String name, List<String> labels, String budgetAxis, List<Point> points) {
    this.name = name;
    this.labels = labels;
    this.budgetAxis = budgetAxis;
    this.points = points;
    List<String> problems = new ArrayList<>();
    List<double[]> blocks = new ArrayList<>();
    for (Point p : points) {
      if (p.complete() && p.checkpoint().axis().equals(budgetAxis)) {
        problems.add(name + " @ " + p.checkpoint().label());
        blocks.add(p.means());
      }
    }
    this.ranking = rank(budgetAxis, labels, problems, blocks);
  }

  /** The statistics of the runs (any order) of an experiment. */
  static Comparison of(String name, List<String> labels, List<Long> seeds, List<RunSteps> runs, String budgetAxis) {
    Collector c = new Collector(name, labels, seeds, SummaryTable.Extent.of(runs), budgetAxis);
    runs.forEach(c::add);
    return c.build();
  }

  /**
   * Gathers the statistics' input from runs given one at a time (any order): each run's test regret at the end and
   * at every grid point of both axes, i.e. a fixed number of doubles per run, not its trace. Not reusable.
   */
  static final class Collector {
    private final String name;
    private final List<String> labels;
    private final String budgetAxis;
    private final Map<Long, Integer> seedIndex = new HashMap<>();
    private final double[][] grids;
    private final double[][] finals; // [strategy][seed index]
    private final double[][][][] values; // [axis][grid point][strategy][seed index]

    /** @param extent the extent of all the runs that will be added (it fixes the grids) */
    Collector(String name, List<String> labels, List<Long> seeds, SummaryTable.Extent extent, String budgetAxis) {
      this.name = name;
      this.labels = List.copyOf(labels);
      this.budgetAxis = budgetAxis;
      for (int i = 0; i < seeds.size(); i++) {
        seedIndex.put(seeds.get(i), i);
      }
      int k = labels.size();
      grids = new double[][] {SummaryTable.timeGrid(extent), SummaryTable.queryGrid(extent)};
      finals = nan(k, seeds.size());
      values = new double[2][][][];
      for (int a = 0; a < 2; a++) {
        values[a] = new double[grids[a].length][][];
        for (int g = 0; g < grids[a].length; g++) {
          values[a][g] = nan(k, seeds.size());
        }
      }
    }

    private static double[][] nan(int k, int n) {
      double[][] v = new double[k][n];
      for (double[] row : v) {
        Arrays.fill(row, Double.NaN);
      }
      return v;
    }

    void add(RunSteps r) {
      int s = r.key().strategyIndex();
      int i = seedIndex.get(r.key().seed());
      finals[s][i] = r.size() == 0 ? Double.NaN : r.testRegret()[r.size() - 1];
      for (int a = 0; a < 2; a++) {
        for (int g = 0; g < grids[a].length; g++) {
          values[a][g][s][i] = SummaryTable.testRegretAt(r, a, grids[a][g]);
        }
      }
    }

    /** Each strategy's final test regrets (runs without one left out), in seed order. */
    double[][] finalValues() {
      double[][] v = new double[finals.length][];
      for (int s = 0; s < v.length; s++) {
        v[s] = Arrays.stream(finals[s]).filter(d -> !Double.isNaN(d)).toArray();
      }
      return v;
    }

    Comparison build() {
      List<Point> points = new ArrayList<>();
      points.add(point(new Checkpoint("final", Double.NaN), labels, finals));
      for (int a = 0; a < 2; a++) {
        for (int g = 0; g < grids[a].length; g++) {
          points.add(point(new Checkpoint(SummaryTable.AXES[a], grids[a][g]), labels, values[a][g]));
        }
      }
      return new Comparison(name, labels, budgetAxis, List.copyOf(points));
    }
  }

  /** The statistics of one checkpoint from values[strategy][seed index] (NaN = no incumbent). */
  static Point point(Checkpoint cp, List<String> labels, double[][] values) {
    int k = labels.size();
    double[][] present = new double[k][];
    boolean complete = true;
    for (int s = 0; s < k; s++) {
      present[s] = Arrays.stream(values[s]).filter(d -> !Double.isNaN(d)).toArray();
      complete &= present[s].length == values[s].length;
    }
    List<double[]> rows = new ArrayList<>();
    int seeds = k == 0 ? 0 : values[0].length;
    for (int i = 0; i < seeds; i++) {
      double[] row = new double[k];
      boolean all = true;
      for (int s = 0; s < k; s++) {
        row[s] = values[s][i];
        all &= !Double.isNaN(row[s]);
      }
      if (all) {
        rows.add(row);
      }
    }
    double[] meanRanks = Friedman.meanRanks(rows.toArray(new double[0][]), k);
    List<StrategyRow> strategies = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      strategies.add(new StrategyRow(labels.get(s), Descriptive.of(present[s]), meanRanks[s], rows.size()));
    }
    List<int[]> ij = new ArrayList<>();
    List<RankSum> tests = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        ij.add(new int[] {i, j});
        tests.add(present[i].length == 0 || present[j].length == 0 ? null : RankSum.test(present[i], present[j]));
      }
    }
    double[] holm = Holm.adjust(tests.stream().mapToDouble(t -> t == null ? Double.NaN : t.p()).toArray());
    List<PairRow> pairs = new ArrayList<>();
    for (int q = 0; q < ij.size(); q++) {
      int i = ij.get(q)[0];
      int j = ij.get(q)[1];
      RankSum t = tests.get(q);
      double a12 = t == null ? Double.NaN : RankSum.a12Lower(present[i], present[j]);
      String verdict = t == null ? "" : holm[q] < ALPHA && a12 > 0.5 ? "better"
          : holm[q] < ALPHA && a12 < 0.5 ? "worse" : "no difference";
      pairs.add(new PairRow(labels.get(i), labels.get(j), present[i].length, present[j].length, t, holm[q], a12,
          RankSum.effectLabel(a12), verdict));
    }
    return new Point(cp, complete, List.copyOf(strategies), List.copyOf(pairs));
  }

  private static Ranking rank(String axis, List<String> labels, List<String> problems, List<double[]> blocks) {
    if (labels.size() < 2 || blocks.isEmpty()) {
      return null;
    }
    Friedman f = Friedman.test(blocks.toArray(new double[0][]));
    return new Ranking(axis, labels, List.copyOf(problems), f,
        Nemenyi.criticalDifference(labels.size(), blocks.size(), ALPHA));
  }

  /**
   * The Friedman ranking over several experiments (jMetal's lab style): each experiment × checkpoint of its
   * budget axis at which every run has an incumbent is one problem ({@code finalOnly}: each experiment's final
   * checkpoint only); the strategies are the labels present in every experiment, in the first one's order.
   */
  public static Ranking across(List<Comparison> experiments, boolean finalOnly) {
    List<String> common = new ArrayList<>(experiments.get(0).labels);
    for (Comparison c : experiments) {
      common.retainAll(c.labels);
    }
    List<String> problems = new ArrayList<>();
    List<double[]> blocks = new ArrayList<>();
    for (Comparison c : experiments) {
      for (Point p : c.points) {
        boolean use = finalOnly ? p.checkpoint().isFinal() && p.complete()
            : p.complete() && p.checkpoint().axis().equals(c.budgetAxis);
        if (use) {
          double[] m = p.means();
          double[] b = new double[common.size()];
          for (int j = 0; j < common.size(); j++) {
            b[j] = m[c.labels.indexOf(common.get(j))];
          }
          problems.add(c.name + " @ " + p.checkpoint().label());
          blocks.add(b);
        }
      }
    }
    return rank(finalOnly ? "final" : "budget", common, problems, blocks);
  }

  public String name() {
    return name;
  }

  public List<String> labels() {
    return labels;
  }

  /** {@code time} or {@code queries}: the axis of the budget, whose checkpoints are the Friedman problems. */
  public String budgetAxis() {
    return budgetAxis;
  }

  /** Every checkpoint: the final one first, then the time grid, then the query grid. */
  public List<Point> points() {
    return points;
  }

  /** The final checkpoint. */
  public Point finalPoint() {
    return points.get(0);
  }

  /** The Friedman ranking over this experiment's checkpoints, or null (fewer than two strategies, no problem). */
  public Ranking ranking() {
    return ranking;
  }

  // ------------------------------------------------------------------ output

  /** comparison.csv: one row per strategy and per pair at every checkpoint. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (Point p : points) {
      String head = p.checkpoint().axis() + "," + p.checkpoint().xText() + ",";
      for (StrategyRow s : p.strategies()) {
        Descriptive d = s.stats();
        sb.append(head).append("strategy,").append(s.label()).append(",,").append(d.n());
        for (double x : new double[] {d.mean(), d.median(), d.q25(), d.q75(), d.iqr(), d.se(), s.meanRank()}) {
          sb.append(',').append(Csv.num(x));
        }
        sb.append(",,,,,,,,\n");
      }
      for (PairRow r : p.pairs()) {
        sb.append(head).append("pair,").append(r.strategy()).append(',').append(r.versus()).append(',').append(r.n())
            .append(",,,,,,,,").append(r.nVersus()).append(',');
        if (r.test() != null) {
          sb.append(Csv.num(r.test().u())).append(',').append(Csv.num(r.test().p())).append(',')
              .append(Csv.num(r.pHolm())).append(',').append(r.test().method());
        } else {
          sb.append(",,,");
        }
        sb.append(',').append(Csv.num(r.a12())).append(',').append(r.effect()).append(',').append(r.verdict())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** Writes comparison.csv and friedman.csv into a folder (atomically). */
  public void writeFiles(java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve("comparison.csv"), toCsv());
    AtomicFiles.write(dir.resolve("friedman.csv"), friedmanCsv());
  }

  /**
   * Writes the statistics of several experiments into a folder: comparison.csv with every experiment's rows
   * (an {@code experiment} column first) and friedman.csv of the ranking across them.
   */
  public static void writeAcross(java.nio.file.Path dir, List<Comparison> experiments, Ranking ranking)
      throws java.io.IOException {
    StringBuilder sb = new StringBuilder("experiment,").append(CSV_HEADER).append('\n');
    for (Comparison c : experiments) {
      String csv = c.toCsv();
      csv.lines().skip(1).forEach(l -> sb.append(c.name).append(',').append(l).append('\n'));
    }
    java.nio.file.Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve("comparison.csv"), sb.toString());
    AtomicFiles.write(dir.resolve("friedman.csv"), friedmanCsv(ranking));
  }

  /** friedman.csv: one row per strategy (header only when there is no ranking). */
  public String friedmanCsv() {
    return friedmanCsv(ranking);
  }

  /** A ranking as friedman.csv. */
  public static String friedmanCsv(Ranking r) {
    StringBuilder sb = new StringBuilder(FRIEDMAN_HEADER).append('\n');
    if (r == null) {
      return sb.toString();
    }
    for (int j = 0; j < r.labels().size(); j++) {
      sb.append(r.problemsAxis()).append(',').append(r.problems().size()).append(',').append(r.labels().get(j))
          .append(',').append(Csv.num(r.friedman().meanRanks()[j])).append(',')
          .append(Csv.num(r.friedman().chiSquared())).append(',').append(r.friedman().df()).append(',')
          .append(Csv.num(r.friedman().p())).append(',').append(Csv.num(r.criticalDifference())).append(',')
          .append(ALPHA).append('\n');
    }
    return sb.toString();
  }

  /** Everything as JSON-ready maps and lists (snake_case keys; NaN → null). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("alpha", ALPHA);
    m.put("budget_axis", budgetAxis);
    List<Object> cps = new ArrayList<>();
    for (Point p : points) {
      cps.add(pointJson(p));
    }
    m.put("checkpoints", cps);
    m.put("friedman", rankingJson(ranking));
    return m;
  }

  static Map<String, Object> pointJson(Point p) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("axis", p.checkpoint().axis());
    c.put("x", p.checkpoint().isFinal() ? null : n(p.checkpoint().x()));
    c.put("complete", p.complete());
    List<Object> ss = new ArrayList<>();
    for (StrategyRow s : p.strategies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("strategy", s.label());
      e.put("n", s.stats().n());
      e.put("mean", n(s.stats().mean()));
      e.put("median", n(s.stats().median()));
      e.put("q25", n(s.stats().q25()));
      e.put("q75", n(s.stats().q75()));
      e.put("iqr", n(s.stats().iqr()));
      e.put("se", n(s.stats().se()));
      e.put("mean_rank", n(s.meanRank()));
      e.put("ranked_seeds", s.rankedSeeds());
      ss.add(e);
    }
    c.put("strategies", ss);
    List<Object> ps = new ArrayList<>();
    for (PairRow r : p.pairs()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("strategy", r.strategy());
      e.put("versus", r.versus());
      e.put("n", r.n());
      e.put("n_versus", r.nVersus());
      e.put("u", r.test() == null ? null : n(r.test().u()));
      e.put("p", r.test() == null ? null : n(r.test().p()));
      e.put("p_holm", n(r.pHolm()));
      e.put("p_method", r.test() == null ? null : r.test().method());
      e.put("a12", n(r.a12()));
      e.put("effect", r.effect());
      e.put("verdict", r.verdict());
      ps.add(e);
    }
    c.put("pairs", ps);
    return c;
  }

  /** A ranking as JSON-ready maps (null for none). */
  public static Map<String, Object> rankingJson(Ranking r) {
    if (r == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problems_axis", r.problemsAxis());
    m.put("problems", r.problems().size());
    m.put("chi_squared", n(r.friedman().chiSquared()));
    m.put("df", r.friedman().df());
    m.put("p", n(r.friedman().p()));
    m.put("nemenyi_cd", n(r.criticalDifference()));
    Map<String, Object> ranks = new LinkedHashMap<>();
    for (int j = 0; j < r.labels().size(); j++) {
      ranks.put(r.labels().get(j), n(r.friedman().meanRanks()[j]));
    }
    m.put("mean_ranks", ranks);
    List<Object> groups = new ArrayList<>();
    for (int[] g : cliques(r)) {
      List<String> l = new ArrayList<>();
      for (int j : g) {
        l.add(r.labels().get(j));
      }
      groups.add(l);
    }
    m.put("not_different_groups", groups);
    return m;
  }

  private static Double n(double d) {
    return Double.isNaN(d) ? null : d;
  }

  /**
   * The maximal groups of strategies (indices, sorted by mean rank) whose mean ranks lie within one critical
   * difference of each other — the bars of a critical-difference diagram. Groups of one are left out.
   */
  public static List<int[]> cliques(Ranking r) {
    int k = r.labels().size();
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    double[] mr = r.friedman().meanRanks();
    Arrays.sort(order, (a, b) -> Double.compare(mr[a], mr[b]));
    List<int[]> out = new ArrayList<>();
    int lastEnd = -1;
    for (int i = 0; i < k; i++) {
      int e = i;
      while (e + 1 < k && mr[order[e + 1]] - mr[order[i]] < r.criticalDifference()) {
        e++;
      }
      if (e > i && e > lastEnd) {
        int[] g = new int[e - i + 1];
        for (int q = i; q <= e; q++) {
          g[q - i] = order[q];
        }
        out.add(g);
        lastEnd = e;
      }
    }
    return out;
  }

  /** A short text table of the final checkpoint and the Friedman ranking. */
  public String shortText() {
    StringBuilder sb = new StringBuilder();
    int w = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(8));
    Point f = finalPoint();
    sb.append(String.format(Locale.ROOT, "%s: final test regret%n", name));
    sb.append(String.format(Locale.ROOT, "%-" + w + "s %5s %10s %10s %10s %10s %9s%n", "strategy", "n", "mean", "median",
        "IQR", "se", "mean rank"));
    for (StrategyRow s : f.strategies()) {
      Descriptive d = s.stats();
      sb.append(String.format(Locale.ROOT, "%-" + w + "s %5d %10.3e %10.3e %10.3e %10.2e %9.2f%n", s.label(), d.n(),
          d.mean(), d.median(), d.iqr(), d.se(), s.meanRank()));
    }
    sb.append(String.format(Locale.ROOT, "pairs (rank-sum test, Holm over %d pairs, α = %s; A12 = P(first lower)):%n",
        f.pairs().size(), ALPHA));
    for (PairRow r : f.pairs()) {
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s vs %-" + w + "s p_holm %-9s A12 %.3f (%s): %s%n",
          r.strategy(), r.versus(), r.test() == null ? "-" : String.format(Locale.ROOT, "%.2e", r.pHolm()), r.a12(),
          r.effect(), r.verdict()));
    }
    sb.append(rankingText(ranking));
    return sb.toString();
  }

  /** A ranking as text. */
  public static String rankingText(Ranking r) {
    if (r == null) {
      return "Friedman: no checkpoint at which every run has an incumbent\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Friedman over %d problems (%s checkpoints): χ² = %.3f, df = %d, p = %.3e;"
        + " Nemenyi CD (α = %s) = %.3f%n", r.problems().size(), r.problemsAxis(), r.friedman().chiSquared(),
        r.friedman().df(), r.friedman().p(), ALPHA, r.criticalDifference()));
    sb.append("mean ranks (1 = lowest regret):");
    for (int j = 0; j < r.labels().size(); j++) {
      sb.append(String.format(Locale.ROOT, " %s %.2f", r.labels().get(j), r.friedman().meanRanks()[j]));
    }
    sb.append('\n');
    return sb.toString();
  }
}
