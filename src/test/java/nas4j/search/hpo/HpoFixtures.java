package nas4j.search.hpo;

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
import nas4j.search.SearchStrategy;
import nas4j.space.ValidityRule;

/** Fixtures of the hpo tests: a four-budget synthetic benchmark (built once per JVM) and a run helper. */
final class HpoFixtures {
  private HpoFixtures() {}

  private static Benchmark allBudgets;

  static synchronized Benchmark allBudgets() {
    if (allBudgets == null) {
      allBudgets = SyntheticBenchmarks.smoothAllBudgets(7);
    }
    return allBudgets;
  }

  static Oracle oracle(Benchmark b, Budget budget, ValidityRule rule) {
    return new Oracle(b, OracleConfig.defaults(budget).withValidity(rule), new SplittableRandom(99));
  }

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
