package nas4j.experiment;

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

  public RunMetadata(Experiment experiment, BenchmarkSource source) {
    this.experiment = experiment;
    this.source = source;
    this.benchmark = source.benchmark();
  }

  /** The resolved settings that define the results (not threads, output folder, trace mode or CPU timing). */
  public Map<String, Object> resolvedConfig() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", experiment.name());
    m.put("benchmark", benchmark.identity() + (source.sha256() == null ? "" : " sha256:" + source.sha256()));
    m.put("epochs", experiment.epochs());
    m.put("budget", Map.of(experiment.budget().kind().name().toLowerCase(Locale.ROOT), experiment.budget().limit()));
    List<Object> strategies = new ArrayList<>();
    for (BoundStrategy s : experiment.strategies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("label", s.label());
      e.put("strategy", s.provider().name());
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

  /** Writes {@code <out>/run.json} atomically; {@code finished} null while running. */
  public void write(Path out, String hash, Instant started, Instant finished, String status, int runs, int executed,
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
    protocol.put("reference",
        "automl/nas_benchmarks get_results (the NAS-Bench-101 paper's protocol; nas4j docs/search-protocols.md)");
    protocol.put("sampler", "chosen by each strategy (see its params)");
    protocol.put("seed_derivation", RunSeeds.DERIVATION);
    List<Object> strategies = new ArrayList<>();
    for (BoundStrategy s : experiment.strategies()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("label", s.label());
      e.put("strategy", s.provider().name());
      e.put("description", s.provider().description());
      e.put("provider_class", s.provider().getClass().getName());
      e.put("origin", StrategyRegistry.origin(s.provider()).toString());
      e.put("params", s.paramsMap());
      e.put("oracle", Map.of("epochs", s.oracle().epochs(), "budget", s.oracle().budget().toString(),
          "repeat", s.oracle().repeatPolicy().toString(), "duplicates", ConfigNames.of(s.oracle().duplicates()),
          "validity", ConfigNames.of(s.oracle().validity())));
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
