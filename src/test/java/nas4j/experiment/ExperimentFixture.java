package nas4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import nas4j.bench.Benchmark;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.StrategyRegistry;

/** Small finished experiments on a synthetic benchmark, for the statistics, report and command tests. */
public final class ExperimentFixture {
  private static Benchmark bench;

  private ExperimentFixture() {}

  static synchronized Benchmark bench() {
    if (bench == null) {
      bench = SyntheticBenchmarks.smooth(5);
    }
    return bench;
  }

  /** RS, RE and LS, {@code seeds} seeds, 80 charged queries each, trace mode as given; returns the folder. */
  public static Path run(Path out, String name, int seeds, String trace) throws IOException {
    String yaml = String.join("\n",
        "name: " + name,
        "budget: {queries: 80}",
        "strategies:",
        "  - {strategy: random-search, label: RS}",
        "  - {strategy: regularized-evolution, label: RE, params: {population_size: 20, tournament_size: 5}}",
        "  - {strategy: local-search, label: LS}",
        "seeds: " + seeds,
        "experiment_seed: 3",
        "trace: " + trace,
        "");
    Experiment e = Experiment.resolve(ConfigReader.parse(out.resolveSibling(name + ".yaml"), yaml),
        StrategyRegistry.load(), new Experiment.Overrides(2, out, null));
    new ExperimentRunner(e, BenchmarkSource.of(bench(), null, null, true), ExperimentRunner.Options.quiet()).run();
    return out;
  }
}
