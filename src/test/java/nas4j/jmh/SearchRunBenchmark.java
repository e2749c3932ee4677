package nas4j.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.LocalSearch;
import nas4j.search.LocalSearchParameters;
import nas4j.search.RandomSearch;
import nas4j.search.RandomSearchParameters;
import nas4j.search.Reinforce;
import nas4j.search.ReinforceParameters;
import nas4j.search.SearchStrategy;
import nas4j.space.ValidityRule;
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
 * One whole search run to 10^7 simulated seconds (about 15,000 charged queries) on the synthetic full table, with
 * the paper's oracle defaults (sampled repeat), with and without the per-query CPU-time measurement. Reports ms
 * per run.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main SearchRunBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SearchRunBenchmark {
  @Param({"random-search", "local-search", "reinforce"})
  public String strategy;

  /** Validity rule of the oracle: the paper's scripts used raw-edges-first, everything else the API rule. */
  @Param({"API", "RAW_EDGES_FIRST"})
  public String validity;

  /** Whether the oracle measures the strategy's CPU time per query (two thread-CPU-clock reads per query). */
  @Param({"true", "false"})
  public boolean measureCpu;

  private Benchmark bench;
  private SearchStrategy search;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    bench = SyntheticBenchmarks.smooth(7);
    switch (strategy) {
      case "random-search":
        search = new RandomSearch(RandomSearchParameters.defaults());
        break;
      case "local-search":
        search = new LocalSearch(LocalSearchParameters.defaults());
        break;
      default:
        search = new Reinforce(ReinforceParameters.defaults());
    }
  }

  @org.openjdk.jmh.annotations.Benchmark
  public long run() {
    Oracle o = new Oracle(bench, OracleConfig.defaults(Budget.seconds(1e7))
        .withValidity(ValidityRule.valueOf(validity)).withMeasureCpu(measureCpu), new SplittableRandom(seed));
    try {
      search.run(o, new SplittableRandom(seed++));
    } catch (BudgetExhaustedException e) {
      // normal end
    }
    return o.queries();
  }
}
