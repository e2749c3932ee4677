package nas4j.jmh;

import java.util.concurrent.TimeUnit;
import nas4j.bench.Benchmark;
import nas4j.bench.Oracle;
import nas4j.bench.surrogate.SurrogateBenchmark;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyRegistry;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole run to 10^7 simulated seconds on the embedded surrogate with the protocol of
 * {@code experiments/nasbench101-fig7.yaml} (raw-edges-first, sampled repeat, every query charged, default
 * parameters): regularized evolution against BOHB and SMAC (issue: one BOHB or SMAC run within 20× one RE run).
 * Each invocation is a new seed. Reports ms per run.
 *
 * <p>Run: {@code scripts/jmh.sh Fig7RunBenchmark} (add {@code -p strategy=tpe,hyperband,random-search,reinforce} for
 * the other four optimizers of the figure)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class Fig7RunBenchmark {
  @Param({"regularized-evolution", "bohb", "smac"})
  public String strategy;

  private Benchmark bench;
  private SearchStrategy search;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    bench = SurrogateBenchmark.load();
    search = Fig7RunCpuTime.create(StrategyRegistry.load().provider(strategy));
  }

  @org.openjdk.jmh.annotations.Benchmark
  public long run() {
    Oracle o = Fig7RunCpuTime.oracle(bench, seed);
    Fig7RunCpuTime.run(search, o, seed++);
    return o.queries();
  }
}
