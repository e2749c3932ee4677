package nas4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.bench.Benchmark;
import nas4j.bench.surrogate.FidelityReport;
import nas4j.bench.surrogate.LandscapeFidelity;
import nas4j.bench.surrogate.RealSample;
import nas4j.bench.surrogate.SurrogateBenchmark;
import nas4j.bench.surrogate.SurrogateFitter;
import nas4j.space.SpaceIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas4j surrogate fit|report}: fits the embedded NAS-Bench-101 surrogate and reports its fidelity. */
@Command(name = "surrogate", mixinStandardHelpOptions = true,
    description = "The embedded NAS-Bench-101 surrogate (for trying nas4j, tests and CI; research results come "
        + "from the official files).",
    subcommands = {SurrogateCommand.Fit.class, SurrogateCommand.Report.class})
final class SurrogateCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code nas4j surrogate fit}. */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = {"Fits the surrogate on the real data and writes the resource and fit-report.md.",
          "Needs XGBoost4J on the class path: from a checkout run scripts/surrogate-fit.sh [options]."})
  static final class Fit implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
        description = "Folder holding nb101/sample-20k.csv and nb101/complete-records.json (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/nas4j/surrogate",
        description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--tree-cache", paramLabel = "FILE",
        description = "Read the trees' predictions from FILE if it exists, else write them there (refits only the "
            + "landscape step, in about a minute).")
    Path treeCache;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SurrogateFitter.Result r;
      try {
        r = SurrogateFitter.defaults().fit(data, out, treeCache, line -> {
          err.println("nas4j: " + line);
          err.flush();
        });
      } catch (NoClassDefFoundError e) {
        throw new UserException("the fit needs XGBoost4J, which the runnable jar leaves out (" + e.getMessage()
            + "); run scripts/surrogate-fit.sh from a checkout");
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resource", r.resource().toString());
        m.put("report", r.report().toString());
        m.put("resource_sha256", r.resourceSha256());
        m.put("resource_bytes", r.resourceBytes());
        m.put("fidelity", r.fidelity().toMap());
        o.println(JsonOut.write(m));
      } else {
        o.println("wrote " + r.resource() + " (" + r.resourceBytes() + " bytes, sha256 " + r.resourceSha256() + ")");
        o.println("wrote " + r.report());
        o.println();
        o.print(r.fidelity().toText());
      }
      o.flush();
      return 0;
    }
  }

  /** {@code nas4j surrogate report}. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Fidelity of the embedded surrogate: held-out agreement on the real 20k sample and the "
          + "landscape figures (optima, top tail, random search, locality, repeat spread), real vs surrogate.")
  static final class Report implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
        description = "Folder holding nb101/sample-20k.csv and nb101/complete-records.json (default "
            + "${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      long t0 = System.nanoTime();
      Benchmark bench = SurrogateBenchmark.load();
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      RealSample sample = RealSample.read(data.resolve("nb101/sample-20k.csv"), SpaceIndex.shared());
      FidelityReport f = FidelityReport.of(bench, SurrogateBenchmark.readResource(SpaceIndex.shared()), sample);
      LandscapeFidelity land = LandscapeFidelity.measure(bench, data.resolve("nb101/sample-20k.csv"),
          data.resolve("nb101/complete-records.json"));
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", bench.identity());
        m.put("load_seconds", loadSeconds);
        var opt = bench.optimum();
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("epochs", opt.epochs());
        om.put("best_mean_validation", opt.bestValidation());
        om.put("best_validation_cell", opt.bestValidationCell().toString());
        om.put("best_mean_test", opt.bestTest());
        om.put("best_test_cell", opt.bestTestCell().toString());
        m.put("optimum", om);
        m.put("fidelity", f.toMap());
        m.put("landscape", land.toMap());
        o.println(JsonOut.write(m));
      } else {
        var opt = bench.optimum();
        o.printf(java.util.Locale.ROOT, "%s (loaded in %.2f s; not the real benchmark)%n", bench.identity(),
            loadSeconds);
        o.printf(java.util.Locale.ROOT, "optimum at 108 epochs: mean validation %.6f (%s), mean test %.6f (%s)%n%n",
            opt.bestValidation(), opt.bestValidationCell(), opt.bestTest(), opt.bestTestCell());
        o.print(f.toText());
        o.printf("%nLandscape, real vs surrogate:%n%n");
        o.print(land.toText());
      }
      o.flush();
      return 0;
    }
  }
}
