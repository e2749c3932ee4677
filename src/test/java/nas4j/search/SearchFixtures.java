package nas4j.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.QueryRecord;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.space.ValidityRule;

/** Shared test fixtures: one synthetic benchmark per JVM, oracles over it, and a run helper. */
final class SearchFixtures {
  private SearchFixtures() {}

  private static Benchmark smooth;

  /** The smooth synthetic benchmark (seed 7), built once per JVM. */
  static synchronized Benchmark smooth() {
    if (smooth == null) {
      smooth = SyntheticBenchmarks.smooth(7);
    }
    return smooth;
  }

  private static Benchmark smoothAll;

  /** The smooth synthetic landscape (seed 7) with the four NAS-Bench-101 budgets, built once per JVM. */
  static synchronized Benchmark smoothAllBudgets() {
    if (smoothAll == null) {
      smoothAll = SyntheticBenchmarks.smoothAllBudgets(7);
    }
    return smoothAll;
  }

  /** An oracle with the paper's defaults, the given budget and validity rule. */
  static Oracle oracle(Benchmark b, Budget budget, ValidityRule rule, long repeatSeed) {
    return new Oracle(b, OracleConfig.defaults(budget).withValidity(rule), new SplittableRandom(repeatSeed));
  }

  /** Runs a strategy to exhaustion and returns every query record. */
  static List<QueryRecord> run(SearchStrategy s, Oracle oracle, long seed) {
    List<QueryRecord> out = new ArrayList<>();
    oracle.addListener(out::add);
    try {
      s.run(oracle, new SplittableRandom(seed));
    } catch (BudgetExhaustedException e) {
      // normal end
    }
    return out;
  }
}
