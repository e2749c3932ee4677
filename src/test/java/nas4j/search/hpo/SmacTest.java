package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Oracle;
import nas4j.bench.QueryRecord;
import nas4j.space.ValidityRule;
import nas4j.bench.io.SyntheticBenchmarks;
import org.junit.jupiter.api.Test;

class SmacTest {

  @Test
  void intensificationDecisionsCompareMeansOverTheSameNumberOfRuns() {
    double[] inc = {0.10, 0.20, 0.30, 0.40}; // incumbent: 4 runs, running means 0.10, 0.15, 0.20, 0.25
    // one run of 0.12 against the incumbent's first run 0.10: worse → rejected after a single run
    assertThat(Smac.verdict(new double[] {0.12}, 1, inc, 4)).isEqualTo(Smac.Verdict.REJECT);
    // 0.08 ≤ 0.10: not worse, fewer runs → more runs
    assertThat(Smac.verdict(new double[] {0.08}, 1, inc, 4)).isEqualTo(Smac.Verdict.MORE_RUNS);
    // three runs mean 0.2 against the incumbent's first three (mean 0.2): a tie is not worse → more runs
    assertThat(Smac.verdict(new double[] {0.08, 0.22, 0.30}, 3, inc, 4)).isEqualTo(Smac.Verdict.MORE_RUNS);
    // four runs mean 0.24 ≤ 0.25 → becomes the incumbent; mean 0.26 > 0.25 → rejected
    assertThat(Smac.verdict(new double[] {0.08, 0.22, 0.30, 0.36}, 4, inc, 4))
        .isEqualTo(Smac.Verdict.NEW_INCUMBENT);
    assertThat(Smac.verdict(new double[] {0.08, 0.22, 0.30, 0.44}, 4, inc, 4)).isEqualTo(Smac.Verdict.REJECT);
    // an incumbent with one run is replaced by any challenger not worse on one run
    assertThat(Smac.verdict(new double[] {0.10}, 1, new double[] {0.10}, 1)).isEqualTo(Smac.Verdict.NEW_INCUMBENT);
  }

  @Test
  void expectedImprovementMatchesTheClosedForm() {
    // η = 0.3, μ = 0.2, σ = 0.1: z = 1, EI = 0.1·Φ(1) + 0.1·φ(1) = 0.1·0.8413447460685429 + 0.1·0.24197072451914337
    assertThat(Smac.expectedImprovement(0.3, 0.2, 0.1)).isCloseTo(0.10833154705876863, within(1e-12));
    assertThat(Smac.expectedImprovement(0.3, 0.2, 0.0)).isCloseTo(0.1, within(1e-15));
    assertThat(Smac.expectedImprovement(0.2, 0.3, 0.0)).isZero();
  }

  /**
   * A run on a hand-made table: every configuration is evaluated at most 4 times, the incumbent has the most
   * runs among the configurations of its mean, and every evaluation is a separate charged query.
   */
  @Test
  void runRespectsTheEvaluationCapAndChargesEveryEvaluation() {
    Benchmark b = SyntheticBenchmarks.smooth(7);
    Oracle o = HpoFixtures.oracle(b, Budget.queries(400), ValidityRule.RAW_EDGES_FIRST);
    List<QueryRecord> recs = new ArrayList<>();
    o.addListener(recs::add);
    Smac smac = new Smac(SmacParameters.defaults());
    Smac.State st = smac.new State(o, new SplittableRandom(4));
    try {
      st.run();
    } catch (BudgetExhaustedException e) {
      // normal end
    }
    int evaluations = 0;
    for (int i = 0; i < st.n; i++) {
      assertThat(st.runs[i]).isBetween(0, 4);
      evaluations += st.runs[i];
    }
    assertThat(evaluations).isEqualTo(recs.size()); // one query per evaluation, none cached
    assertThat(recs.stream().filter(r -> r.observation().cost() > 0).count()).isEqualTo(400);
    assertThat(st.runs[st.incumbent]).isPositive();
    assertThat(st.fittedAt).as("the forest was fitted").isPositive();
  }

