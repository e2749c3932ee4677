package nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.experiment.Experiment;
import nas4j.experiment.StrategyBinder;
import nas4j.search.StrategyProvider;
import nas4j.search.StrategyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j strategies}: the registered strategies with their parameters (config names) and presets. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "Lists the registered search strategies, their default parameters (as written in configs) and "
        + "their presets and where each comes from (built-in or a plugin jar).")
final class StrategiesCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show only this strategy.")
  String name;

  @Option(names = "--json", description = "Print one JSON object per strategy.")
  boolean json;

  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of strategy plugin jars (repeatable;"
      + " default: plugins/ in the working folder if it exists).")
  List<Path> plugins = new ArrayList<>();

  @Override
  public Integer call() {
    List<Path> folders = new ArrayList<>(plugins);
    if (folders.isEmpty() && Files.isDirectory(Path.of(Experiment.PLUGIN_FOLDER))) {
      folders.add(Path.of(Experiment.PLUGIN_FOLDER));
    }
    StrategyRegistry registry = StrategyRegistry.load(StrategyRegistry.jarsIn(folders));
    List<StrategyProvider<?>> providers = new ArrayList<>();
    if (name != null) {
      providers.add(registry.provider(name));
    } else {
      for (String n : registry.names()) {
        providers.add(registry.provider(n));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (StrategyProvider<?> p : providers) {
      Map<String, Object> presets = new LinkedHashMap<>();
      for (Map.Entry<String, ? extends Record> e : p.presets().entrySet()) {
        presets.put(e.getKey(), StrategyBinder.asMap(e.getValue()));
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("origin", StrategyRegistry.origin(p).toString());
        m.put("defaults", StrategyBinder.defaultsAsMap(p));
        m.put("presets", presets);
        out.println(JsonOut.write(m));
      } else {
        out.println(p.name() + " — " + p.description());
        out.println("  origin: " + StrategyRegistry.origin(p));
        out.println("  params (defaults): " + StrategyBinder.defaultsAsMap(p));
        for (Map.Entry<String, Object> e : presets.entrySet()) {
          out.println("  preset " + e.getKey() + ": " + e.getValue());
        }
      }
    }
    out.flush();
    return 0;
  }
}
