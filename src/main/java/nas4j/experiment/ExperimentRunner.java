package nas4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import nas4j.bench.Benchmark;

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
  /** Time points of the end-of-run table: three keep it within 100 columns for labels up to 12 characters. */
  static final int SHORT_TABLE_TIMES = 3;

  /**
   * How to run.
   *
   * @param resume continue an existing folder of the same config
   * @param allowOptimumMismatch accept an official file whose optimum differs from the published constants
   * @param progress how to show progress
   * @param log where messages and progress go
   * @param select the runs this invocation executes and assembles (all by default)
   * @param hooks called in order once the outputs are written (e.g. extra reports)
   * @param shard null, or the one shard of the runs this invocation executes into its own folder
   *     ({@code <output>/shard-I-of-N-<config hash>/}, see {@link Shard}); {@link ShardMerge} joins the shards
   * @param report whether the end of the batch also writes report.html ({@link HtmlReport})
   */
  public record Options(boolean resume, boolean allowOptimumMismatch, Progress.Mode progress, PrintStream log,
      Predicate<RunKey> select, List<EndHook> hooks, Shard shard, boolean report) {
    public Options {
      select = select == null ? k -> true : select;
      hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    public Options(boolean resume, boolean allowOptimumMismatch, Progress.Mode progress, PrintStream log) {
      this(resume, allowOptimumMismatch, progress, log, null, null, null, false);
    }

    public static Options quiet() {
      return new Options(false, false, Progress.Mode.NONE, new PrintStream(OutputStream.nullOutputStream()));
    }

    public Options withResume(boolean r) {
      return new Options(r, allowOptimumMismatch, progress, log, select, hooks, shard, report);
    }

    public Options withSelect(Predicate<RunKey> s) {
      return new Options(resume, allowOptimumMismatch, progress, log, s, hooks, shard, report);
    }

    public Options withHook(EndHook h) {
      List<EndHook> l = new ArrayList<>(hooks);
      l.add(h);
      return new Options(resume, allowOptimumMismatch, progress, log, select, l, shard, report);
    }

    public Options withShard(Shard s) {
      return new Options(resume, allowOptimumMismatch, progress, log, select, hooks, s, report);
    }

    public Options withReport(boolean r) {
      return new Options(resume, allowOptimumMismatch, progress, log, select, hooks, shard, r);
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

  /**
   * What a batch produced.
   *
   * @param upToDate true if the folder already held the complete results of this config and nothing was run
   * @param failed the runs whose strategy failed, with their errors, in output order
   * @param report report.html, or null if it was not written by this invocation
   */
  public record Report(Path output, int runs, int executed, int resumed, double wallSeconds, String shortTable,
      String configHash, boolean upToDate, List<FailedRun> failed, Path report) {
    public Report {
      failed = List.copyOf(failed);
    }
  }

  /** A run whose strategy failed ({@code stop = error}), and why; left out of summary.csv, redone by --resume. */
  public record FailedRun(RunKey run, String error) {
    @Override
    public String toString() {
      return run.label() + " seed " + run.seed() + ": " + error;
    }
  }

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
    BenchmarkSource.requireComplete(benchmark, source.file());
    for (BoundStrategy st : experiment.strategies()) {
      int e = st.oracle().epochs();
      if (Arrays.stream(benchmark.epochBudgets()).noneMatch(b -> b == e)) {
        throw new IllegalArgumentException("epochs: " + e + " is not a budget of " + benchmark.identity()
            + "; available: " + Arrays.toString(benchmark.epochBudgets()));
      }
      checkFidelities(st, benchmark);
    }
    this.options = options;
    Shard shard = options.shard();
    if (shard == null) {
      this.out = experiment.output();
      this.metadata = new RunMetadata(experiment, source);
    } else {
      Map<String, Object> info = new java.util.LinkedHashMap<>(); // run.json's "shard" entry
      info.put("index", shard.index());
      info.put("count", shard.count());
      info.put("runs", shard.select(allRuns()).size());
      info.put("slicing", Shard.SLICING);
      this.metadata = new RunMetadata(experiment, source, info);
      this.out = experiment.output().resolve(shard.folderName(metadata.configHash()));
    }
    this.store = new PartStore(out);
  }

  /** The folder this runner writes: the experiment's output, or its shard's folder inside it. */
  public Path output() {
    return out;
  }

  /** The runs this invocation executes and assembles, in run order: its shard's (or all), through the filter. */
  private List<RunKey> selectedRuns() {
    List<RunKey> runs = options.shard() == null ? allRuns() : options.shard().select(allRuns());
    return runs.stream().filter(options.select()).toList();
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

  /**
   * Runs (or resumes) the batch and writes all outputs, holding the output folder's {@link OutputLock} meanwhile.
   * If the process is stopped (SIGINT, SIGTERM) the finished runs are kept, run.json says "interrupted" and the log
   * says how to resume; if a run fails, run.json says "failed".
   */
  public Report run() throws IOException {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    String hash = configHash();
    refuseForeignFolder(out);
    try (OutputLock lock = OutputLock.acquire(out)) {
      if (!lock.staleOwner().isEmpty()) {
        options.log().printf(Locale.ROOT, "%s: note: %s was left locked by a run that is no longer running (%s);"
            + " taking it over%n", experiment.name(), out, lock.staleOwner());
      }
      JsonNode previous = checkFolder(hash);
      if (previous != null && !options.resume() && upToDate(previous)) {
        options.log().printf(Locale.ROOT, "%s: %s already holds the complete results of this config (run.json of %s);"
            + " nothing to do (delete the folder to run again)%n", experiment.name(), out,
            previous.path("finished").asText("?"));
        return new Report(out, previous.path("runs").asInt(), 0, previous.path("runs").asInt(),
            (System.nanoTime() - t0) / 1e9, summaryShortTable(), hash, true, List.of(), null);
      }
      boolean full = experiment.trace() == TraceMode.FULL;
      boolean previousComplete = previous != null && "complete".equals(previous.path("status").asText())
          && full && "full".equals(previous.path("trace").asText());
      store.create();
      List<RunKey> all = selectedRuns();
      RunState state = new RunState(hash, started, all.size());
      metadata.write(out, hash, started, null, "running", 0, 0, 0);
      Thread hook = new Thread(() -> state.interrupted(), "nas4j-interrupted");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        List<RunKey> pending = new ArrayList<>();
        for (RunKey k : all) {
          PartStore.Check c = store.check(k, full && !previousComplete);
          if (c.damaged() != null) {
            options.log().printf(Locale.ROOT, "%s: warning: %s: %s; run %s is redone%n", experiment.name(),
                c.damaged().file(), c.damaged().problem(), k);
          }
          if (!c.complete()) {
            pending.add(k);
          }
        }
        int resumed = all.size() - pending.size();
        state.done.set(resumed);
        if (resumed > 0) {
          options.log().printf(Locale.ROOT, "%s: resuming: %d of %d runs already complete%n", experiment.name(),
              resumed, all.size());
        }
        if (!pending.isEmpty()) {
          try (Progress progress = Progress.create(options.progress(), options.log(), experiment.name(),
              pending.size())) {
            Progress counting = new Progress() {
              @Override
              public void step() {
                state.done.incrementAndGet();
                progress.step();
              }

              @Override
              public void close() {}
            };
            new RunExecutor(experiment, benchmark, store).execute(pending, counting);
          }
        }
        store.assembleRuns(all);
        boolean traceWritten = store.assembleTrace(all, experiment.trace(), previousComplete);
        List<FailedRun> failed = new ArrayList<>();
        for (RunKey k : all) {
          String error = store.error(k);
          if (error != null) {
            failed.add(new FailedRun(k, error));
            options.log().printf(Locale.ROOT, "%s: run %s seed %d FAILED: %s%n", experiment.name(), k.label(),
                k.seed(), error);
          }
        }
        List<RunKey> succeeded = all.stream().filter(k -> failed.stream().noneMatch(f -> f.run().equals(k)))
            .toList();
        EndOfRun.Written end = EndOfRun.write(out, succeeded, store::steps, options.report());
        SummaryTable summary = end.summary();
        if (traceWritten) {
          store.deleteFull(all);
        }
        Batch batch = new Batch(experiment, benchmark, out, all, store, summary);
        for (EndHook h : options.hooks()) {
          h.finished(batch);
        }
        state.finish(failed.isEmpty() ? "complete" : "failed-runs", pending.size(), resumed, failed);
        return new Report(out, all.size(), pending.size(), resumed, (System.nanoTime() - t0) / 1e9,
            summary.shortTable(SHORT_TABLE_TIMES), hash, false, failed, end.report());
      } catch (RuntimeException | IOException | Error e) {
        state.failed();
        throw e;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down: the hook is running or has run
        }
      }
    }
  }

  /** The batch's end state, shared with the shutdown hook; run.json's last word is written once. */
  private final class RunState {
    final String hash;
    final Instant started;
    final int total;
    final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    private boolean ended;

    RunState(String hash, Instant started, int total) {
      this.hash = hash;
      this.started = started;
      this.total = total;
    }

    synchronized void finish(String status, int executed, int resumed, List<FailedRun> failed) throws IOException {
      if (!ended) {
        metadata.write(out, hash, started, Instant.now(), status, total, executed, resumed, failed);
        ended = true;
      }
    }

    synchronized void failed() {
      if (!ended) {
        try {
          metadata.write(out, hash, started, null, "failed", 0, 0, 0);
        } catch (IOException e) {
          options.log().println(out.resolve("run.json") + ": cannot mark it failed: " + e.getMessage());
        }
        ended = true;
      }
    }

    synchronized void interrupted() {
      if (ended) {
        return;
      }
      ended = true;
      try {
        metadata.write(out, hash, started, null, "interrupted", 0, 0, 0);
      } catch (IOException | RuntimeException e) {
        options.log().println(out.resolve("run.json") + ": cannot mark it interrupted: " + e.getMessage());
      }
      options.log().printf(Locale.ROOT, "%n%s: interrupted: %d of %d runs finished and kept in %s; to continue: "
          + "nas4j run %s --resume --out %s%n", experiment.name(), done.get(), total, store.folder(),
          experiment.configFile() == null ? "FILE.yaml" : experiment.configFile(), out);
      options.log().flush();
    }
  }

  /** True if the folder's run.json says complete, in the same trace mode, and its outputs are present. */
  private boolean upToDate(JsonNode previous) {
    return "complete".equals(previous.path("status").asText())
        && experiment.trace().label().equals(previous.path("trace").asText())
        && Files.isRegularFile(out.resolve("runs.csv")) && Files.isRegularFile(out.resolve("summary.csv"))
        && (experiment.trace() == TraceMode.NONE || Files.isRegularFile(out.resolve("trace.csv")));
  }

  private String summaryShortTable() throws IOException {
    List<RunKey> all = selectedRuns();
    for (RunKey k : all) {
      if (!store.check(k, false).complete()) {
        return "";
      }
    }
    return ExperimentResults.of(out, all, store::steps).summary().shortTable(SHORT_TABLE_TIMES);
  }

  /**
   * The quick checks of the output folder, before a benchmark is loaded: not a folder of other files, not in use by
   * another run. {@link #run} checks again, holding the folder. A shard's folder is named after the config hash,
   * known only once the benchmark is loaded: then only the parent is checked to be a folder here.
   */
  public static void precheck(Experiment experiment, Shard shard) throws IOException {
    if (shard != null) {
      if (Files.exists(experiment.output()) && !Files.isDirectory(experiment.output())) {
        throw new IllegalArgumentException(experiment.output() + " is a file, not a folder; choose another --out");
      }
      return;
    }
    refuseForeignFolder(experiment.output());
    if (Files.isDirectory(experiment.output())) {
      OutputLock.probe(experiment.output());
    }
  }

  /**
   * A folder without run.json must be empty (but for a stale lock file): never overwrite a user's files. Also the
   * check of {@code nas4j merge}'s output folder.
   */
  static void refuseForeignFolder(Path out) throws IOException {
    if (!Files.isDirectory(out) || Files.exists(out.resolve("run.json"))) {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new IllegalArgumentException(out + " is a file, not a folder; choose another output folder");
      }
      return;
    }
    List<String> names;
    try (var s = Files.list(out)) {
      names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(OutputLock.FILE)).sorted().toList();
    }
    if (names.contains(".parts") && !new PartStore(out).isEmpty()) {
      throw new IllegalArgumentException(out + " holds partial results (.parts/) but no run.json; delete the"
          + " folder or choose another output folder");
    }
    names = names.stream().filter(n -> !n.equals(".parts")).toList();
    if (!names.isEmpty()) {
      throw new IllegalArgumentException(out + " is not empty and is not a nas4j result folder (no run.json; it"
          + " holds " + String.join(", ", names.subList(0, Math.min(3, names.size())))
          + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "") + "); nas4j does not write into"
          + " folders with other files: choose an empty or new output folder");
    }
  }

  private JsonNode checkFolder(String hash) throws IOException {
    JsonNode prev = RunMetadata.read(out);
    if (prev == null) {
      return null;
    }
    String old = prev.path("config_hash").asText("");
    if (!old.equals(hash)) {
      throw new IllegalArgumentException(out + " holds results of a different experiment (config hash "
          + abbrev(old) + ", this config " + abbrev(hash) + "; see the 'config' in its run.json); refusing to mix"
          + " them: choose another --out or delete the folder");
    }
    if (!options.resume() && !upToDate(prev)) {
      String status = prev.path("status").asText("?");
      throw new IllegalArgumentException(out + " already holds " + ("complete".equals(status)
          ? "the results of this experiment in another trace mode" : "unfinished results of this experiment (status "
          + status + ")") + "; use --resume to complete or reuse them, or choose another --out");
    }
    return prev;
  }

  private static String abbrev(String h) {
    return h.length() > 12 ? h.substring(0, 12) + "…" : h.isEmpty() ? "(none)" : h;
  }
}
