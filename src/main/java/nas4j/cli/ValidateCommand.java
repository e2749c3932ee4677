package nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.experiment.BoundStrategy;
import nas4j.experiment.Experiment;
import nas4j.search.StrategyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j validate FILE.yaml}: checks an experiment file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks an experiment file (keys, types, values, strategies and their parameters) without running it.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.yaml", description = "The experiment file.")
  Path file;

  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of strategy plugin jars (repeatable;"
      + " in addition to plugins/ beside the file and the file's 'plugins' key).")
  List<Path> plugins = new ArrayList<>();

  @Option(names = "--json", description = "Print the resolved experiment as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Experiment e = Experiment.load(file, plugins, Experiment.Overrides.NONE);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.toString());
      m.put("name", e.name());
      m.put("benchmark", e.benchmarkFile() == null ? "surrogate" : e.benchmarkFile().toString());
      m.put("budget", e.budget().toString());
      m.put("runs", e.runCount());
      m.put("protocol", e.protocol() == null ? "none" : e.protocol().toString());
      m.put("report", e.report().toString());
      m.put("incumbent", e.incumbent().toString());
      m.put("checkpoints", e.checkpoints().toString());
      List<Object> s = new ArrayList<>();
      for (BoundStrategy b : e.strategies()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("label", b.label());
        x.put("strategy", b.provider().name());
        x.put("preset", b.preset() == null ? "defaults" : b.preset());
        x.put("params", b.paramsMap().toString());
        x.put("origin", StrategyRegistry.origin(b.provider()).toString());
        s.add(x);
      }
      m.put("strategies", s);
      m.put("output", e.output().toString());
      out.println(JsonOut.write(m));
    } else {
      out.printf(Locale.ROOT, "%s: OK: experiment '%s', benchmark %s, budget %s, %d strategies × %d seeds = %d runs,"
          + " output %s%n", file, e.name(), e.benchmarkFile() == null ? "surrogate" : e.benchmarkFile(), e.budget(),
          e.strategies().size(), e.seeds().size(), e.runCount(), e.output());
      out.printf(Locale.ROOT, "  protocol %s, report %s, incumbent %s, checkpoints %s%n", e.protocol() == null
          ? "none" : e.protocol(), e.report(), e.incumbent(), e.checkpoints());
      for (BoundStrategy b : e.strategies()) {
        out.printf(Locale.ROOT, "  %-24s %s preset %s %s (validity %s, repeat %s, duplicates %s)%n", b.label(),
            b.provider().name(), b.preset() == null ? "defaults" : b.preset(), b.paramsMap(), b.oracle().validity(),
            b.oracle().repeatPolicy(), b.oracle().duplicates());
      }
    }
    out.flush();
    return 0;
  }
}
