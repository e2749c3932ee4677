package nas4j.bench.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.Optimum;
import nas4j.space.Neighbours;
import nas4j.space.SpaceIndex;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The landscape figures a search comparison depends on, real against surrogate: the optima, the top tail of
 * single repeats, what random search sees, one-edit locality, the repeat spread at the top and how broken runs
 * cluster. Real values come from a sample of real single repeats (one per cell), the complete records and the
 * published optima; the surrogate's from a benchmark. Immutable.
 *
 * <p>Locality pairs: for every sample cell, each single edit of its canonical matrix (pruned, hashed) that gives
 * another sample cell makes a pair (unordered, counted once, ordered by module hash). Cells in more than
 * {@value #HUB_PAIRS} pairs (e.g. input→output, which many edits prune into) are hubs and their pairs are left
 * out. Pearson uses the pairs whose two values both exceed 0.80 in the series measured (each series filtered on
 * its own values); Spearman uses all pairs.
 *
 * @param rows the figures, in report order
 */
public record LandscapeFidelity(List<Row> rows) {
  /** Cells in more pairs than this are hubs. */
  public static final int HUB_PAIRS = 50;
  /** Random-search sample sizes. */
  public static final int[] RANDOM_SIZES = {10, 100, 1000};
  /** Draws per random-search size. */
  public static final int DRAWS = 400;

  public LandscapeFidelity {
    rows = List.copyOf(rows);
  }

  /**
   * One figure.
   *
   * @param key stable snake_case name
   * @param real the real value (NaN where there is none)
   * @param surrogate the surrogate's value
   * @param note how it was measured
   */
  public record Row(String key, double real, double surrogate, String note) {}

  /** The row named {@code key}. */
  public Row row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no landscape figure " + key));
  }

  /**
   * Measures the figures.
   *
   * @param bench the surrogate
   * @param sampleIds dense ids of the real sample's cells
   * @param sampleValidation108 their real single-repeat validation accuracy at 108 epochs
   * @param recordStdsTop repeat standard deviations of the complete records whose mean exceeds 0.93
   */
  public static LandscapeFidelity of(Benchmark bench, int[] sampleIds, double[] sampleValidation108,
      double[] recordStdsTop) {
    SpaceIndex space = bench.space();
    int n = space.size();
    float[] runs = bench.table().column(bench.budgetIndex(108), Metric.FINAL_VALIDATION_ACCURACY);
    int reps = bench.repeats();
    List<Row> rows = new ArrayList<>();
    Optimum o = bench.optimum();
    rows.add(new Row("best_mean_validation", Optimum.PUBLISHED_BEST_VALIDATION, o.bestValidation(),
        "over all cells (real: published)"));
    rows.add(new Row("best_mean_test", Optimum.PUBLISHED_BEST_TEST, o.bestTest(), "over all cells (real: published)"));
    rows.add(new Row("best_validation_minus_best_test", Optimum.PUBLISHED_BEST_VALIDATION - Optimum.PUBLISHED_BEST_TEST,
        o.bestValidation() - o.bestTest(), "gap between the two optima"));
    for (double t : new double[] {0.93, 0.94, 0.945, 0.95}) {
      long real = Arrays.stream(sampleValidation108).filter(v -> v >= t).count();
      long sur = 0;
      for (float v : runs) {
        if (v >= t) {
          sur++;
        }
      }
      rows.add(new Row(String.format(Locale.ROOT, "share_single_repeats_at_least_%.3f", t),
          real / (double) sampleValidation108.length, sur / (double) runs.length,
          "real: sample cells; surrogate: every repeat of every cell"));
    }
    double maxReal = Arrays.stream(sampleValidation108).max().orElse(Double.NaN);
    double maxSur = Double.NEGATIVE_INFINITY;
    for (float v : runs) {
      maxSur = Math.max(maxSur, v);
    }
    rows.add(new Row("highest_single_repeat", maxReal, maxSur, "real: sample; surrogate: every repeat of every cell"));
    for (int size : RANDOM_SIZES) {
      SplittableRandom rr = new SplittableRandom(1000 + size);
      SplittableRandom rs = new SplittableRandom(2000 + size);
      double sumReal = 0;
      double sumSur = 0;
      for (int d = 0; d < DRAWS; d++) {
        double bestReal = Double.NEGATIVE_INFINITY;
        double bestSur = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
          bestReal = Math.max(bestReal, sampleValidation108[rr.nextInt(sampleValidation108.length)]);
          bestSur = Math.max(bestSur, runs[rs.nextInt(n) * reps + rs.nextInt(reps)]);
        }
        sumReal += bestReal;
        sumSur += bestSur;
      }
      rows.add(new Row("random_best_of_" + size, sumReal / DRAWS, sumSur / DRAWS,
          "mean over " + DRAWS + " draws of the best single repeat among " + size + " random cells"));
    }
    // locality on the sample's one-edit pairs
    List<int[]> pairs = pairs(space, sampleIds);
    double[] real = new double[n];
    Arrays.fill(real, Double.NaN);
    for (int i = 0; i < sampleIds.length; i++) {
      real[sampleIds[i]] = sampleValidation108[i];
    }
    double[] sur = new double[n];
    for (int id = 0; id < n; id++) {
      sur[id] = runs[id * reps + Math.min(1, reps - 1)];
    }
    rows.add(new Row("neighbour_pearson", pearsonAbove(pairs, real, 0.8), pearsonAbove(pairs, sur, 0.8),
        pairs.size() + " one-edit pairs of sample cells (no hubs), both values > 0.80 in the series; surrogate repeat 1"));
    rows.add(new Row("neighbour_spearman", spearman(pairs, real), spearman(pairs, sur),
        "the same pairs, all of them"));
    int[] other = java.util.stream.IntStream.range(0, n)
        .filter(id -> Long.remainderUnsigned(space.hash(id).high(), 21) == 0).toArray();
    List<int[]> otherPairs = pairs(space, other);
    rows.add(new Row("neighbour_pearson_other_cells", Double.NaN, pearsonAbove(otherPairs, sur, 0.8),
        otherPairs.size() + " pairs among " + other.length + " other cells (module hash's first 64 bits divisible by 21)"));
    rows.add(new Row("neighbour_spearman_other_cells", Double.NaN, spearman(otherPairs, sur), "the same pairs, all"));
    rows.add(new Row("broken_neighbour_share", brokenNeighbours(pairs, real), brokenNeighbours(pairs, sur),
        "of the pairs with one value below 0.80, the share whose other value is below 0.80 too"));
    rows.add(new Row("broken_share", Arrays.stream(sampleValidation108).filter(v -> v < 0.8).count()
        / (double) sampleValidation108.length, below(runs, 0.8) / (double) runs.length, "single repeats below 0.80"));
    // repeat spread at the top
    List<Double> stds = new ArrayList<>();
    for (int id = 0; id < n; id++) {
      double m = 0;
      for (int r = 0; r < reps; r++) {
        m += runs[id * reps + r] / (double) reps;
      }
      if (m > 0.93) {
        double ss = 0;
        for (int r = 0; r < reps; r++) {
          ss += (runs[id * reps + r] - m) * (runs[id * reps + r] - m);
        }
        stds.add(Math.sqrt(ss / (reps - 1)));
      }
    }
    rows.add(new Row("median_repeat_std_mean_above_0.93", new Median().evaluate(recordStdsTop),
        new Median().evaluate(stds.stream().mapToDouble(Double::doubleValue).toArray()),
        "real: complete records; surrogate: every cell"));
    return new LandscapeFidelity(rows);
  }

  /**
   * Measures the figures for {@code bench} against the real sample ({@code sample-20k.csv} layout) and the complete
   * records ({@code get_metrics_from_hash} layout); errors name the file.
   */
  public static LandscapeFidelity measure(Benchmark bench, java.nio.file.Path sampleCsv,
      java.nio.file.Path completeRecords) throws java.io.IOException {
    RealSample sample = RealSample.read(sampleCsv, bench.space());
    List<double[][]> runs = NoiseEstimator.runs108(NoiseEstimator.readRecords(completeRecords), completeRecords);
    List<Double> top = new ArrayList<>();
    for (double[][] r : runs) {
      double m = (r[0][6] + r[1][6] + r[2][6]) / 3;
      if (m > 0.93) {
        double ss = 0;
        for (double[] run : r) {
          ss += (run[6] - m) * (run[6] - m);
        }
        top.add(Math.sqrt(ss / 2));
      }
    }
    return of(bench, sample.ids(), sample.validation()[3], top.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The sample's one-edit pairs without hubs, each ordered by module hash (text order). */
  static List<int[]> pairs(SpaceIndex space, int[] ids) {
    java.util.BitSet in = new java.util.BitSet();
    for (int id : ids) {
      in.set(id);
    }
    int[][] nb = java.util.stream.IntStream.of(ids).parallel()
        .mapToObj(a -> Neighbours.ids(space.cell(a), space)).toArray(int[][]::new);
    java.util.TreeSet<Long> unique = new java.util.TreeSet<>();
    for (int i = 0; i < ids.length; i++) {
      for (int b : nb[i]) {
        if (in.get(b) && b != ids[i]) {
          unique.add(Math.min(ids[i], b) * (long) Integer.MAX_VALUE + Math.max(ids[i], b));
        }
      }
    }
    Map<Integer, Integer> degree = new HashMap<>();
    for (long u : unique) {
      degree.merge((int) (u / Integer.MAX_VALUE), 1, Integer::sum);
      degree.merge((int) (u % Integer.MAX_VALUE), 1, Integer::sum);
    }
    List<int[]> out = new ArrayList<>();
    for (long u : unique) {
      int a = (int) (u / Integer.MAX_VALUE);
      int b = (int) (u % Integer.MAX_VALUE);
      if (degree.get(a) <= HUB_PAIRS && degree.get(b) <= HUB_PAIRS) {
        boolean aFirst = space.hash(a).toString().compareTo(space.hash(b).toString()) < 0;
        out.add(aFirst ? new int[] {a, b} : new int[] {b, a});
      }
    }
    return out;
  }

  static double pearsonAbove(List<int[]> pairs, double[] v, double floor) {
    List<double[]> xy = new ArrayList<>();
    for (int[] p : pairs) {
      if (v[p[0]] > floor && v[p[1]] > floor) {
        xy.add(new double[] {v[p[0]], v[p[1]]});
      }
    }
    return new PearsonsCorrelation().correlation(xy.stream().mapToDouble(q -> q[0]).toArray(),
        xy.stream().mapToDouble(q -> q[1]).toArray());
  }

  static double spearman(List<int[]> pairs, double[] v) {
    return new SpearmansCorrelation().correlation(pairs.stream().mapToDouble(p -> v[p[0]]).toArray(),
        pairs.stream().mapToDouble(p -> v[p[1]]).toArray());
  }

  private static double brokenNeighbours(List<int[]> pairs, double[] v) {
    int withOne = 0;
    int both = 0;
    for (int[] p : pairs) {
      boolean a = v[p[0]] < 0.8;
      boolean b = v[p[1]] < 0.8;
      if (a || b) {
        withOne++;
        if (a && b) {
          both++;
        }
      }
    }
    return withOne == 0 ? Double.NaN : both / (double) withOne;
  }

  private static long below(float[] x, double t) {
    long c = 0;
    for (float v : x) {
      if (v < t) {
        c++;
      }
    }
    return c;
  }

  /** JSON-friendly form. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Row r : rows) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("real", Double.isNaN(r.real()) ? null : r.real());
      x.put("surrogate", r.surrogate());
      x.put("how", r.note());
      m.put(r.key(), x);
    }
    return m;
  }

  /** A Markdown table. */
  public String toText() {
    StringBuilder sb = new StringBuilder("| figure | real | surrogate | how |\n|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.5f | %s |%n", r.key(),
          Double.isNaN(r.real()) ? "—" : String.format(Locale.ROOT, "%.5f", r.real()), r.surrogate(), r.note()));
    }
    return sb.toString();
  }
}
