package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Metric;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.Optimum;
import nas4j.bench.QueryRecord;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.space.DomainRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegretRecorderTest {
  static Benchmark bench;

  @BeforeAll
  static void load() {
    bench = SyntheticBenchmarks.smooth(11);
  }

  static QueryRecord valid(long seq, int id, double val, double time) {
    return new QueryRecord(new Observation(seq, Observation.Status.EVALUATED, bench.space().hash(id), id, 108, false,
        val, time, time), 0, 0.5, time, 108 * (seq + 1), seq + 1, null, -1);
  }

  static QueryRecord invalid(long seq, double time) {
    return new QueryRecord(new Observation(seq, Observation.Status.INVALID, null, -1, 108, false, 0, 0, 0), -1, 0,
        time, 0, 0, DomainRule.RAW_EDGES, -1);
  }

  static double meanTest(int id) {
    return bench.mean(id, 108, Metric.FINAL_TEST_ACCURACY);
  }

  @Test
  void handMadeTraceFollowsTheProtocol() {
    Optimum opt = bench.optimum();
    RegretRecorder r = new RegretRecorder(bench, 108, false);
    r.onQuery(invalid(0, 0)); // before any valid query: undefined
    r.onQuery(valid(1, 10, 0.90, 100));
    r.onQuery(invalid(2, 100)); // skipped
    r.onQuery(valid(3, 20, 0.90, 200)); // tie: keeps cell 10
    r.onQuery(valid(4, 30, 0.89, 300)); // worse
    r.onQuery(valid(5, 40, opt.bestValidation() + 0.01, 400)); // better than y*_valid: negative validation regret
    assertThat(r.size()).isEqualTo(6);
    assertThat(r.incumbentId(0)).isEqualTo(-1);
    assertThat(r.testRegret(0)).isNaN();
    assertThat(r.validationRegret(0)).isNaN();
    assertThat(r.incumbentId(1)).isEqualTo(10);
    assertThat(r.testRegret(1)).isEqualTo(opt.bestTest() - meanTest(10));
    assertThat(r.validationRegret(1)).isEqualTo(opt.bestValidation() - 0.90);
    assertThat(r.incumbentId(2)).isEqualTo(10);
    assertThat(r.incumbentId(3)).isEqualTo(10);
    assertThat(r.changed(3)).isFalse();
    assertThat(r.incumbentId(4)).isEqualTo(10);
    assertThat(r.incumbentId(5)).isEqualTo(40);
    assertThat(r.validationRegret(5)).isNegative().isEqualTo(opt.bestValidation() - (opt.bestValidation() + 0.01));
    assertThat(r.testRegret(5)).isEqualTo(opt.bestTest() - meanTest(40));

    StringBuilder thin = new StringBuilder();
    r.appendRows(thin, "X", 3, true);
    assertThat(thin.toString().split("\n")).hasSize(2); // incumbent changes at rows 1 and 5 (5 is also last)
    StringBuilder full = new StringBuilder();
    r.appendRows(full, "X", 3, false);
    String[] rows = full.toString().split("\n");
    assertThat(rows).hasSize(6);
    assertThat(rows[0].split(",", -1)).hasSize(RegretRecorder.TRACE_HEADER.split(",").length);
    assertThat(rows[0]).isEqualTo("X,3,0,0,0.0,0,,108,,,,,,,0,0,");
    assertThat(rows[3]).startsWith("X,3,3,4,200.0,432," + bench.space().hash(20) + ",108,0.9," + bench.space().hash(10));
  }

  /**
   * Multi-fidelity: a query at 4 or 36 epochs is traced with its budget and charged, but only queries at the
   * incumbent budget (108) are candidates, whatever accuracy the cheaper ones returned.
   */
  @Test
  void onlyQueriesAtTheIncumbentBudgetBecomeTheIncumbent() {
    RegretRecorder r = new RegretRecorder(bench, 108, false);
    r.onQuery(at(0, 7, 4, 0.99, 20));
    assertThat(r.incumbentId(0)).isEqualTo(-1);
    assertThat(r.testRegret(0)).isNaN();
    r.onQuery(at(1, 8, 108, 0.80, 600));
    r.onQuery(at(2, 9, 36, 0.95, 200));
    assertThat(r.incumbentId(1)).isEqualTo(8);
    assertThat(r.incumbentId(2)).isEqualTo(8);
    assertThat(r.validationRegret(2)).isEqualTo(bench.optimum().bestValidation() - 0.80);
    StringBuilder full = new StringBuilder();
    r.appendRows(full, "X", 0, false);
    String[] rows = full.toString().split("\n");
    int col = java.util.Arrays.asList(RegretRecorder.TRACE_HEADER.split(",")).indexOf("query_epochs");
    assertThat(rows).extracting(l -> l.split(",", -1)[col]).containsExactly("4", "108", "36");
  }

  /**
   * incumbent: any-budget (automl/nas_benchmarks get_results): the same queries, every one with data a candidate by
   * its returned validation accuracy; the test regret is still the incumbent cell's 108-epoch mean.
   */
  @Test
  void withAnyBudgetEveryQueryIsACandidateAndTheTestRegretStaysAt108Epochs() {
    RegretRecorder r = new RegretRecorder(bench, 108, false, TestReport.MEAN, bench.optimum(), null,
        IncumbentRule.ANY_BUDGET);
    r.onQuery(at(0, 7, 4, 0.70, 20));
    assertThat(r.incumbentId(0)).isEqualTo(7); // the only result so far, at 4 epochs
    assertThat(r.validationRegret(0)).isEqualTo(bench.optimum().bestValidation() - 0.70);
    assertThat(r.testRegret(0)).isEqualTo(bench.optimum().bestTest() - meanTest(7));
    r.onQuery(at(1, 8, 108, 0.80, 600)); // better: replaces it
    r.onQuery(at(2, 9, 36, 0.95, 200)); // a 36-epoch result beats it
    r.onQuery(at(3, 10, 108, 0.95, 600)); // a tie keeps the earlier
    assertThat(r.incumbentId(1)).isEqualTo(8);
    assertThat(r.incumbentId(2)).isEqualTo(9);
    assertThat(r.incumbentId(3)).isEqualTo(9);
    assertThat(r.testRegret(3)).isEqualTo(bench.optimum().bestTest() - meanTest(9));
  }

  static QueryRecord at(long seq, int id, int epochs, double val, double time) {
    return new QueryRecord(new Observation(seq, Observation.Status.EVALUATED, bench.space().hash(id), id, epochs,
        false, val, time, time), 0, 0.5, time, epochs, seq + 1, null, -1);
  }

  /** The regret definition of automl/nas_benchmarks (docs/search-protocols.md): a run whose only valid query is a given cell has regret y*_test − its mean test. */
  @Test
  void anchorsOnlyValidQueryGivesThatCellsRegret() {
    Optimum opt = bench.optimum();
    int best = bench.space().idOf(opt.bestTestCell());
    int other = new SplittableRandom(5).nextInt(bench.space().size());
    for (int id : new int[] {best, other}) {
      Oracle o = new Oracle(bench, OracleConfig.defaults(Budget.queries(1)), new SplittableRandom(1));
      RegretRecorder r = new RegretRecorder(bench, 108, false);
      o.addListener(r);
      o.query(bench.cell(id));
      assertThat(r.size()).isEqualTo(1);
      assertThat(r.testRegret(0)).isEqualTo(opt.bestTest() - meanTest(id));
    }
    Oracle o = new Oracle(bench, OracleConfig.defaults(Budget.queries(1)), new SplittableRandom(1));
    RegretRecorder r = new RegretRecorder(bench, 108, false);
    o.addListener(r);
    o.query(bench.cell(best));
    assertThat(r.testRegret(0)).isZero();
  }
}
