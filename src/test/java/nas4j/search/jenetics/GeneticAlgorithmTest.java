package nas4j.search.jenetics;

import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.search.InvalidHandling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenetics.IntegerGene;
import io.jenetics.engine.EvolutionResult;
import java.util.ArrayList;
import java.util.List;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Oracle;
import nas4j.search.StrategyRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jenetics' generational GA: runs to the budget, no queries beyond new individuals, deterministic per seed. */
class GeneticAlgorithmTest {
  static Benchmark bench;

  @BeforeAll
  static void build() {
    bench = SyntheticBenchmarks.smooth(12);
  }

  /** Queries charged per generation, and the generations' results. */
  record Generations(List<Long> queries, List<EvolutionResult<IntegerGene, Double>> results, Oracle oracle) {}

  static Generations run(GeneticAlgorithmParameters p, long queries, long seed) {
    Oracle o = Runs.oracle(bench, Budget.queries(queries), seed);
    List<Long> perGeneration = new ArrayList<>();
    List<EvolutionResult<IntegerGene, Double>> results = new ArrayList<>();
    long[] last = {0};
    GeneticAlgorithm ga = new GeneticAlgorithm(p, r -> {
      perGeneration.add(o.queries() - last[0]);
      last[0] = o.queries();
      results.add(r);
    });
    Runs.runToBudget(ga, o, seed);
    return new Generations(perGeneration, results, o);
  }

  @Test
  void runsToTheBudgetAndTheBudgetExceptionComesOutUnwrapped() {
    Generations g = run(GeneticAlgorithmParameters.defaults(), 2000, 1);
    assertThat(g.oracle().chargedQueries()).isEqualTo(2000);
    assertThat(g.results()).hasSizeGreaterThan(20);
  }

  @Test
  void queriesOnlyNewIndividualsAndNothingDiesOfAge() {
    GeneticAlgorithmParameters p = GeneticAlgorithmParameters.defaults();
    Generations g = run(p, 3000, 2);
    // generation 1: the random initial population plus the first offspring
    assertThat(g.queries().get(0)).isGreaterThan(p.populationSize()).isLessThanOrEqualTo(
        p.populationSize() + p.offspringSize());
    for (int i = 1; i < g.queries().size(); i++) {
      assertThat(g.queries().get(i)).as("generation %d", i + 1).isLessThanOrEqualTo(p.offspringSize());
    }
    for (EvolutionResult<IntegerGene, Double> r : g.results()) {
      assertThat(r.killCount()).isZero();
      assertThat(r.population()).hasSize(p.populationSize());
    }
    assertThat(g.oracle().invalidQueries()).isZero(); // resample: only valid cells are queried
  }

  @Test
  void aShortMaximalAgeWouldKillIndividualsAndCostExtraQueries() {
    GeneticAlgorithmParameters p = new GeneticAlgorithmParameters(100, 0.6, 3, 0.2, 0.15, 2, InvalidHandling.RESAMPLE);
    Generations g = run(p, 3000, 2);
    assertThat(g.results().stream().mapToInt(EvolutionResult::killCount).sum()).isPositive();
    assertThat(g.queries().stream().skip(1).mapToLong(Long::longValue).max().orElseThrow())
        .isGreaterThan(p.offspringSize());
  }

  @Test
  void recordAndDropQueriesInvalidCellsAtZeroCost() {
    GeneticAlgorithmParameters d = GeneticAlgorithmParameters.defaults();
    GeneticAlgorithmParameters p = new GeneticAlgorithmParameters(d.populationSize(), d.offspringFraction(),
        d.tournamentSize(), d.crossoverProbability(), d.mutationProbability(), d.maximalPhenotypeAge(),
        InvalidHandling.RECORD_AND_DROP);
    Generations g = run(p, 2000, 3);
    assertThat(g.oracle().invalidQueries()).isPositive();
    assertThat(g.oracle().chargedQueries()).isEqualTo(2000);
    for (EvolutionResult<IntegerGene, Double> r : g.results()) {
      assertThat(r.killCount()).isZero();
      assertThat(r.invalidCount()).isZero();
    }
  }

  @Test
  void sameSeedSameQueries() {
    GeneticAlgorithm ga = new GeneticAlgorithm(GeneticAlgorithmParameters.defaults());
    List<Runs.Query> a = Runs.trace(ga, bench, Budget.queries(1500), 40);
    List<Runs.Query> b = Runs.trace(ga, bench, Budget.queries(1500), 40);
    List<Runs.Query> c = Runs.trace(ga, bench, Budget.queries(1500), 41);
    assertThat(a).hasSize(1500).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void parametersAreValidatedAndRegistered() {
    assertThatThrownBy(() -> new GeneticAlgorithmParameters(100, 1.2, 3, 0.2, 0.15, 10, InvalidHandling.RESAMPLE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offspringFraction")
        .hasMessageContaining("0..1");
    assertThatThrownBy(() -> new GeneticAlgorithmParameters(100, 0.6, 3, 0.2, 0.15, 0, InvalidHandling.RESAMPLE))
        .hasMessageContaining("maximalPhenotypeAge");
    assertThatThrownBy(() -> new GeneticAlgorithmParameters(10, 0.6, 11, 0.2, 0.15, 10, InvalidHandling.RESAMPLE))
        .hasMessageContaining("tournamentSize").hasMessageContaining("2..populationSize (10)");
    assertThat(StrategyRegistry.load().provider("genetic-algorithm")).isInstanceOf(GeneticAlgorithmProvider.class);
    assertThat(GeneticAlgorithmParameters.defaults().offspringSize()).isEqualTo(60);
  }
}
