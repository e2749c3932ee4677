package nas4j.search.jenetics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.search.SearchStrategy;

/** Test helpers: oracles, runs to the end of the budget, recorded query sequences. */
final class Runs {
  private Runs() {}

  /** An oracle with the paper's defaults (API rule, sampled repeat, charge duplicates), CPU not measured. */
  static Oracle oracle(Benchmark b, Budget budget, long seed) {
    return new Oracle(b, OracleConfig.defaults(budget).withMeasureCpu(false), new SplittableRandom(~seed));
  }

  /** Runs the strategy and checks that it ends with the oracle's BudgetExhaustedException. */
  static void runToBudget(SearchStrategy s, Oracle o, long seed) {
    assertThatThrownBy(() -> s.run(o, new SplittableRandom(seed))).isInstanceOf(BudgetExhaustedException.class);
  }

  /** One query as seen by a listener, comparable across runs. */
  record Query(long sequence, Observation.Status status, int cellId, double validation) {}

  /** Runs to budget and returns every query, in order. */
  static List<Query> trace(SearchStrategy s, Benchmark b, Budget budget, long seed) {
    Oracle o = oracle(b, budget, seed);
    List<Query> out = new ArrayList<>();
    o.addListener(r -> out.add(new Query(r.observation().sequence(), r.observation().status(),
        r.observation().cellId(), r.observation().validationAccuracy())));
    runToBudget(s, o, seed);
    return out;
  }
}
