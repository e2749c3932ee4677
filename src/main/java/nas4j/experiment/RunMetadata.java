package nas4j.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nas4j.bench.Benchmark;
import nas4j.bench.OracleConfig;
import nas4j.search.StrategyRegistry;
import nas4j.util.AtomicFiles;
import nas4j.util.ConfigNames;
import nas4j.util.Sha256;

/**
 * An experiment's identity and its {@code run.json}: the resolved config and its hash (what defines the results),
 * and the metadata written at the start ("running") and end ("complete") of a batch. Immutable.
 */
public final class RunMetadata {
  public static final String FORMAT = "nas4j-experiment-v1";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Experiment experiment;
  private final BenchmarkSource source;
  private final Benchmark benchmark;
  private final Map<String, Object> shard;

  public RunMetadata(Experiment experiment, BenchmarkSource source) {
    this(experiment, source, null);
  }

  /**
   * For a shard ({@code nas4j run --shard I/N}): {@code shard} (null if not sharded) goes into run.json as the
   * "shard" entry after the status; without it the file is exactly an unsharded run's, which is how
   * {@link ShardMerge} rebuilds one.
   */
  public RunMetadata(Experiment experiment, BenchmarkSource source, Map<String, Object> shard) {
    this.experiment = experiment;
    this.source = source;
    this.benchmark = source.benchmark();
    this.shard = shard == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shard));
  }

  /** The resolved settings that define the results (not threads, output folder, trace mode or CPU timing). */
  public Map<String, Object> resolvedConfig() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", experiment.name());
    m.put("benchmark", benchmark.identity() + (source.sha256() == null ? "" : " sha256:" + source.sha256()));
    m.put("epochs", experiment.epochs());
    m.put("budget", Map.of(experiment.budget().kind().name().toLowerCase(Locale.ROOT), experiment.budget().limit()));
    m.put("protocol", experiment.protocol() == null ? "none" : experiment.protocol().toString());
    m.put("report", experiment.report().toString());
    m.put("checkpoints", experiment.checkpoints().asConfig());
    if (experiment.incumbent() != IncumbentRule.FINAL_BUDGET) { // the default is left out: hashes stay as before
      m.put("incumbent", experiment.incumbent().toString());
    }
    List<Object> strategies = new ArrayList<>();
    for (BoundStrategy s : experiment.strategies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("label", s.label());
      e.put("strategy", s.provider().name());
      e.put("preset", presetName(s));
      e.put("params", s.paramsMap());
      e.put("validity", ConfigNames.of(s.oracle().validity()));
      e.put("repeat", s.oracle().repeatPolicy().toString());
      e.put("duplicates", ConfigNames.of(s.oracle().duplicates()));
      StrategyRegistry.Origin origin = StrategyRegistry.origin(s.provider());
      if (origin.isPlugin()) { // a changed plugin jar is a different experiment
        e.put("plugin", origin.location().getFileName() + " sha256:" + origin.sha256());
      }
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
      return Sha256.hex(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a folder's run.json, or null if it has none. */
  static JsonNode read(Path out) throws IOException {
    Path meta = out.resolve("run.json");
    if (!Files.exists(meta)) {
      return null;
    }
    try {
      return JSON.readTree(meta.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(meta + " is not a nas4j run.json (" + e.getMessage() + "); delete the folder"
          + " or choose another --out");
    }
  }

  private static String presetName(BoundStrategy s) {
    return s.preset() == null ? "defaults" : s.preset();
  }

  /**
   * The protocol notes of run.json: the publication protocol named in the config (or none), how the outputs are
   * defined, and each strategy's oracle settings.
   */
  public record Protocol(String name, String incumbent, String report,
      @JsonProperty("valid_regret") String validRegret, @JsonProperty("test_regret") String testRegret,
      Map<String, Object> checkpoints, @JsonProperty("budget_crossing") String budgetCrossing, String reference,
      String sampler, @JsonProperty("seed_derivation") String seedDerivation, List<StrategyEntry> strategies) {}

  /** One configured strategy in run.json. */
  public record StrategyEntry(String label, String strategy, String description,
      @JsonProperty("provider_class") String providerClass, String origin, String preset, Map<String, Object> params,
      OracleEntry oracle) {}

  /** The optimum regret is measured against, by the report convention (docs/protocols.md). */
  public record RegretOptimum(String report, int epochs, @JsonProperty("best_validation") double bestValidation,
      @JsonProperty("best_validation_cell") String bestValidationCell, @JsonProperty("best_test") double bestTest,
      @JsonProperty("best_test_cell") String bestTestCell) {}

  /** A strategy's oracle settings in run.json. */
  public record OracleEntry(int epochs, String budget, String repeat, String duplicates, String validity) {}

  /**
   * The content of run.json, written by Jackson in the component order (so two identical runs write the same
   * bytes apart from the clock fields). Optional entries are left out when null.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record RunJson(String format, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String description,
      String status, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> shard,
      @JsonProperty("WARNING") @JsonInclude(JsonInclude.Include.NON_NULL) String warning,
      @JsonProperty("config_hash") String configHash, Map<String, Object> config,
      @JsonProperty("config_file") String configFile, Map<String, Object> benchmark, Map<String, Object> optimum,
      @JsonProperty("regret_optimum") RegretOptimum regretOptimum, Protocol protocol, String trace, @JsonProperty("measure_cpu") boolean measureCpu, int threads,
      @JsonProperty("nas4j_version") String nas4jVersion, @JsonProperty("git_commit") String gitCommit, String java,
      String os, String started, String finished,
      @JsonProperty("wall_seconds") @JsonInclude(JsonInclude.Include.NON_NULL) Double wallSeconds,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer runs,
      @JsonProperty("runs_executed") @JsonInclude(JsonInclude.Include.NON_NULL) Integer runsExecuted,
      @JsonProperty("runs_resumed") @JsonInclude(JsonInclude.Include.NON_NULL) Integer runsResumed,
      @JsonProperty("runs_failed") @JsonInclude(JsonInclude.Include.NON_NULL) Integer runsFailed,
      @JsonProperty("failed_runs") @JsonInclude(JsonInclude.Include.NON_NULL) List<FailedRunEntry> failedRuns,
      @JsonProperty("non_deterministic") List<String> nonDeterministic) {}

  /** A run whose strategy failed, in run.json. */
  public record FailedRunEntry(String strategy, long seed, String error) {}

  /** The fields of run.json that differ between two identical runs. */
  public static final List<String> NON_DETERMINISTIC = List.of("trace.csv:strategy_ns", "runs.csv:strategy_s",
      "runs.csv:run_cpu_s", "run.json:started/finished/wall_seconds/threads/git_commit/java/os");

  /** The run.json content; {@code finished} null while running. */
  public RunJson runJson(String hash, Instant started, Instant finished, String status, int runs, int executed,
      int resumed, List<ExperimentRunner.FailedRun> failed) {
    List<FailedRunEntry> failedRuns = failed.isEmpty() ? null : failed.stream()
        .map(f -> new FailedRunEntry(f.run().label(), f.run().seed(), f.error())).toList();
    List<StrategyEntry> strategies = new ArrayList<>();
    for (BoundStrategy s : experiment.strategies()) {
      OracleConfig oc = s.oracle();
      strategies.add(new StrategyEntry(s.label(), s.provider().name(), s.provider().description(),
          s.provider().getClass().getName(), StrategyRegistry.origin(s.provider()).toString(), presetName(s),
          s.paramsMap(),
          new OracleEntry(oc.epochs(), oc.budget().toString(),
              oc.repeatPolicy().toString(), ConfigNames.of(oc.duplicates()),
              ConfigNames.of(oc.validity()))));
    }
    TestReport report = experiment.report();
    Protocol protocol = new Protocol(experiment.protocol() == null ? "none" : experiment.protocol().toString(),
        "highest returned validation accuracy among queries with data (invalid and rejected queries skipped);"
            + " replaced only on strict improvement, ties keep the earlier"
            + (experiment.incumbent() == IncumbentRule.ANY_BUDGET ? "; queries at every epoch budget are candidates"
            + " (incumbent: any-budget, automl/nas_benchmarks get_results)" : ""),
        report + ": " + report.description(),
        "regret_optimum.best_validation - incumbent's returned validation accuracy (may be negative)",
        "regret_optimum.best_test - incumbent's reported test accuracy", experiment.checkpoints().asConfig(),
        "the query that crosses the budget is kept: runs.csv, the summary at x = the budget and the printed end"
            + " column all include it (google-research/nasbench NASBench.ipynb)",
        "nas4j docs/protocols.md (automl/nas_benchmarks get_results, the NAS-Bench-101 paper's protocol;"
            + " NASBench.ipynb; naszilla; automl/NASLib)", "chosen by each strategy (see its params)",
        RunSeeds.DERIVATION, strategies);
    nas4j.bench.Optimum y = report.optimum(benchmark);
    RegretOptimum regretOptimum = new RegretOptimum(report.toString(), y.epochs(), y.bestValidation(),
        y.bestValidationCell().toString(), y.bestTest(), y.bestTestCell().toString());
    boolean done = finished != null;
    return new RunJson(FORMAT, experiment.name(), experiment.description(), status, shard,
        benchmark.isSurrogate() ? BenchmarkSource.SURROGATE_WARNING : null, hash, resolvedConfig(),
        experiment.configFile() == null ? null : experiment.configFile().toString(), source.metadata(),
        source.optimumMetadata(), regretOptimum, protocol, experiment.trace().label(), experiment.measureCpu(), experiment.threads(),
        version(), gitCommit(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " ("
            + System.getProperty("java.vm.name") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
            + ", " + Runtime.getRuntime().availableProcessors() + " processors",
        started.toString(), done ? finished.toString() : null,
        done ? (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0 : null, done ? runs : null,
        done ? executed : null, done ? resumed : null, failedRuns == null ? null : failedRuns.size(), failedRuns,
        NON_DETERMINISTIC);
  }

  /** Writes {@code <out>/run.json} atomically; {@code finished} null while running. */
  public void write(Path out, String hash, Instant started, Instant finished, String status, int runs, int executed,
      int resumed) throws IOException {
    write(out, hash, started, finished, status, runs, executed, resumed, List.of());
  }

  /** Writes {@code <out>/run.json} atomically, listing the failed runs (if any) under {@code failed_runs}. */
  public void write(Path out, String hash, Instant started, Instant finished, String status, int runs, int executed,
      int resumed, List<ExperimentRunner.FailedRun> failed) throws IOException {
    write(out, runJson(hash, started, finished, status, runs, executed, resumed, failed));
  }

  /** Writes {@code <out>/run.json} atomically. */
  public static void write(Path out, RunJson json) throws IOException {
    AtomicFiles.write(out.resolve("run.json"), JSON.writeValueAsString(json) + "\n");
  }

  static String version() {
    String v = RunMetadata.class.getPackage().getImplementationVersion();
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
      Path code = Path.of(RunMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = code.getParent() == null ? null : code.getParent().getParent();
      if (root == null || !Files.isRegularFile(root.resolve("pom.xml"))
          || !Files.readString(root.resolve("pom.xml")).contains("<artifactId>nas4j</artifactId>")) {
        commit = "";
        return null;
      }
      Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").redirectErrorStream(true)
          .start();
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      c = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && s.matches("[0-9a-f]{40}") ? s : "";
    } catch (Exception e) {
      c = "";
    }
    commit = c;
    return c.isEmpty() ? null : c;
  }
}
