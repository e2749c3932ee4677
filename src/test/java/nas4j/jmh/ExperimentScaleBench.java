package nas4j.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import nas4j.bench.surrogate.SurrogateBenchmark;
import nas4j.experiment.BenchmarkSource;
import nas4j.experiment.ConfigReader;
import nas4j.experiment.Experiment;
import nas4j.experiment.ExperimentRunner;
import nas4j.experiment.Progress;
import nas4j.search.StrategyRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end cost of a batch at the scale of {@code experiments/nasbench101-paper.yaml} (4 strategies × 500 seeds ×
 * 10^7 simulated seconds, 2 threads) on the surrogate, with the test-only {@code test-random} strategy standing in
 * for the four real ones. One shot per trace mode. Run: {@code scripts/jmh.sh ExperimentScaleBench} or JMH's Main
 * with {@code -p seeds=50} for a quicker look.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-XX:+UseParallelGC"})
public class ExperimentScaleBench {
  @Param({"thinned", "full", "none"})
  public String trace;
  @Param({"500"})
  public int seeds;
  @Param({"2"})
  public int threads;

  Path out;
  Experiment experiment;
  BenchmarkSource source;

  @Setup
  public void setup() throws Exception {
    out = Files.createTempDirectory("nas4j-scale");
    String yaml = "name: scale\nbudget: {seconds: 1e7}\nvalidity: raw-edges-first\nstrategies:\n"
        + "  - {strategy: test-random, label: RS, params: {resample: false}}\n"
        + "  - {strategy: test-random, label: RE}\n"
        + "  - {strategy: test-random, label: REINFORCE, params: {resample: false}}\n"
        + "  - {strategy: test-random, label: LS, validity: api, params: {sampler: uniform}}\n"
        + "seeds: " + seeds + "\ntrace: " + trace + "\n";
    experiment = Experiment.resolve(ConfigReader.parse(null, yaml), StrategyRegistry.load(),
        new Experiment.Overrides(threads, out.resolve("r"), null));
    source = BenchmarkSource.of(SurrogateBenchmark.load(), null, null, false);
  }

  @Benchmark
  public Object batch() throws Exception {
    ExperimentRunner.Report r = new ExperimentRunner(experiment, source,
        new ExperimentRunner.Options(false, false, Progress.Mode.PLAIN, System.err)).run();
    long bytes = Files.exists(out.resolve("r/trace.csv")) ? Files.size(out.resolve("r/trace.csv")) : 0;
    System.err.printf("trace=%s: %d runs, %.1f s, trace.csv %d MB%n", trace, r.runs(), r.wallSeconds(), bytes >> 20);
    return r;
  }

  @TearDown
  public void clean() throws Exception {
    try (var s = Files.walk(out)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
