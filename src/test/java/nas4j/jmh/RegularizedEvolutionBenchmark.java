package nas4j.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.SearchStrategy;
import nas4j.search.jenetics.GeneticAlgorithm;
import nas4j.search.jenetics.GeneticAlgorithmParameters;
import nas4j.search.jenetics.RegularizedEvolution;
import nas4j.search.jenetics.RegularizedEvolutionParameters;
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
 * One whole search run to 10^7 simulated seconds on the tabular store (the synthetic benchmark over all 423,624
 * cells, about 15,000 charged queries), with and without the oracle's per-query CPU measurement. Goal for
 * regularized evolution: ≤ 30 ms per run.
 *
 * <p>Run: {@code ./mvnw -q -B -ntp test-compile && java -cp target/test-classes:target/classes:$(./mvnw -q
 * dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.openjdk.jmh.Main RegularizedEvolutionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class RegularizedEvolutionBenchmark {
  @Param({"false", "true"})
  public boolean measureCpu;

  private Benchmark bench;
  private OracleConfig config;
  private SearchStrategy paper;
  private SearchStrategy notebook;
  private SearchStrategy ga;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    bench = SyntheticBenchmarks.smooth(1);
    config = OracleConfig.defaults(Budget.seconds(1e7)).withMeasureCpu(measureCpu);
    paper = new RegularizedEvolution(RegularizedEvolutionParameters.defaults());
    notebook = new RegularizedEvolution(RegularizedEvolutionParameters.notebook());
    ga = new GeneticAlgorithm(GeneticAlgorithmParameters.defaults());
  }

  private long run(SearchStrategy s) {
    long sd = seed++;
    Oracle o = new Oracle(bench, config, new SplittableRandom(~sd));
    try {
      s.run(o, new SplittableRandom(sd));
    } catch (BudgetExhaustedException expected) {
      // the normal end of a run
    }
    return o.queries();
  }

  /** Regularized evolution, paper defaults (record-and-drop: invalid children are free extra queries). */
  @org.openjdk.jmh.annotations.Benchmark
  public long regularizedEvolutionPaper() {
    return run(paper);
  }

  /** Regularized evolution, notebook preset (per-variable mutation, resampled until valid). */
  @org.openjdk.jmh.annotations.Benchmark
  public long regularizedEvolutionNotebook() {
    return run(notebook);
  }

  /** Jenetics' generational GA, defaults. */
  @org.openjdk.jmh.annotations.Benchmark
  public long geneticAlgorithm() {
    return run(ga);
  }
}
