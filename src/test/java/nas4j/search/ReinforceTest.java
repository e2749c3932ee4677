package nas4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.QueryRecord;
import nas4j.space.CellSpec;
import nas4j.space.ValidityRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReinforceTest {
  static Benchmark bench;

  @BeforeAll
  static void load() {
    bench = SearchFixtures.smooth();
  }

  static int[] allOnesOpsTwo() {
    int[] s = new int[26];
    Arrays.fill(s, 0, 21, 1);
    Arrays.fill(s, 21, 26, 2);
    return s;
  }

  @Test
  void firstUpdateHasZeroAdvantageBecauseTheBaselineSeesTheRewardFirst() {
    ReinforcePolicy p = new ReinforcePolicy(0.1, 0.9);
    assertThat(p.logits(0)).containsExactly(0, 0);
    assertThat(p.logits(25)).containsExactly(0, 0, 0);
    double a = p.update(allOnesOpsTwo(), 0.9);
    // num = 0.1·0.9 = 0.09, den = 0.1, baseline = 0.9 (bias-corrected), A = 0
    assertThat(p.baseline()).isCloseTo(0.9, within(1e-12));
    assertThat(a).isCloseTo(0.0, within(1e-12));
    assertThat(p.logits(0)).containsExactly(0, 0);
  }

  @Test
  void secondUpdateMatchesAHandComputedStep() {
    ReinforcePolicy p = new ReinforcePolicy(0.1, 0.9);
    p.update(allOnesOpsTwo(), 0.9);
    double a = p.update(allOnesOpsTwo(), 0.5);
    // num = 0.9·0.09 + 0.1·0.5 = 0.131; den = 0.9·0.1 + 0.1 = 0.19; baseline = 0.131/0.19 = 0.68947368…
    assertThat(p.baseline()).isCloseTo(0.131 / 0.19, within(1e-12));
    assertThat(a).isCloseTo(-0.18947368421052635, within(1e-12));
    // edge variable, sample 1: θ += 0.1·A·([0,1] − [½,½]) = [+0.0094736842, −0.0094736842]
    assertThat(p.logits(0)[0]).isCloseTo(0.009473684210526317, within(1e-12));
    assertThat(p.logits(0)[1]).isCloseTo(-0.009473684210526317, within(1e-12));
    // op variable, sample 2: θ += 0.1·A·([0,0,1] − [⅓,⅓,⅓])
    assertThat(p.logits(21)[0]).isCloseTo(0.006315789473684211, within(1e-12));
    assertThat(p.logits(21)[1]).isCloseTo(0.006315789473684211, within(1e-12));
    assertThat(p.logits(21)[2]).isCloseTo(-0.012631578947368422, within(1e-12));
    // third step from non-uniform logits: an edge variable sampled 0 with reward 1
    int[] s = allOnesOpsTwo();
    s[0] = 0;
    double num = 0.9 * 0.131 + 0.1;
    double den = 0.9 * 0.19 + 0.1;
    double adv = 1 - num / den;
    double p0 = 1 / (1 + Math.exp(-0.009473684210526317 * 2)); // softmax([x, −x])[0]
    assertThat(p.update(s, 1.0)).isCloseTo(adv, within(1e-12));
    assertThat(p.logits(0)[0]).isCloseTo(0.009473684210526317 + 0.1 * adv * (1 - p0), within(1e-12));
    assertThat(p.logits(0)[1]).isCloseTo(-0.009473684210526317 + 0.1 * adv * (0 - (1 - p0)), within(1e-12));
  }

  @Test
  void samplesFollowTheSoftmax() {
    ReinforcePolicy p = new ReinforcePolicy(0.1, 0.9);
    p.setLogits(3, 0, Math.log(3)); // P(edge 3 present) = 0.75
    p.setLogits(22, 0, Math.log(2), Math.log(5)); // P = 1/8, 2/8, 5/8
    SplittableRandom rng = new SplittableRandom(1);
    int n = 40_000;
    int edge = 0;
    int[] op = new int[3];
    for (int i = 0; i < n; i++) {
      int[] s = p.sample(rng);
      edge += s[3];
      op[s[22]]++;
    }
    assertThat(edge / (double) n).isCloseTo(0.75, within(0.01));
    assertThat(op[0] / (double) n).isCloseTo(0.125, within(0.01));
    assertThat(op[2] / (double) n).isCloseTo(0.625, within(0.01));
    // all-zero sample: 20 fair edges, edge 3 absent (¼), 4 uniform ops, op 1 = conv3x3 (⅛)
    assertThat(p.logProbability(new int[26])).isCloseTo(20 * Math.log(0.5) + Math.log(0.25)
        + 4 * Math.log(1 / 3.0) + Math.log(0.125), within(1e-9));
  }

  @Test
  void recordAndDropQueriesEachRejectedSampleAtZeroCostAndLearnsOnlyFromValidOnes() {
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(300), ValidityRule.RAW_EDGES_FIRST, 1);
    List<QueryRecord> recs = new java.util.ArrayList<>();
    o.addListener(recs::add);
    Reinforce r = new Reinforce(ReinforceParameters.defaults());
    ReinforcePolicy policy = r.newPolicy();
    try {
      r.run(o, new SplittableRandom(3), policy);
    } catch (nas4j.bench.BudgetExhaustedException e) {
      // end
    }
    long invalid = recs.stream().filter(x -> !x.observation().valid()).count();
    assertThat(invalid).isPositive();
    recs.stream().filter(x -> !x.observation().valid()).forEach(x -> assertThat(x.observation().cost()).isZero());
    assertThat(policy.steps()).isEqualTo(300);
  }

  @Test
  void resampleQueriesOnlyValidSamples() {
    ReinforceParameters p = new ReinforceParameters(0.1, 0.9, InvalidHandling.RESAMPLE, ResourceMeasure.NONE, 0,
        -0.07);
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(300), ValidityRule.RAW_EDGES_FIRST, 1);
    List<QueryRecord> recs = SearchFixtures.run(new Reinforce(p), o, 3);
    assertThat(recs).hasSize(300).allMatch(x -> x.observation().valid());
  }

  @Test
  void thePolicyLearnsTheBetterOp() {
    // on the smooth benchmark conv3x3 is the best op: its probability must rise above 1/3 for every op variable
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(3000), ValidityRule.API, 1);
    Reinforce r = new Reinforce(ReinforceParameters.defaults());
    ReinforcePolicy policy = r.newPolicy();
    try {
      r.run(o, new SplittableRandom(8), policy);
    } catch (nas4j.bench.BudgetExhaustedException e) {
      // end
    }
    for (int v = 21; v < 26; v++) {
      double[] pr = policy.probabilities(v);
      assertThat(pr[0]).as("P(conv3x3) of op %d", v - 21).isGreaterThan(0.4);
      assertThat(pr[2]).as("P(maxpool) of op %d", v - 21).isLessThan(pr[0]);
    }
  }

  @Test
  void resourceAwareRewardIsMnasNetStyle() {
    Oracle o = SearchFixtures.oracle(bench, Budget.queries(10), ValidityRule.API, 1);
    CellSpec c = bench.space().cell(1234);
    Observation obs = o.query(c);
    int params = bench.space().parameters(1234);
    Reinforce byParams = new Reinforce(ReinforceParameters.mnasnetParameters(2_000_000));
    assertThat(byParams.reward(obs, o)).isCloseTo(obs.validationAccuracy() * Math.pow(params / 2e6, -0.07),
        within(1e-12));
    Reinforce byTime = new Reinforce(ReinforceParameters.mnasnetTrainingTime(1000));
    assertThat(byTime.reward(obs, o)).isCloseTo(obs.validationAccuracy() * Math.pow(obs.trainingTime() / 1000,
        -0.07), within(1e-12));
    assertThat(new Reinforce(ReinforceParameters.defaults()).reward(obs, o)).isEqualTo(obs.validationAccuracy());
  }

  @Test
  void parametersNameTheBrokenRange() {
    assertThatThrownBy(() -> new ReinforceParameters(0, 0.9, InvalidHandling.RESAMPLE, ResourceMeasure.NONE, 0,
        -0.07)).isInstanceOf(IllegalArgumentException.class).hasMessage("learningRate must be in (0, 1000]; got 0.0");
    assertThatThrownBy(() -> new ReinforceParameters(0.1, 1, InvalidHandling.RESAMPLE, ResourceMeasure.NONE, 0,
        -0.07)).hasMessage("baselineMomentum must be in [0, 1); got 1.0");
    assertThatThrownBy(() -> new ReinforceParameters(0.1, 0.9, InvalidHandling.RESAMPLE, ResourceMeasure.PARAMETERS,
        0, -0.07)).hasMessageContaining("resourceTarget must be > 0 when resource is parameters");
    assertThat(ResourceMeasure.parse("Training_Time")).isEqualTo(ResourceMeasure.TRAINING_TIME);
  }
}
