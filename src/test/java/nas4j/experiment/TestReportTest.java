package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.Optimum;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.RepeatPolicy;
import nas4j.bench.TableBenchmark;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four reporting conventions and their y* on a hand-made table of three cells whose values are chosen so that
 * every expected number is worked out by hand (float32 values, as in the official files, so comparisons allow
 * float32 rounding of the hand numbers: 1e-7).
 */
class TestReportTest {
  static final double F = 1e-7;
  static Benchmark bench;
  static int a;
  static int b;
  static int c;

  /**
   * Cell a: validation 0.90 / 0.92 / 0.94, test 0.91 / 0.93 / 0.95 (repeat i's test pairs with its validation).
   * Cell b: validation 0.93 ×3, test 0.93 / 0.93 / 0.93. Cell c: validation 0.80 / 0.80 / 0.81, test 0.9 / 0.9 /
   * 0.91 (two tied repeats: the naszilla mean uses the distinct values only).
   */
  @BeforeAll
  static void table() {
    SpaceIndex space = SpaceIndex.shared();
    a = 1000;
    b = 2000;
    c = 3000;
    MetricsTable.Builder t = MetricsTable.builder(space.size(), new int[] {108}, 3);
    set(t, a, new double[] {0.90, 0.92, 0.94}, new double[] {0.91, 0.93, 0.95});
    set(t, b, new double[] {0.93, 0.93, 0.93}, new double[] {0.93, 0.93, 0.93});
    set(t, c, new double[] {0.80, 0.80, 0.81}, new double[] {0.9, 0.9, 0.91});
    bench = new TableBenchmark("hand-made", false, space, t.build());
  }

  static void set(MetricsTable.Builder t, int id, double[] valid, double[] test) {
    for (int r = 0; r < 3; r++) {
      t.set(id, 0, r, Metric.FINAL_VALIDATION_ACCURACY, valid[r]);
      t.set(id, 0, r, Metric.FINAL_TEST_ACCURACY, test[r]);
      t.set(id, 0, r, Metric.FINAL_TRAINING_TIME, 1000 + r);
    }
    t.markPresent(id);
  }

  /** A generator whose {@code nextInt(bound)} returns the scripted values in turn (reporting draws). */
  static RandomGenerator scripted(int... values) {
    return new RandomGenerator() {
      int i;

      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int nextInt(int bound) {
        return values[i++];
      }
    };
  }

  static RegretRecorder run(TestReport report, RepeatPolicy repeat, RandomGenerator reportRng, long oracleSeed,
      int... cells) {
    Oracle o = new Oracle(bench, OracleConfig.defaults(Budget.queries(cells.length)).withRepeatPolicy(repeat),
        new SplittableRandom(oracleSeed));
    RegretRecorder r = new RegretRecorder(bench, 108, false, report, report.optimum(bench), reportRng);
    o.addListener(r);
    for (int id : cells) {
      o.query(bench.cell(id));
    }
    return r;
  }

  @Test
  void optimaFollowTheirConvention() {
    // best mean: b (test 0.93, validation 0.93) beats a (test 0.93, validation 0.92) on validation only
    Optimum mean = TestReport.MEAN.optimum(bench);
    assertThat(mean.bestTest()).isCloseTo(0.93, within(F));
    assertThat(mean.bestValidation()).isCloseTo(0.93, within(F));
    assertThat(mean.bestValidationCell()).isEqualTo(bench.space().hash(b));
    // best single repeat: a's third repeat (test 0.95, validation 0.94)
    for (TestReport single : new TestReport[] {TestReport.QUERIED_REPEAT, TestReport.FRESH_REPEAT}) {
      Optimum o = single.optimum(bench);
      assertThat(o.bestTest()).isCloseTo(0.95, within(F));
      assertThat(o.bestValidation()).isCloseTo(0.94, within(F));
      assertThat(o.bestTestCell()).isEqualTo(bench.space().hash(a));
    }
    // naszilla: a's distinct test mean 0.93 → loss 7.0 → 0.93; b 0.93; c: distinct {0.9, 0.91} → 0.905;
    // validation: b 0.93 (loss 7.0) beats a 0.92
    Optimum nz = TestReport.MEAN_DISTINCT.optimum(bench);
    assertThat(nz.bestTest()).isCloseTo(0.93, within(1e-12));
    assertThat(nz.bestValidation()).isCloseTo(0.93, within(1e-12));
  }

  @Test
  void meanReportsTheMeanOfTheThreeRepeats() {
    RegretRecorder r = run(TestReport.MEAN, RepeatPolicy.SAMPLE, null, 1, c);
    // (0.9 + 0.9 + 0.91) / 3 = 0.903333…
    assertThat(r.incTest[0]).isCloseTo(2.71 / 3, within(F));
    assertThat(r.testRegret(0)).isCloseTo(0.93 - 2.71 / 3, within(F));
  }

  @Test
  void meanDistinctReportsTheRoundedMeanOfTheDistinctValues() {
    RegretRecorder r = run(TestReport.MEAN_DISTINCT, RepeatPolicy.MEAN_DISTINCT, null, 1, c);
    // distinct test values 0.9 and 0.91: mean 0.905, loss 9.5 (float32 noise removed by the rounding) → 0.905,
    // not the plain mean 0.90333
    assertThat(r.incTest[0]).isCloseTo(0.905, within(1e-12));
    assertThat(r.testRegret(0)).isCloseTo(0.93 - 0.905, within(1e-12));
    // the objective (validation) follows the same rule: distinct {0.80, 0.81} → 0.805
    assertThat(r.incValid[0]).isCloseTo(0.805, within(1e-12));
    assertThat(r.validationRegret(0)).isCloseTo(0.93 - 0.805, within(1e-12));
  }

  @Test
  void queriedRepeatReportsTheTestValueDrawnWithTheValidationValue() {
    // cell a's repeats pair validation 0.90/0.92/0.94 with test 0.91/0.93/0.95: whatever repeat the oracle draws,
    // the reported test value is the validation value + 0.01
    int seen = 0;
    for (long seed = 0; seed < 30; seed++) {
      RegretRecorder r = run(TestReport.QUERIED_REPEAT, RepeatPolicy.SAMPLE, null, seed, a);
      double v = r.incValid[0];
      assertThat(r.incTest[0]).isCloseTo(v + 0.01, within(F));
      assertThat(r.testRegret(0)).isCloseTo(0.95 - (v + 0.01), within(F));
      seen |= 1 << (int) Math.round((v - 0.90) / 0.02);
    }
    assertThat(seen).isEqualTo(0b111); // all three repeats were drawn
  }

  @Test
  void freshRepeatReportsARepeatDrawnByTheReportingGenerator() {
    // validation comes from the oracle (here always repeat 2); the test value from the reporting generator's own
    // draw at each incumbent change (scripted: repeat 0 both times), independent of it
    RegretRecorder r = run(TestReport.FRESH_REPEAT, RepeatPolicy.fixed(2), scripted(0, 0), 1, c, a);
    assertThat(r.incumbentId(0)).isEqualTo(c);
    assertThat(r.incTest[0]).isCloseTo(0.9, within(F));
    assertThat(r.incumbentId(1)).isEqualTo(a);
    assertThat(r.incValid[1]).isCloseTo(0.94, within(F)); // repeat 2's validation
    assertThat(r.incTest[1]).isCloseTo(0.91, within(F)); // repeat 0's test, drawn afresh
    assertThat(r.testRegret(1)).isCloseTo(0.95 - 0.91, within(F));
    assertThat(r.validationRegret(1)).isCloseTo(0.94 - 0.94, within(F));
  }
}
