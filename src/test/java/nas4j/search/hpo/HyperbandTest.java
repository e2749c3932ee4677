package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Metric;
import nas4j.bench.QueryRecord;
import nas4j.search.InvalidHandling;
import nas4j.space.ValidityRule;
import org.junit.jupiter.api.Test;

class HyperbandTest {

  @Test
  void scheduleIsHpbandstersForTheNasBenchmarksBudgets() {
    // Li et al. 2018 / hpbandster with min 4, max 108, eta 3: s_max = 3, n_0 = floor(4/(s+1))·3^s
    HyperbandSchedule s = HyperbandSchedule.of(4, 108, 3);
    assertThat(s.budgets()).containsExactly(4, 12, 36, 108);
    assertThat(s.stageSizes(0)).containsExactly(27, 9, 3, 1);
    assertThat(s.stageBudgets(0)).containsExactly(4, 12, 36, 108);
    assertThat(s.stageSizes(1)).containsExactly(9, 3, 1);
    assertThat(s.stageBudgets(1)).containsExactly(12, 36, 108);
    assertThat(s.stageSizes(2)).containsExactly(6, 2);
    assertThat(s.stageBudgets(2)).containsExactly(36, 108);
    assertThat(s.stageSizes(3)).containsExactly(4);
    assertThat(s.stageBudgets(3)).containsExactly(108);
    assertThat(s.stageSizes(4)).containsExactly(27, 9, 3, 1);
    // 27..108 with eta 2: s_max = 2, budgets 27, 54, 108
    assertThat(HyperbandSchedule.of(27, 108, 2).budgets()).containsExactly(27, 54, 108);
    assertThat(HyperbandSchedule.of(27, 108, 2).stageSizes(0)).containsExactly(4, 2, 1); // floor(3/3)·2^2
  }

  @Test
  void badParametersAreRejectedNamingTheParameter() {
    assertThatThrownBy(() -> new HyperbandParameters(0, 108, 3, InvalidHandling.RESAMPLE))
        .hasMessageContaining("minBudget");
    assertThatThrownBy(() -> new HyperbandParameters(36, 12, 3, InvalidHandling.RESAMPLE))
        .hasMessageContaining("maxBudget");
    assertThatThrownBy(() -> new HyperbandParameters(4, 108, 1, InvalidHandling.RESAMPLE))
        .hasMessageContaining("eta");
  }

  /**
   * The first Hyperband iteration on a four-budget table, checked against the rules recomputed from the recorded
   * queries: 27 new cells at 4 epochs, the 9 with the lowest loss (1 − returned accuracy; invalid = 1) again at
   * 12, the best 3 of those at 36, the best at 108, each in sampling order, each a fresh charged query of that
   * budget's training time; then the second bracket starts with 9 cells at 12 epochs.
   */
  @Test
  void firstBracketPromotesTheLowestLossesAndChargesEachBudgetsTime() {
    Benchmark b = HpoFixtures.allBudgets();
    List<QueryRecord> recs = HpoFixtures.run(new Hyperband(HyperbandParameters.defaults()),
        HpoFixtures.oracle(b, Budget.queries(60), ValidityRule.RAW_EDGES_FIRST), 5);
    assertThat(recs.size()).isGreaterThanOrEqualTo(27 + 9 + 3 + 1 + 9);
    List<QueryRecord> s0 = recs.subList(0, 27);
    List<QueryRecord> s1 = recs.subList(27, 36);
    List<QueryRecord> s2 = recs.subList(36, 39);
    assertThat(s0).allMatch(r -> r.observation().epochs() == 4);
    assertThat(s1).allMatch(r -> r.observation().epochs() == 12);
    assertThat(s2).allMatch(r -> r.observation().epochs() == 36);
    assertThat(recs.get(39).observation().epochs()).isEqualTo(108);
    assertThat(recs.subList(40, 49)).allMatch(r -> r.observation().epochs() == 12);
    assertThat(s0.stream().filter(r -> r.observation().valid()).count()).isBetween(1L, 26L);

    assertThat(cells(s1)).isEqualTo(cells(best(s0, 9)));
    assertThat(cells(s2)).isEqualTo(cells(best(s1, 3)));
    assertThat(cells(List.of(recs.get(39)))).isEqualTo(cells(best(s2, 1)));
    double before = 0;
    for (QueryRecord r : recs) {
      double charged = r.timeSpent() - before;
      before = r.timeSpent();
      if (!r.observation().valid()) {
        assertThat(charged).isZero();
        continue;
      }
      int bi = b.budgetIndex(r.observation().epochs());
      assertThat(charged).isEqualTo(b.table().valueOrMean(r.observation().cellId(), bi, r.repeat(),
          Metric.FINAL_TRAINING_TIME));
    }
  }

  @Test
  void resampleQueriesNoInvalidCell() {
    HyperbandParameters p = new HyperbandParameters(4, 108, 3, InvalidHandling.RESAMPLE);
    List<QueryRecord> recs = HpoFixtures.run(new Hyperband(p),
        HpoFixtures.oracle(HpoFixtures.allBudgets(), Budget.queries(100), ValidityRule.RAW_EDGES_FIRST), 5);
    assertThat(recs).hasSizeGreaterThanOrEqualTo(100).allMatch(r -> r.observation().valid());
  }

  /** The {@code k} records with the lowest loss (ties: earlier first), in query order. */
  static List<QueryRecord> best(List<QueryRecord> stage, int k) {
    List<QueryRecord> sorted = new ArrayList<>(stage);
    sorted.sort(Comparator.comparingDouble(HyperbandTest::loss));
    List<QueryRecord> top = new ArrayList<>(sorted.subList(0, k));
    top.sort(Comparator.comparingInt(stage::indexOf));
    return top;
  }

  static double loss(QueryRecord r) {
    return r.observation().hasData() ? 1 - r.observation().validationAccuracy() : 1.0;
  }

  static List<String> cells(List<QueryRecord> recs) {
    return recs.stream().map(r -> r.observation().valid() ? r.observation().hash().toString() : "invalid").toList();
  }
}
