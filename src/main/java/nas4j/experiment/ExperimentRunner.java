package nas4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import nas4j.bench.Benchmark;
import nas4j.util.AtomicFiles;

/**
 * Runs (or resumes) an experiment batch into its output folder: checks the folder, executes the missing runs
 * ({@link RunExecutor}) into part files ({@link PartStore}), assembles the outputs in a fixed order (strategies as
 * configured, seeds as listed) so they are byte-identical whatever the thread count (except the strategy CPU-time
 * columns and run.json's clock times), writes summary.csv and run.json ({@link RunMetadata}), then calls the
 * {@link Options#hooks() end hooks}. Not reusable across threads; one runner per batch.
 */
public final class ExperimentRunner {
  /** Runs.csv header (the last column, strategy CPU seconds, is not deterministic). */
  public static final String RUNS_HEADER = PartStore.RUNS_HEADER;
  public static final String FORMAT = RunMetadata.FORMAT;

  /**
   * How to run.
   *
   * @param resume continue an existing folder of the same config
   * @param allowOptimumMismatch accept an official file whose optimum differs from the published constants
   * @param progress how to show progress
   * @param log where messages and progress go
   * @param select the runs this invocation executes and assembles (all by default)
   * @param hooks called in order once the outputs are written (e.g. extra reports)
   */
  public record Options(boolean resume, boolean allowOptimumMismatch, Progress.Mode progress, PrintStream log,
      Predicate<RunKey> select, List<EndHook> hooks) {
    public Options {
      select = select == null ? k -> true : select;
      hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    public Options(boolean resume, boolean allowOptimumMismatch, Progress.Mode progress, PrintStream log) {
      this(resume, allowOptimumMismatch, progress, log, null, null);
    }

    public static Options quiet() {
      return new Options(false, false, Progress.Mode.NONE, new PrintStream(OutputStream.nullOutputStream()));
    }

    public Options withResume(boolean r) {
      return new Options(r, allowOptimumMismatch, progress, log, select, hooks);
    }

    public Options withSelect(Predicate<RunKey> s) {
      return new Options(resume, allowOptimumMismatch, progress, log, s, hooks);
    }

    public Options withHook(EndHook h) {
      List<EndHook> l = new ArrayList<>(hooks);
      l.add(h);
      return new Options(resume, allowOptimumMismatch, progress, log, select, l);
    }
  }

  /** Called once a batch's outputs are written, before run.json says "complete"; may write more files into it. */
  @FunctionalInterface
  public interface EndHook {
    void finished(Batch batch) throws IOException;
  }

  /** A finished batch, as seen by an {@link EndHook}. */
  public record Batch(Experiment experiment, Benchmark benchmark, Path output, List<RunKey> runs, PartStore parts,
      SummaryTable summary) {}

  /** What a batch produced. */
  public record Report(Path output, int runs, int executed, int resumed, double wallSeconds, String shortTable,
      String configHash) {}

  private final Experiment experiment;
  private final BenchmarkSource source;
  private final Benchmark benchmark;
  private final Options options;
  private final Path out;
  private final PartStore store;
  private final RunMetadata metadata;

  public ExperimentRunner(Experiment experiment, BenchmarkSource source, Options options) {
    this.experiment = experiment;
    this.source = source;
    this.benchmark = source.benchmark();
    for (BoundStrategy st : experiment.strategies()) {
      int e = st.oracle().epochs();
      if (Arrays.stream(benchmark.epochBudgets()).noneMatch(b -> b == e)) {
        throw new IllegalArgumentException("epochs: " + e + " is not a budget of " + benchmark.identity()
            + "; available: " + Arrays.toString(benchmark.epochBudgets()));
      }
      checkFidelities(st, benchmark);
    }
    this.options = options;
    this.out = experiment.output();
    this.store = new PartStore(out);
    this.metadata = new RunMetadata(experiment, source);
  }

  /**
   * A multi-fidelity strategy needs every budget it queries in the benchmark (the official only108 file has 108
   * epochs only) and the incumbent's budget ({@code epochs}) to be its largest one.
   */
  static void checkFidelities(BoundStrategy st, Benchmark benchmark) {
    int[] f = StrategyBinder.fidelities(st.provider(), st.params());
    if (f.length == 0) {
      return;
    }
    String who = "strategy '" + st.provider().name() + "'"
        + (st.label().equals(st.provider().name()) ? "" : " (label " + st.label() + ")");
    int[] have = benchmark.epochBudgets();
    List<Integer> missing = new ArrayList<>();
    int max = Integer.MIN_VALUE;
    for (int b : f) {
      max = Math.max(max, b);
      if (Arrays.stream(have).noneMatch(h -> h == b)) {
        missing.add(b);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(who + " is multi-fidelity: it queries epoch budgets "
          + Arrays.toString(f) + ", but " + benchmark.identity() + " has only " + Arrays.toString(have)
          + " (missing " + missing + "); use nasbench_full.tfrecord or the surrogate, or a single-fidelity "
          + "strategy");
    }
    if (st.oracle().epochs() != max || st.oracle().stopHalfway()) {
      throw new IllegalArgumentException(who + " is multi-fidelity with budgets " + Arrays.toString(f)
          + ": epochs must be its largest budget, " + max + " (the incumbent is chosen among queries at 'epochs'); "
          + "got epochs: " + st.oracle().epochs() + (st.oracle().stopHalfway() ? " (halfway)" : ""));
    }
  }

  /** The resolved settings that define the results (not threads, output folder, trace mode or CPU timing). */
  public Map<String, Object> resolvedConfig() {
    return metadata.resolvedConfig();
  }

  /** SHA-256 of the resolved config's JSON. */
  public String configHash() {
    return metadata.configHash();
  }

  /** Every run of the experiment, in output order (strategies as configured, seeds as listed). */
  public List<RunKey> allRuns() {
    List<RunKey> all = new ArrayList<>();
    for (int si = 0; si < experiment.strategies().size(); si++) {
      for (long seed : experiment.seeds()) {
        all.add(new RunKey(si, experiment.strategies().get(si).label(), seed));
      }
    }
    return all;
  }

  /** Runs (or resumes) the batch and writes all outputs. */
  public Report run() throws IOException {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    String hash = configHash();
    JsonNode previous = checkFolder(hash);
    boolean full = experiment.trace() == TraceMode.FULL;
    boolean previousComplete = previous != null && "complete".equals(previous.path("status").asText())
        && full && "full".equals(previous.path("trace").asText());
    store.create();
    metadata.write(out, hash, started, null, "running", 0, 0, 0);

    List<RunKey> all = allRuns().stream().filter(options.select()).toList();
    List<RunKey> pending = new ArrayList<>();
    for (RunKey k : all) {
      if (!store.isComplete(k, full && !previousComplete)) {
        pending.add(k);
      }
    }
    int resumed = all.size() - pending.size();
    if (resumed > 0) {
      options.log().printf(Locale.ROOT, "%s: resuming: %d of %d runs already complete%n", experiment.name(), resumed,
          all.size());
    }
    if (!pending.isEmpty()) {
      try (Progress progress = Progress.create(options.progress(), options.log(), experiment.name(), pending.size())) {
        new RunExecutor(experiment, benchmark, store).execute(pending, progress);
      }
    }
    store.assembleRuns(all);
    boolean traceWritten = store.assembleTrace(all, experiment.trace(), previousComplete);
    SummaryTable summary = summarize(all);
    AtomicFiles.write(out.resolve("summary.csv"), summary.toCsv());
    if (traceWritten) {
      store.deleteFull(all);
    }
    Batch batch = new Batch(experiment, benchmark, out, all, store, summary);
    for (EndHook h : options.hooks()) {
      h.finished(batch);
    }
    metadata.write(out, hash, started, Instant.now(), "complete", all.size(), pending.size(), resumed);
    return new Report(out, all.size(), pending.size(), resumed, (System.nanoTime() - t0) / 1e9,
        summary.shortTable(5), hash);
  }

  private JsonNode checkFolder(String hash) throws IOException {
    JsonNode prev = RunMetadata.read(out);
    if (prev == null) {
      if (!store.isEmpty()) {
        throw new IllegalArgumentException(out + " holds partial results (.parts/) but no run.json; delete the"
            + " folder or choose another --out");
      }
      return null;
    }
    String old = prev.path("config_hash").asText("");
    if (!old.equals(hash)) {
      throw new IllegalArgumentException(out + " holds results of a different experiment (config hash "
          + abbrev(old) + ", this config " + abbrev(hash) + "; see the 'config' in its run.json); refusing to mix"
          + " them: choose another --out or delete the folder");
    }
    if (!options.resume()) {
      throw new IllegalArgumentException(out + " already holds results of this experiment (status "
          + prev.path("status").asText("?") + "); use --resume to complete or reuse them, or choose another --out");
    }
    return prev;
  }

  private static String abbrev(String h) {
    return h.length() > 12 ? h.substring(0, 12) + "…" : h.isEmpty() ? "(none)" : h;
  }

  private SummaryTable summarize(List<RunKey> all) {
    List<RunSteps> steps = new ArrayList<>(all.size());
    for (RunKey k : all) {
      steps.add(store.steps(k));
    }
    List<String> labels = experiment.strategies().stream().map(BoundStrategy::label).toList();
    return SummaryTable.of(labels, steps);
  }
}
