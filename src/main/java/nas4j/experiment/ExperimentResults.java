package nas4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A finished experiment read back from its output folder: run.json (labels, seeds, budget, provenance) and each
 * run's regret steps, from the part files under {@code .parts/} when they are all there, otherwise from
 * trace.csv (thinned or full; a full trace is thinned while it is read). Bad or incomplete folders are
 * {@link IllegalArgumentException}s naming the file and line. Immutable.
 */
public final class ExperimentResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final JsonNode runJson;
  private final List<String> labels;
  private final List<Long> seeds;
  private final String budgetAxis;
  private final List<RunKey> runs;
  private final Function<RunKey, RunSteps> steps;

  /**
   * @param runs the runs, in run order (strategies as configured, seeds as listed)
   * @param steps a run's regret steps: read when needed (from its part file), so that no more than one run's
   *     steps need be held at a time
   */
  private ExperimentResults(Path dir, JsonNode runJson, List<String> labels, List<Long> seeds, String budgetAxis,
      List<RunKey> runs, Function<RunKey, RunSteps> steps) {
    this.dir = dir;
    this.runJson = runJson;
    this.labels = labels;
    this.seeds = seeds;
    this.budgetAxis = budgetAxis;
    this.runs = List.copyOf(runs);
    this.steps = steps;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The experiment's name (run.json). */
  public String name() {
    return runJson.path("name").asText(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
  }

  /** run.json as read. */
  public JsonNode runJson() {
    return runJson;
  }

  /** Strategy labels in configured order. */
  public List<String> labels() {
    return labels;
  }

  /** Seed values in configured order. */
  public List<Long> seeds() {
    return seeds;
  }

  /** The axis of the experiment's budget: {@code queries} for a query budget, otherwise {@code time}. */
  public String budgetAxis() {
    return budgetAxis;
  }

  /**
   * The summary, the statistics and each strategy's final test regrets, computed in two passes over the runs, one
   * run at a time: the first finds the grids' extent, the second adds each run to the summary (held one strategy at
   * a time) and to the statistics' input (one double per checkpoint and run). So memory does not grow with the
   * length of the traces, only by about a kilobyte per run (docs/cluster.md, "Memory").
   */
  Aggregates aggregate() {
    SummaryTable.Extent extent = new SummaryTable.Extent();
    for (RunKey k : runs) {
      extent.add(steps.apply(k));
    }
    SummaryTable.Builder summary = new SummaryTable.Builder(labels, extent, checkpoints(runJson), budget(runJson));
    Comparison.Collector statistics = new Comparison.Collector(name(), labels, seeds, extent, budgetAxis);
    List<RunKey> byStrategy = new ArrayList<>(runs);
    byStrategy.sort(java.util.Comparator.comparingInt(RunKey::strategyIndex)); // stable: run order kept
    for (RunKey k : byStrategy) {
      RunSteps r = steps.apply(k);
      summary.add(r);
      statistics.add(r);
    }
    return new Aggregates(summary.build(), statistics.build(), statistics.finalValues());
  }

  /**
   * What the end-of-run files are made of.
   *
   * @param finals each strategy's final test regrets, in seed order (runs without one left out)
   */
  record Aggregates(SummaryTable summary, Comparison comparison, double[][] finals) {}

  /** The summary of the runs (the same as the folder's summary.csv). */
  public SummaryTable summary() {
    return aggregate().summary();
  }

  /** The budget recorded in run.json's config, or null. */
  private static nas4j.bench.Budget budget(JsonNode runJson) {
    JsonNode config = runJson.path("config");
    nas4j.bench.Budget budget = null;
    java.util.Iterator<java.util.Map.Entry<String, JsonNode>> b = config.path("budget").fields();
    if (b.hasNext()) {
      java.util.Map.Entry<String, JsonNode> e = b.next();
      budget = new nas4j.bench.Budget(nas4j.bench.Budget.Kind.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)),
          e.getValue().asDouble());
    }
    return budget;
  }

  /** The checkpoints recorded in run.json's config (as summary.csv has them). */
  private static Checkpoints checkpoints(JsonNode runJson) {
    JsonNode cp = runJson.path("config").path("checkpoints");
    return new Checkpoints(grid(cp.path("seconds")), grid(cp.path("queries")));
  }

  /** An axis of run.json's checkpoints: "log" (or absent), a list of points, or {step: x}. */
  private static Checkpoints.Grid grid(JsonNode n) {
    if (n.isArray()) {
      List<Double> points = new ArrayList<>();
      n.forEach(x -> points.add(x.asDouble()));
      return Checkpoints.Grid.of(points);
    }
    if (n.has("step")) {
      return Checkpoints.Grid.every(n.path("step").asDouble());
    }
    return Checkpoints.Grid.LOG;
  }

  /** The statistics of the runs (the same as the folder's comparison.csv and friedman.csv). */
  public Comparison comparison() {
    return aggregate().comparison();
  }

  /**
   * The results of a batch that has just finished ({@link EndOfRun}): provenance from the folder's run.json as it
   * stands (before its status becomes "complete"), and the regret steps of {@code runs} (the runs that did not fail,
   * in run order).
   */
  static ExperimentResults of(Path dir, List<RunKey> runs, Function<RunKey, RunSteps> steps) throws IOException {
    JsonNode m = RunMetadata.read(dir);
    if (m == null) {
      throw new IllegalArgumentException(dir + ": no run.json");
    }
    Path meta = dir.resolve("run.json");
    return new ExperimentResults(dir, m, labels(meta, m), seeds(meta, m), axis(m), runs, steps);
  }

  private static List<String> labels(Path meta, JsonNode m) {
    List<String> labels = new ArrayList<>();
    for (JsonNode s : m.path("config").path("strategies")) {
      labels.add(s.path("label").asText());
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException(meta + ": config.strategies and config.seeds must list the runs");
    }
    return List.copyOf(labels);
  }

  private static List<Long> seeds(Path meta, JsonNode m) {
    List<Long> seeds = new ArrayList<>();
    for (JsonNode s : m.path("config").path("seeds")) {
      seeds.add(s.asLong());
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException(meta + ": config.strategies and config.seeds must list the runs");
    }
    return List.copyOf(seeds);
  }

  private static String axis(JsonNode m) {
    return m.path("config").path("budget").has("queries") ? "queries" : "time";
  }

  /** Reads a finished experiment's folder. */
  public static ExperimentResults load(Path dir) throws IOException {
    Path meta = dir.resolve("run.json");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a folder");
    }
    if (!Files.isRegularFile(meta)) {
      throw new IllegalArgumentException(dir + ": not a nas4j experiment folder (no run.json)");
    }
    JsonNode m;
    try {
      m = JSON.readTree(meta.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(meta + ": not a nas4j run.json (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (m == null || !ExperimentRunner.FORMAT.equals(m.path("format").asText())) {
      throw new IllegalArgumentException(meta + ": not a nas4j run.json (format is not " + ExperimentRunner.FORMAT
          + ")");
    }
    if (!"complete".equals(m.path("status").asText())) {
      throw new IllegalArgumentException(meta + ": status '" + m.path("status").asText() + "': the experiment has not"
          + " finished; complete it with nas4j run --resume");
    }
    List<String> labels = labels(meta, m);
    List<Long> seeds = seeds(meta, m);
    String axis = axis(m);

    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    Path parts = dir.resolve(".parts");
    boolean allParts = true;
    List<RunKey> runs = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      for (long seed : seeds) {
        runs.add(new RunKey(i, labels.get(i), seed));
        allParts &= Files.isRegularFile(partFile(parts, runs.get(runs.size() - 1)));
      }
    }
    Function<RunKey, RunSteps> steps;
    if (allParts) { // read one run at a time, when needed
      steps = k -> {
        try {
          return nonEmpty(dir, k, readTrace(partFile(parts, k), false, index, k).get(k));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(partFile(parts, k) + ": " + e.getMessage(), e);
        }
      };
    } else {
      Path trace = dir.resolve("trace.csv");
      if (!Files.isRegularFile(trace)) {
        throw new IllegalArgumentException(dir + ": neither .parts/ nor trace.csv hold the runs' regret steps: with"
            + " trace: none they are kept only in .parts/ (deleted here?); a folder made by nas4j merge from trace: none"
            + " shards has neither, and merge wrote its report.html itself: run nas4j merge again to rewrite it");
      }
      Map<RunKey, RunSteps> found = readTrace(trace, true, index, null);
      for (RunKey k : runs) {
        nonEmpty(dir, k, found.get(k));
      }
      steps = found::get;
    }
    return new ExperimentResults(dir, m, labels, seeds, axis, runs, steps);
  }

  private static Path partFile(Path parts, RunKey k) {
    return parts.resolve(k.label()).resolve("seed-" + k.seed() + ".steps.csv");
  }

  private static RunSteps nonEmpty(Path dir, RunKey k, RunSteps r) {
    if (r == null || r.size() == 0) {
      throw new IllegalArgumentException(dir + ": no trace rows for run " + k.label() + " seed " + k.seed());
    }
    return r;
  }

  /**
   * Reads trace rows (a trace.csv with header, or a part file without), keeping the rows where either regret
   * changes and each run's last row; {@code only} (if not null) is the run every row must belong to.
   */
  private static Map<RunKey, RunSteps> readTrace(Path file, boolean header, Map<String, Integer> index, RunKey only)
      throws IOException {
    Map<RunKey, Builder> builders = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      // part files have no header: the current layout; trace.csv says where its columns are (older files too)
      int[] col = {RunSteps.CHARGED, RunSteps.TIME, RunSteps.VALID_REGRET, RunSteps.TEST_REGRET};
      if (header) {
        line = in.readLine();
        no++;
        String[] names = {"charged", "time", "valid_regret", "test_regret"};
        for (int i = 0; i < names.length && line != null; i++) {
          col[i] = RunSteps.column(line, names[i]);
        }
        if (line == null || !line.startsWith("strategy,seed,") || Arrays.stream(col).anyMatch(c -> c < 0)) {
          throw new IllegalArgumentException(file + ":1: not a nas4j trace (the header needs strategy, seed,"
              + " charged, time, valid_regret and test_regret)");
        }
      }
      int width = Arrays.stream(col).max().getAsInt() + 1;
      Builder current = null;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length < width) {
          throw new IllegalArgumentException(file + ":" + no + ": expected at least " + width + " fields; got "
              + f.length);
        }
        RunKey k;
        long charged;
        double time;
        double valid;
        double test;
        try {
          Integer si = index.get(f[0]);
          if (si == null) {
            throw new IllegalArgumentException(file + ":" + no + ": strategy '" + f[0] + "' is not in run.json");
          }
          k = new RunKey(si, f[0], Long.parseLong(f[1]));
          charged = Long.parseLong(f[col[0]]);
          time = Csv.parse(f[col[1]]);
          valid = Csv.parse(f[col[2]]);
          test = Csv.parse(f[col[3]]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ":" + no + ": not a number (" + e.getMessage() + ")");
        }
        if (only != null && !only.equals(k)) {
          throw new IllegalArgumentException(file + ":" + no + ": row of run " + k + " in the part file of " + only);
        }
        if (current == null || !current.key.equals(k)) {
          if (current != null) {
            current.finish();
          }
          current = builders.computeIfAbsent(k, Builder::new);
        }
        current.add(charged, time, valid, test);
      }
      if (current != null) {
        current.finish();
      }
    }
    Map<RunKey, RunSteps> out = new LinkedHashMap<>();
    builders.forEach((k, b) -> out.put(k, b.build()));
    return out;
  }

  /** Collects one run's rows, keeping changes of either regret and the last row. */
  private static final class Builder {
    final RunKey key;
    final List<double[]> rows = new ArrayList<>();
    double[] pending; // the latest row not kept (kept if it turns out to be the last)

    Builder(RunKey key) {
      this.key = key;
    }

    void add(long charged, double time, double valid, double test) {
      double[] row = {charged, time, valid, test};
      double[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last == null || !same(last[2], valid) || !same(last[3], test)) {
        rows.add(row);
        pending = null;
      } else {
        pending = row;
      }
    }

    void finish() {
      if (pending != null) {
        rows.add(pending);
        pending = null;
      }
    }

    private static boolean same(double a, double b) {
      return Double.compare(a, b) == 0;
    }

    RunSteps build() {
      int n = rows.size();
      long[] c = new long[n];
      double[] t = new double[n];
      double[] v = new double[n];
      double[] te = new double[n];
      for (int i = 0; i < n; i++) {
        double[] r = rows.get(i);
        c[i] = (long) r[0];
        t[i] = r[1];
        v[i] = r[2];
        te[i] = r[3];
      }
      return new RunSteps(key, c, t, v, te);
    }
  }
}