  /** local_search_starts: 0 is allowed by the parameters: the challenger list is then the random configurations. */
  @Test
  void noLocalSearchStartsUsesTheRandomCandidatesOnly() {
    Benchmark b = SyntheticBenchmarks.smooth(7);
    Oracle o = HpoFixtures.oracle(b, Budget.queries(200), ValidityRule.RAW_EDGES_FIRST);
    SmacParameters d = SmacParameters.defaults();
    Smac smac = new Smac(new SmacParameters(d.numTrees(), d.randomProbability(), d.maxEvaluations(),
        d.challengersPerIteration(), 0, d.randomCandidates(), d.refitGrowth(), d.invalid()));
    Smac.State st = smac.new State(o, new SplittableRandom(4));
    try {
      st.run();
    } catch (BudgetExhaustedException e) {
      // normal end
    }
    assertThat(st.fittedAt).as("the forest was fitted").isPositive();
    assertThat(o.queries()).isGreaterThanOrEqualTo(200);
  }

  /**
   * SMAC's local search on EI skips a neighbour when a cheap upper bound of its EI does not beat the current EI; a
   * plain first-improvement search that computes every neighbour's exact EI (same moves, same shuffle, same random
   * generator state) must end at the same configuration, from every start and for several η.
   */
  @Test
  void localSearchEndsWhereTheExactEiSearchEnds() {
    Smac.State fast = fittedState();
    Smac.State plain = fittedState(); // the same history, forest and random generator state
    double[] out = new double[2];
    double minMean = Double.POSITIVE_INFINITY;
    for (int i = 0; i < fast.n; i++) {
      fast.forest.predict(fast.configs[i], out);
      minMean = Math.min(minMean, out[0]);
    }
    int searches = 0;
    for (double eta : new double[] {minMean, minMean + 0.01, minMean - 0.01, 0.5}) {
      for (int i = 0; i < Math.min(40, fast.n); i++) {
        int start = fast.configs[i];
        assertThat(fast.localSearch(start, eta, out)).as("start %d, eta %s", i, eta)
            .isEqualTo(exactLocalSearch(plain, start, eta));
        searches++;
      }
    }
    assertThat(searches).isEqualTo(160);
    assertThat(fast.rng.nextLong()).as("the same random draws").isEqualTo(plain.rng.nextLong());
  }

  private static Smac.State fittedState() {
    Benchmark b = SyntheticBenchmarks.smooth(7);
    Oracle o = HpoFixtures.oracle(b, Budget.queries(300), ValidityRule.RAW_EDGES_FIRST);
    Smac.State st = new Smac(SmacParameters.defaults()).new State(o, new SplittableRandom(4));
    try {
      st.run();
    } catch (BudgetExhaustedException e) {
      // normal end
    }
    assertThat(st.fittedAt).isPositive();
    return st;
  }

  /** First improvement over one-variable moves in shuffled order, every neighbour scored by its exact EI. */
  private static int exactLocalSearch(Smac.State st, int start, double eta) {
    double[] out = new double[2];
    st.forest.predict(start, out);
    int cur = start;
    double curEi = Smac.expectedImprovement(eta, out[0], Math.sqrt(out[1]));
    boolean improved = true;
    while (improved) {
      improved = false;
      List<Integer> moves = new ArrayList<>();
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        for (int v = 0; v < EncodingA.cardinality(d); v++) {
          if (v != EncodingA.value(cur, d)) {
            moves.add(d * 3 + v);
          }
        }
      }
      for (int i = moves.size() - 1; i > 0; i--) { // Fisher–Yates, as SMAC's local search draws it
        java.util.Collections.swap(moves, i, st.rng.nextInt(i + 1));
      }
      for (int m : moves) {
        int nb = EncodingA.with(cur, m / 3, m % 3);
        st.forest.predict(nb, out);
        double e = Smac.expectedImprovement(eta, out[0], Math.sqrt(out[1]));
        if (e > curEi) {
          cur = nb;
          curEi = e;
          improved = true;
          break;
        }
      }
    }
    return cur;
  }
}
