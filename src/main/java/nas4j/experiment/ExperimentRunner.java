package nas4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nas4j.bench.Benchmark;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;

/**
 * Runs an experiment: every (strategy label, seed) is one single-threaded run with generators derived from
 * (experiment seed, label, seed) ({@link RunSeeds}); runs execute in parallel on a fixed pool sharing one
 * read-only benchmark. Each finished run writes its part files atomically under {@code <out>/.parts/}; at the end
 * the outputs are assembled in a fixed order (strategies as configured, seeds as listed), so they are
 * byte-identical whatever the thread count (except the strategy CPU-time columns and run.json's clock times).
 * Not reusable across threads; one runner per batch.
 */
public final class ExperimentRunner {
  /** Runs.csv header (the last column, strategy CPU seconds, is not deterministic). */
  public static final String RUNS_HEADER = "strategy,seed,queries,charged,invalid,duplicates,time,epochs,incumbent,"
      + "incumbent_valid_acc,incumbent_test_mean,valid_regret,test_regret,stop,strategy_s,run_cpu_s";
  public static final String FORMAT = "nas4j-experiment-v1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** How to run: resume an existing folder, accept an optimum mismatch, how to show progress, where to log. */
  public record Options(boolean resume, boolean allowOptimumMismatch, Progress.Mode progress, PrintStream log) {
    public static Options quiet() {
      return new Options(false, false, Progress.Mode.NONE, new PrintStream(OutputStream.nullOutputStream()));
    }

    public Options withResume(boolean r) {
      return new Options(r, allowOptimumMismatch, progress, log);
    }
  }

  /** What a batch produced. */
  public record Report(Path output, int runs, int executed, int resumed, double wallSeconds, String shortTable,
      String configHash) {}

  private final Experiment experiment;
  private final BenchmarkSource source;
  private final Benchmark benchmark;
  private final Options options;
  private final Path out;
  private final Path parts;

  public ExperimentRunner(Experiment experiment, BenchmarkSource source, Options options) {
    this.experiment = experiment;
    this.source = source;
    this.benchmark = source.benchmark();
    for (BoundStrategy st : experiment.strategies()) {
      int e = st.oracle().epochs();
      if (java.util.Arrays.stream(benchmark.epochBudgets()).noneMatch(b -> b == e)) {
        throw new IllegalArgumentException("epochs: " + e + " is not a budget of " + benchmark.identity()
            + "; available: " + java.util.Arrays.toString(benchmark.epochBudgets()));
      }
    }
    this.options = options;
    this.out = experiment.output();
    this.parts = out.resolve(".parts");
  }

  // ------------------------------------------------------------------ identity

