package nas4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas4j.bench.io.Datasets;
import nas4j.bench.io.LoadOptions;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Budget crossing, duplicate policies and counts of the oracle, on the real only-108 sample. */
class OracleTest {
  static Benchmark b;
  static int bestId;

  @BeforeAll
  static void load() {
    b = Datasets.load(SharedData.require("nb101/only108-sample.tfrecord"), LoadOptions.noCache()).benchmark();
    bestId = b.idOf(NasBenchTest.BEST);
  }

  private static Oracle oracle(Budget budget, DuplicatePolicy dup, RepeatPolicy rp, List<QueryRecord> trace) {
    OracleConfig c = OracleConfig.defaults(budget).withDuplicates(dup).withRepeatPolicy(rp).withMeasureCpu(false);
    Oracle o = new Oracle(b, c, new SplittableRandom(1));
    if (trace != null) {
      o.addListener(trace::add);
    }
    return o;
  }

  @Test
  void secondsBudgetLetsTheCrossingQueryComplete() {
    Oracle o = oracle(Budget.seconds(5000), DuplicatePolicy.CHARGE, RepeatPolicy.fixed(2), null);
    Observation first = o.query(NasBenchTest.BEST);
    assertThat(first.trainingTime()).isEqualTo(4321.9140625);
    assertThat(first.cost()).isEqualTo(4321.9140625);
    assertThat(o.exhausted()).isFalse();
    Observation second = o.query(NasBenchTest.BEST_ISOMORPHIC); // starts below the limit, ends above it
    assertThat(second.status()).isEqualTo(Observation.Status.EVALUATED_DUPLICATE);
    assertThat(o.timeSpent()).isEqualTo(2 * 4321.9140625);
    assertThat(o.exhausted()).isTrue();
    assertThat(o.remaining()).isNegative();
    assertThatThrownBy(() -> o.query(NasBenchTest.BEST)).isInstanceOf(BudgetExhaustedException.class);
    assertThat(o.queries()).isEqualTo(2);
    assertThat(o.chargedQueries()).isEqualTo(2);
    assertThat(o.duplicateQueries()).isEqualTo(1);
  }

  @Test
  void queryAndEpochBudgetsCountChargedQueriesOnly() {
    List<QueryRecord> trace = new ArrayList<>();
    Oracle q = oracle(Budget.queries(2), DuplicatePolicy.CHARGE, RepeatPolicy.SAMPLE, trace);
    Observation inv = q.query(NasBenchTest.DISCONNECTED);
    assertThat(inv.status()).isEqualTo(Observation.Status.INVALID);
    assertThat(inv.hash()).isNull();
    assertThat(inv.cost()).isZero();
    q.query(NasBenchTest.BEST);
    q.query(NasBenchTest.DISCONNECTED);
    q.query(NasBenchTest.BEST);
    assertThatThrownBy(() -> q.query(NasBenchTest.DISCONNECTED)).isInstanceOf(BudgetExhaustedException.class);
    assertThat(q.invalidQueries()).isEqualTo(2);
    assertThat(q.validQueries()).isEqualTo(2);
    assertThat(q.chargedQueries()).isEqualTo(2);
    assertThat(q.queries()).isEqualTo(4);
    assertThat(trace).hasSize(4);
    assertThat(trace.get(0).violation()).isNotNull();
    assertThat(trace.get(1).testAccuracy()).isEqualTo(b.value(bestId, 108, trace.get(1).repeat(),
        Metric.FINAL_TEST_ACCURACY));
    assertThat(trace.get(3).chargedQueries()).isEqualTo(2);

    Oracle e = oracle(Budget.epochs(200), DuplicatePolicy.CHARGE, RepeatPolicy.SAMPLE, null);
    e.query(NasBenchTest.BEST);
    e.query(NasBenchTest.BEST);
    assertThat(e.epochsSpent()).isEqualTo(216);
    assertThatThrownBy(() -> e.query(NasBenchTest.BEST)).isInstanceOf(BudgetExhaustedException.class);
  }

