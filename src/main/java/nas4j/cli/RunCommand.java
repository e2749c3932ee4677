package nas4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.experiment.BenchmarkSource;
import nas4j.experiment.Experiment;
import nas4j.experiment.ExperimentRunner;
import nas4j.experiment.Progress;
import nas4j.experiment.Shard;
import nas4j.experiment.TraceMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j run FILE.yaml}: runs an experiment (flags override the file). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs an experiment file: every strategy × seed, in parallel; writes trace.csv, runs.csv,"
        + " summary.csv, comparison.csv, friedman.csv, run.json and report.html into the output folder.")
final class RunCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.yaml", description = "The experiment file.")
  Path file;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the file's, else all processors).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: the file's, else results/<name>).")
  Path out;

  @Option(names = "--resume", description = "Continue a folder made by this same config, skipping finished runs.")
  boolean resume;

  @Option(names = "--trace", paramLabel = "MODE", description = "full, thinned or none (default: the file's, else thinned).")
  String trace;

  @Option(names = "--allow-optimum-mismatch",
      description = "Use an official file whose optimum differs from the published constants (reported in run.json).")
  boolean allowMismatch;

  @Option(names = "--progress", paramLabel = "MODE", description = "auto, bar, plain or none (default auto).")
  String progress = "auto";

  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of strategy plugin jars (repeatable;"
      + " in addition to plugins/ beside the file and the file's 'plugins' key).")
  java.util.List<Path> plugins = new java.util.ArrayList<>();

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1 ≤ I ≤ N) into "
      + "<output>/shard-I-of-N-<config hash>/; join the N shard folders with nas4j merge.")
  String shard;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--no-report", description = "Do not write report.html at the end (nas4j report DIR writes it later).")
  boolean noReport;

  @Override
  public Integer call() throws Exception {
    PrintWriter outw = spec.commandLine().getOut();
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR"); // Tablesaw's "no SLF4J providers" notice
    }
    Shard sh = shard == null ? null : Shard.parse(shard);
    TraceMode mode = trace == null ? null : parse(TraceMode.class, trace, "--trace");
    Progress.Mode pm = parse(Progress.Mode.class, progress, "--progress");
    Experiment e = Experiment.load(file, plugins, new Experiment.Overrides(threads, out, mode));
    PrintStream err = System.err;
    err.printf(Locale.ROOT, "%s: %s × %s = %s on %s → %s%n", e.name(),
        count(e.strategies().size(), "strategy", "strategies"), count(e.seeds().size(), "seed", "seeds"),
        count(e.runCount(), "run", "runs"), count(e.threads(), "thread", "threads"), e.output());
    ExperimentRunner.precheck(e, sh);
    long t0 = System.nanoTime();
    BenchmarkSource src = BenchmarkSource.load(e, allowMismatch);
    err.printf(Locale.ROOT, "benchmark: %s (%.1f s)%n", src.benchmark().identity(), (System.nanoTime() - t0) / 1e9);
    if (src.benchmark().isSurrogate()) {
      err.println("WARNING: " + BenchmarkSource.SURROGATE_WARNING);
    }
    err.printf(Locale.ROOT, "y*: best mean validation %s, best mean test %s (%s)%n",
        src.benchmark().optimum().bestValidation(), src.benchmark().optimum().bestTest(), src.optimumCheck());
    if (e.report() != nas4j.experiment.TestReport.MEAN) {
      nas4j.bench.Optimum y = e.report().optimum(src.benchmark());
      err.printf(Locale.ROOT, "regret y* (report %s): validation %s, test %s%n", e.report(), y.bestValidation(),
          y.bestTest());
    }
    ExperimentRunner.Options options = new ExperimentRunner.Options(resume, allowMismatch, pm, err).withShard(sh)
        .withReport(!noReport);
    ExperimentRunner runner = new ExperimentRunner(e, src, options);
    if (sh != null) {
      err.printf(Locale.ROOT, "shard %s: every %d. run from run %d of %d → %s%n", sh, sh.count(), sh.index(),
          e.runCount(), runner.output());
    }
    ExperimentRunner.Report r = runner.run();
    Path report = r.report();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("output", r.output().toString());
      m.put("runs", r.runs());
      m.put("executed", r.executed());
      m.put("resumed", r.resumed());
      m.put("up_to_date", r.upToDate());
      m.put("wall_seconds", r.wallSeconds());
      m.put("config_hash", r.configHash());
      if (sh != null) {
        m.put("shard", sh.toString());
      }
      m.put("surrogate", src.benchmark().isSurrogate());
      m.put("report", report == null ? null : report.toString());
      m.put("failed", r.failed().stream().map(f -> Map.of("strategy", f.run().label(), "seed", f.run().seed(),
          "error", f.error())).toList());
      outw.println(JsonOut.write(m));
    } else {
      outw.print(r.shortTable());
      if (r.upToDate()) {
        outw.printf(Locale.ROOT, "%d runs, already complete (nothing run); results in %s%n", r.runs(), r.output());
      } else {
        outw.printf(Locale.ROOT, "%d runs (%d executed, %d resumed) in %.1f s; results in %s%n", r.runs(),
            r.executed(), r.resumed(), r.wallSeconds(), r.output());
      }
      if (report != null) {
        outw.println("report: " + report + " (statistics: comparison.csv, friedman.csv)");
      }
      if (src.benchmark().isSurrogate()) {
        outw.println("(surrogate benchmark: not NAS-Bench-101 measurements)");
      }
    }
    outw.flush();
    if (!r.failed().isEmpty()) {
      PrintWriter errw = spec.commandLine().getErr();
      errw.printf(Locale.ROOT, "nas4j: %d of %d runs FAILED (stop = error in runs.csv, left out of summary.csv; listed"
          + " in run.json; `--resume` runs them again):%n", r.failed().size(), r.runs());
      r.failed().forEach(f -> errw.println("  " + f));
      errw.flush();
      return FAILED_RUNS;
    }
    return 0;
  }

  /** Exit code of a batch that finished but some of whose runs failed (their strategy reported an error). */
  static final int FAILED_RUNS = 3;

  static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new UserException(option + " '" + text + "' is not allowed; allowed: " + allowed);
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