  /** The resolved settings that define the results (not threads, output folder, trace mode or CPU timing). */
  public Map<String, Object> resolvedConfig() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", experiment.name());
    m.put("benchmark", source.benchmark().identity() + (source.sha256() == null ? "" : " sha256:" + source.sha256()));
    m.put("epochs", experiment.epochs());
    m.put("budget", Map.of(experiment.budget().kind().name().toLowerCase(Locale.ROOT), experiment.budget().limit()));
    List<Object> strategies = new ArrayList<>();
    for (BoundStrategy s : experiment.strategies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("label", s.label());
      e.put("strategy", s.provider().name());
      e.put("params", s.paramsMap());
      e.put("validity", ConfigReader.spelling(s.oracle().validity()));
      e.put("repeat", s.oracle().repeatPolicy().toString());
      e.put("duplicates", ConfigReader.spelling(s.oracle().duplicates()));
      strategies.add(e);
    }
    m.put("strategies", strategies);
    m.put("seeds", experiment.seeds());
    m.put("experiment_seed", experiment.experimentSeed());
    return m;
  }

  /** SHA-256 of the resolved config's JSON. */
  public String configHash() {
    try {
      byte[] json = new ObjectMapper().writeValueAsBytes(resolvedConfig());
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ running

  /** Runs (or resumes) the batch and writes all outputs. */
  public Report run() throws IOException {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    String hash = configHash();
    JsonNode previous = checkFolder(hash);
    boolean previousComplete = previous != null && "complete".equals(previous.path("status").asText())
        && experiment.trace() == TraceMode.FULL && "full".equals(previous.path("trace").asText());
    Files.createDirectories(parts);
    writeRunJson(hash, started, null, "running", 0, 0, 0);

    List<RunKey> all = new ArrayList<>();
    for (int si = 0; si < experiment.strategies().size(); si++) {
      for (long seed : experiment.seeds()) {
        all.add(new RunKey(si, experiment.strategies().get(si).label(), seed));
      }
    }
    List<RunKey> pending = new ArrayList<>();
    for (RunKey k : all) {
      boolean done = Files.isRegularFile(runFile(k)) && Files.size(runFile(k)) > 0
          && (experiment.trace() != TraceMode.FULL || Files.isRegularFile(fullFile(k)) || previousComplete);
      if (!done) {
        pending.add(k);
      }
    }
    int resumed = all.size() - pending.size();
    if (resumed > 0) {
      options.log().printf(Locale.ROOT, "%s: resuming: %d of %d runs already complete%n", experiment.name(), resumed,
          all.size());
    }
    execute(pending);
    boolean traceWritten = assemble(all, previousComplete);
    double wall = (System.nanoTime() - t0) / 1e9;
    SummaryTable summary = summarize(all);
    AtomicFiles.write(out.resolve("summary.csv"), summary.toCsv());
    if (traceWritten) {
      for (RunKey k : all) {
        Files.deleteIfExists(fullFile(k));
      }
    }
    writeRunJson(hash, started, Instant.now(), "complete", all.size(), pending.size(), resumed);
    return new Report(out, all.size(), pending.size(), resumed, (System.nanoTime() - t0) / 1e9,
        summary.shortTable(5), hash);
  }

  private JsonNode checkFolder(String hash) throws IOException {
    Path meta = out.resolve("run.json");
    if (!Files.exists(meta)) {
      if (Files.isDirectory(parts)) {
        try (var s = Files.list(parts)) {
          if (s.findAny().isPresent()) {
            throw new IllegalArgumentException(out + " holds partial results (.parts/) but no run.json; delete the"
                + " folder or choose another --out");
          }
        }
      }
      return null;
    }
    JsonNode prev;
    try {
      prev = JSON.readTree(meta.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(meta + " is not a nas4j run.json (" + e.getMessage() + "); delete the folder"
          + " or choose another --out");
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

  private void execute(List<RunKey> pending) throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(experiment.threads(), pending.size()));
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "nas4j-run-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>();
    RuntimeException failure = null;
    try (Progress progress = Progress.create(options.progress(), options.log(), experiment.name(), pending.size())) {
      for (RunKey k : pending) {
        futures.add(pool.submit(() -> {
          if (failed.get()) {
            return null;
          }
          try {
            runOne(k);
          } catch (Throwable e) {
            failed.set(true);
            throw e;
          }
          progress.step();
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (failure == null) {
            Throwable c = e.getCause();
            failure = new RunFailedException("run " + pending.get(i) + " failed: " + c, c);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = new RunFailedException("interrupted", e);
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** A run threw something other than the budget's end (a strategy bug); completed runs are kept for --resume. */
  public static final class RunFailedException extends RuntimeException {
    public RunFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Executes one run and writes its part files (trace chunk(s) first, then the run row as completion marker). */
  void runOne(RunKey k) throws IOException {
    BoundStrategy s = experiment.strategies().get(k.strategyIndex());
    RunSeeds seeds = RunSeeds.derive(experiment.experimentSeed(), k.label(), k.seed());
    OracleConfig oc = s.oracle();
    Oracle oracle = new Oracle(benchmark, oc, seeds.oracleRng());
    RegretRecorder rec = new RegretRecorder(benchmark);
    oracle.addListener(rec);
    String stop;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean measure = oc.measureCpu() && threads.isCurrentThreadCpuTimeSupported();
    long cpu0 = measure ? threads.getCurrentThreadCpuTime() : -1;
    try {
      s.newStrategy().run(oracle, seeds.strategyRng());
      stop = "returned";
    } catch (BudgetExhaustedException e) {
      stop = oracle.exhausted() ? "budget" : "stalled";
    }
    long runCpu = measure ? threads.getCurrentThreadCpuTime() - cpu0 : -1;
    Path dir = runDir(k);
    Files.createDirectories(dir);
    StringBuilder steps = new StringBuilder(1024);
    rec.appendRows(steps, k.label(), k.seed(), true);
    AtomicFiles.write(stepsFile(k), steps.toString());
    if (experiment.trace() == TraceMode.FULL) {
      StringBuilder full = new StringBuilder(rec.size() * 200);
      rec.appendRows(full, k.label(), k.seed(), false);
      AtomicFiles.write(fullFile(k), ascii(full));
    }
    StringBuilder row = new StringBuilder();
    int last = rec.size() - 1;
    row.append(k.label()).append(',').append(k.seed()).append(',').append(oracle.queries()).append(',')
        .append(oracle.chargedQueries()).append(',').append(oracle.invalidQueries()).append(',')
        .append(oracle.duplicateQueries()).append(',');
    Csv.num(row, oracle.timeSpent());
    row.append(',').append(oracle.epochsSpent()).append(',');
    if (last >= 0 && rec.incumbentId(last) >= 0) {
      row.append(benchmark.space().hash(rec.incumbentId(last)));
    }
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.incValid[last]);
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.incTest[last]);
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.validationRegret(last));
    row.append(',');
    Csv.num(row, last < 0 ? Double.NaN : rec.testRegret(last));
    row.append(',').append(stop).append(',');
    long cpu = rec.cpuNanos();
    if (cpu >= 0) {
      row.append(cpu / 1e9);
    }
    row.append(',');
    if (runCpu >= 0) {
      row.append(runCpu / 1e9);
    }
    row.append('\n');
    AtomicFiles.write(runFile(k), row.toString());
  }

  private static AtomicFiles.Content ascii(StringBuilder sb) {
    return o -> {
      byte[] buf = new byte[1 << 16];
      int n = sb.length();
      for (int i = 0; i < n; i += buf.length) {
        int m = Math.min(buf.length, n - i);
        for (int j = 0; j < m; j++) {
          buf[j] = (byte) sb.charAt(i + j);
        }
        o.write(buf, 0, m);
      }
    };
  }

  // ------------------------------------------------------------------ files

  private Path runDir(RunKey k) {
    return parts.resolve(k.label());
  }

  Path runFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".run.csv");
  }

  Path stepsFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".steps.csv");
  }

  Path fullFile(RunKey k) {
    return runDir(k).resolve("seed-" + k.seed() + ".full.csv");
  }

  /** Writes runs.csv and trace.csv from the part files; returns true if trace.csv was (re)written from full chunks. */
  private boolean assemble(List<RunKey> all, boolean previousComplete) throws IOException {
    concat(out.resolve("runs.csv"), RUNS_HEADER, all, this::runFile);
    switch (experiment.trace()) {
      case FULL:
        boolean chunks = all.stream().allMatch(k -> Files.isRegularFile(fullFile(k)));
        if (!chunks && previousComplete && Files.isRegularFile(out.resolve("trace.csv"))) {
          return false; // already assembled by the earlier, complete batch
        }
        concat(out.resolve("trace.csv"), RegretRecorder.TRACE_HEADER, all, this::fullFile);
        return true;
      case THINNED:
        concat(out.resolve("trace.csv"), RegretRecorder.TRACE_HEADER, all, this::stepsFile);
        return false;
      default:
        Files.deleteIfExists(out.resolve("trace.csv"));
        return false;
    }
  }

  private static void concat(Path target, String header, List<RunKey> keys, java.util.function.Function<RunKey, Path> f)
      throws IOException {
    AtomicFiles.write(target, o -> {
      o.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
      for (RunKey k : keys) {
        try (InputStream in = Files.newInputStream(f.apply(k))) {
          in.transferTo(o);
        }
      }
    });
  }

  private SummaryTable summarize(List<RunKey> all) {
    List<RunSteps> steps = new ArrayList<>(all.size());
    for (RunKey k : all) {
      try {
        steps.add(RunSteps.parse(k, Files.readString(stepsFile(k), StandardCharsets.US_ASCII)));
      } catch (IOException e) {
        throw new UncheckedIOException(stepsFile(k) + ": " + e.getMessage(), e);
      }
    }
    List<String> labels = experiment.strategies().stream().map(BoundStrategy::label).toList();
    return SummaryTable.of(labels, steps);
  }

  // ------------------------------------------------------------------ metadata

  private void writeRunJson(String hash, Instant started, Instant finished, String status, int runs, int executed,
      int resumed) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("name", experiment.name());
    if (experiment.description() != null) {
      m.put("description", experiment.description());
    }
    m.put("status", status);
    if (benchmark.isSurrogate()) {
      m.put("WARNING", BenchmarkSource.SURROGATE_WARNING);
    }
    m.put("config_hash", hash);
    m.put("config", resolvedConfig());
    m.put("config_file", experiment.configFile() == null ? null : experiment.configFile().toString());
    m.put("benchmark", source.metadata());
    m.put("optimum", source.optimumMetadata());
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put("incumbent", "highest sampled (observed) validation accuracy among queries with data (invalid and"
        + " rejected queries skipped); replaced only on strict improvement, ties keep the earlier");
    protocol.put("valid_regret", "y*_valid - incumbent's observed validation accuracy (may be negative)");
    protocol.put("test_regret", "y*_test - incumbent's mean test accuracy over the repeats at "
        + benchmark.optimum().epochs() + " epochs");
    protocol.put("reference", "nas4j search-protocols §1.5 (automl/nas_benchmarks get_results)");
    protocol.put("sampler", "chosen by each strategy (see its params)");
    protocol.put("seed_derivation", RunSeeds.DERIVATION);
    List<Object> strategies = new ArrayList<>();
    for (BoundStrategy s : experiment.strategies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("label", s.label());
      e.put("strategy", s.provider().name());
      e.put("description", s.provider().description());
      e.put("provider_class", s.provider().getClass().getName());
      e.put("params", s.paramsMap());
      e.put("oracle", Map.of("epochs", s.oracle().epochs(), "budget", s.oracle().budget().toString(),
          "repeat", s.oracle().repeatPolicy().toString(), "duplicates", ConfigReader.spelling(s.oracle().duplicates()),
          "validity", ConfigReader.spelling(s.oracle().validity())));
      strategies.add(e);
    }
    protocol.put("strategies", strategies);
    m.put("protocol", protocol);
    m.put("trace", experiment.trace().label());
    m.put("measure_cpu", experiment.measureCpu());
    m.put("threads", experiment.threads());
    m.put("nas4j_version", version());
    m.put("git_commit", gitCommit());
    m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vm.name") + ")");
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " processors");
    m.put("started", started.toString());
    m.put("finished", finished == null ? null : finished.toString());
    if (finished != null) {
      m.put("wall_seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
      m.put("runs", runs);
      m.put("runs_executed", executed);
      m.put("runs_resumed", resumed);
    }
    m.put("non_deterministic", List.of("trace.csv:strategy_ns", "runs.csv:strategy_s", "runs.csv:run_cpu_s",
        "run.json:started/finished/wall_seconds/threads/git_commit/java/os"));
    AtomicFiles.write(out.resolve("run.json"), JSON.writeValueAsString(m) + "\n");
  }

  static String version() {
    String v = ExperimentRunner.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static volatile String commit;

  static String gitCommit() {
    String c = commit;
    if (c != null) {
      return c.isEmpty() ? null : c;
    }
    try {
      // the checkout nas4j was built from (target/nas4j.jar or target/classes → its parent), not the working folder
      Path code = Path.of(ExperimentRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = code.getParent() == null ? null : code.getParent().getParent();
      if (root == null || !Files.isRegularFile(root.resolve("pom.xml"))
          || !Files.readString(root.resolve("pom.xml")).contains("<artifactId>nas4j</artifactId>")) {
        commit = "";
        return null;
      }
      Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").redirectErrorStream(true)
          .start();
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      c = p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0 && s.matches("[0-9a-f]{40}")
          ? s : "";
    } catch (Exception e) {
      c = "";
    }
    commit = c;
    return c.isEmpty() ? null : c;
  }
}