  @Test
  void replayReturnsTheEarlierResultForFree() {
    List<QueryRecord> trace = new ArrayList<>();
    Oracle o = oracle(Budget.queries(10), DuplicatePolicy.REPLAY, RepeatPolicy.SAMPLE, trace);
    Observation first = o.query(NasBenchTest.BEST);
    for (int i = 0; i < 20; i++) {
      Observation again = o.query(NasBenchTest.BEST_ISOMORPHIC);
      assertThat(again.status()).isEqualTo(Observation.Status.REPLAYED);
      assertThat(again.validationAccuracy()).isEqualTo(first.validationAccuracy());
      assertThat(again.trainingTime()).isEqualTo(first.trainingTime());
      assertThat(again.cost()).isZero();
      assertThat(trace.get(trace.size() - 1).testAccuracy()).isEqualTo(trace.get(0).testAccuracy());
    }
    assertThat(o.chargedQueries()).isEqualTo(1);
    assertThat(o.timeSpent()).isEqualTo(first.trainingTime());
    assertThat(o.duplicateQueries()).isEqualTo(20);
    assertThat(o.hasQueried(bestId)).isTrue();
    // a halfway query of the same cell is a different evaluation
    Observation half = o.query(NasBenchTest.BEST, 108, true);
    assertThat(half.status()).isEqualTo(Observation.Status.EVALUATED);
  }

  @Test
  void rejectRefusesDuplicatesWithoutData() {
    Oracle o = oracle(Budget.queries(10), DuplicatePolicy.REJECT, RepeatPolicy.SAMPLE, null);
    o.query(NasBenchTest.BEST);
    Observation r = o.query(NasBenchTest.BEST_ISOMORPHIC);
    assertThat(r.status()).isEqualTo(Observation.Status.REJECTED_DUPLICATE);
    assertThat(r.hasData()).isFalse();
    assertThat(r.cost()).isZero();
    assertThat(r.hash().toString()).isEqualTo("02e5a0247bbdcf2860b7e96f74961594");
    assertThat(o.chargedQueries()).isEqualTo(1);
    assertThat(o.duplicateQueries()).isEqualTo(1);
  }

  @Test
  void failedQueriesAreNeitherCountedNorCharged() {
    Oracle o = oracle(Budget.queries(10), DuplicatePolicy.CHARGE, RepeatPolicy.SAMPLE, null);
    assertThatThrownBy(() -> o.query(NasBenchTest.BEST, 12, false)).isInstanceOf(UnknownBudgetException.class);
    assertThatThrownBy(() -> o.query(NasBenchTest.CHAIN)).isInstanceOf(UnknownCellException.class);
    assertThat(o.queries()).isZero();
    assertThat(o.validQueries()).isZero();
    assertThat(o.chargedQueries()).isZero();
    assertThat(o.timeSpent()).isZero();
    assertThat(o.isValid(NasBenchTest.BEST_ISOMORPHIC)).isTrue();
    assertThat(o.hashOf(NasBenchTest.DISCONNECTED)).isNull();
    assertThat(o.idOf(NasBenchTest.BEST_ISOMORPHIC)).isEqualTo(bestId);
  }

  @Test
  void sameSeedGivesTheSameObservations() {
    Oracle a = oracle(Budget.queries(50), DuplicatePolicy.CHARGE, RepeatPolicy.SAMPLE, null);
    Oracle c = oracle(Budget.queries(50), DuplicatePolicy.CHARGE, RepeatPolicy.SAMPLE, null);
    int[] ids = b.cellIds().toArray();
    for (int i = 0; i < 50; i++) {
      var spec = b.cell(ids[i % ids.length]);
      assertThat(c.query(spec)).isEqualTo(a.query(spec));
    }
  }

  @Test
  void budgetsRejectNonsense() {
    assertThatThrownBy(() -> Budget.queries(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Budget.seconds(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Budget.seconds(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
