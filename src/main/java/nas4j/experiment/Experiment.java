package nas4j.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nas4j.bench.DuplicatePolicy;
import nas4j.bench.OracleConfig;
import nas4j.bench.RepeatPolicy;
import nas4j.search.StrategyProvider;
import nas4j.search.StrategyRegistry;
import nas4j.space.ValidityRule;

/**
 * A fully resolved experiment: defaults applied, strategies bound and instantiated once, benchmark path
 * resolved against the YAML file, command-line overrides applied. Precedence of every oracle setting, preset,
 * report convention and checkpoint grid: a strategies entry's key, then the file's top-level key, then the
 * {@link Protocol}'s value, then the built-in default. Immutable.
 *
 * @param benchmarkFile the official file, or null for the surrogate
 * @param protocol the protocol named in the file, or null
 * @param report the reporting convention of the test accuracy (and of y*)
 * @param checkpoints where summary.csv reports
 * @param incumbent which queries may become the incumbent
 */
public record Experiment(Path configFile, ExperimentConfig config, String name, String description,
    Path benchmarkFile, int epochs, List<BoundStrategy> strategies, List<Long> seeds, long experimentSeed,
    Path output, int threads, TraceMode trace, boolean measureCpu, Protocol protocol, TestReport report,
    Checkpoints checkpoints, IncumbentRule incumbent) {

  public static final TraceMode DEFAULT_TRACE = TraceMode.THINNED;

  public Experiment {
    strategies = List.copyOf(strategies);
    seeds = List.copyOf(seeds);
  }

  /** Command-line overrides (null = keep the file's value). */
  public record Overrides(Integer threads, Path output, TraceMode trace) {
    public static final Overrides NONE = new Overrides(null, null, null);
  }

  /** Reads, binds and checks a YAML file (no benchmark loaded, nothing run). */
  public static Experiment load(Path file, StrategyRegistry registry, Overrides o) {
    return resolve(ConfigReader.read(file), registry, o);
  }

  /** Folder name of the plugin jars found beside a config file. */
  public static final String PLUGIN_FOLDER = "plugins";

  /**
   * Reads a YAML file, loads the strategies of the class path and of the plugin jars ({@link #pluginFolders}),
   * binds and checks it (no benchmark loaded, nothing run).
   *
   * @param extraPluginFolders folders named on the command line ({@code --plugins DIR}); each must exist
   */
  public static Experiment load(Path file, List<Path> extraPluginFolders, Overrides o) {
    ConfigReader.Parsed parsed = ConfigReader.read(file);
    return resolve(parsed, registry(parsed, extraPluginFolders), o);
  }

  /** The strategies of the class path and of the plugin jars of a parsed file ({@link #pluginFolders}). */
  public static StrategyRegistry registry(ConfigReader.Parsed parsed, List<Path> extraPluginFolders) {
    return StrategyRegistry.load(StrategyRegistry.jarsIn(pluginFolders(parsed, extraPluginFolders)));
  }

  /**
   * Where plugin jars are looked for: {@code plugins/} beside the YAML file if that folder exists, the file's
   * {@code plugins:} key (relative to the file; must exist), then the given folders (must exist).
   */
  public static List<Path> pluginFolders(ConfigReader.Parsed parsed, List<Path> extraPluginFolders) {
    List<Path> dirs = new ArrayList<>();
    Path file = parsed.file();
    Path base = file == null || file.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath()
        : file.toAbsolutePath().getParent();
    Path beside = base.resolve(PLUGIN_FOLDER);
    if (Files.isDirectory(beside)) {
      dirs.add(beside.normalize());
    }
    String key = parsed.config().plugins();
    if (key != null) {
      Path d = base.resolve(key.trim()).normalize();
      if (!Files.isDirectory(d)) {
        throw new ConfigException(file, parsed.at("plugins"), "plugin folder " + d + " does not exist or is not a"
            + " folder (paths are relative to the YAML file)");
      }
      dirs.add(d);
    }
    for (Path d : extraPluginFolders) {
      if (!Files.isDirectory(d)) {
        throw new IllegalArgumentException("--plugins " + d + ": no such folder");
      }
      dirs.add(d.toAbsolutePath().normalize());
    }
    return dirs.stream().distinct().toList();
  }

  /** Binds and checks a parsed file. */
  public static Experiment resolve(ConfigReader.Parsed parsed, StrategyRegistry registry, Overrides o) {
    ExperimentConfig c = parsed.config();
    Path file = parsed.file();
    Path benchmarkFile = null;
    String b = c.benchmark() == null ? "surrogate" : c.benchmark().trim();
    if (!b.equalsIgnoreCase("surrogate")) {
      Path base = file == null || file.toAbsolutePath().getParent() == null ? Path.of("")
          : file.toAbsolutePath().getParent();
      benchmarkFile = base.resolve(b).normalize();
      if (!Files.isRegularFile(benchmarkFile)) {
        throw new ConfigException(file, parsed.at("benchmark"), "benchmark file " + benchmarkFile
            + " does not exist (paths are relative to the YAML file); use 'surrogate' or the path of"
            + " nasbench_only108.tfrecord / nasbench_full.tfrecord or its cache");
      }
    }
    int epochs = c.epochs() == null ? 108 : c.epochs();
    Protocol protocol = c.protocol();
    RepeatPolicy repeat = c.repeat() != null ? c.repeat() : protocol != null ? protocol.repeat() : RepeatPolicy.SAMPLE;
    DuplicatePolicy dup = c.duplicates() != null ? c.duplicates()
        : protocol != null ? protocol.duplicates() : DuplicatePolicy.CHARGE;
    ValidityRule validity = c.validity() != null ? c.validity()
        : protocol != null ? protocol.validity() : ValidityRule.API;
    TestReport report = c.report() != null ? c.report() : protocol != null ? protocol.report() : TestReport.MEAN;
    Checkpoints checkpoints = c.checkpoints() != null ? c.checkpoints()
        : protocol != null ? protocol.checkpoints() : Checkpoints.LOG;
    boolean cpu = c.measureCpu() != null && c.measureCpu();

    List<BoundStrategy> bound = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (StrategySpec s : c.strategies()) {
      ConfigLocation at = parsed.at(s);
      if (!labels.add(s.label())) {
        throw new ConfigException(file, at, "label '" + s.label() + "' is used twice; every strategies entry needs"
            + " a unique label (add 'label: <name>')");
      }
      StrategyProvider<?> provider;
      try {
        provider = registry.provider(s.strategy());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file, at, e.getMessage());
      }
      String preset = s.preset();
      if (preset == null && protocol != null) {
        preset = protocol.presetNames().stream().filter(provider.presets()::containsKey).findFirst().orElse(null);
      }
      Record params = StrategyBinder.bind(provider, preset, s.params(), file, at, s.label());
      try {
        StrategyBinder.create(provider, params);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file, at, "strategy '" + s.strategy() + "' (label " + s.label()
            + ") rejects its parameters: " + e.getMessage());
      }
      OracleConfig oc = new OracleConfig(epochs, false, s.repeat() == null ? repeat : s.repeat(), c.budget(),
          s.duplicates() == null ? dup : s.duplicates(), s.validity() == null ? validity : s.validity(), cpu);
      bound.add(new BoundStrategy(s.label(), provider, preset, params, StrategyBinder.asMap(params), oc));
    }
    int threads = o.threads() != null ? o.threads() : c.threads() == null ? 0 : c.threads();
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be ≥ 0 (0 = available processors); got " + threads);
    }
    if (threads == 0) {
      threads = Runtime.getRuntime().availableProcessors();
    }
    Path out = o.output() != null ? o.output()
        : c.output() != null ? Path.of(c.output()) : Path.of("results", c.name());
    TraceMode trace = o.trace() != null ? o.trace() : c.trace() == null ? DEFAULT_TRACE : c.trace();
    return new Experiment(file, c, c.name(), c.description(), benchmarkFile, epochs, bound, c.seeds().values(),
        c.experimentSeed() == null ? 0L : c.experimentSeed(), out, threads, trace, cpu, protocol, report, checkpoints,
        c.incumbent() != null ? c.incumbent() : protocol == Protocol.NAS_BENCHMARKS ? IncumbentRule.ANY_BUDGET
            : IncumbentRule.FINAL_BUDGET);
  }

  /** Number of runs (strategies × seeds). */
  public int runCount() {
    return strategies.size() * seeds.size();
  }

  /** The budget (the same for every strategy). */
  public nas4j.bench.Budget budget() {
    return config.budget();
  }
}
