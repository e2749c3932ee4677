package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nas4j.bench.Budget;
import nas4j.bench.QueryRecord;
import nas4j.search.InvalidHandling;
import nas4j.space.ValidityRule;
import org.junit.jupiter.api.Test;

class TpeTest {

  /**
   * 30 hand-made trials: edge_0 = 1 in trials 0, 2, 10 and 29, loss 0.5 + i/100 except trials 10 (0.1) and 20
   * (0.2). hyperopt: below = ceil(0.25·√30) = 2 trials {10, 20}; above = the other 28 in trial order, the oldest
   * 3 weighted by linspace(1/28, 1, 3) = 1/28, 29/56, 1 and the newest 25 by 1. Hand-computed densities of
   * edge_0 = 1: below (1 + 1) / (2 + 2) = 1/2; above (1/28 + 1 + 1 + 1) / (26 + 31/56 + 2) = 170/1599.
   */
  @Test
  void splitAndDensitiesMatchHyperoptsFormulasOnAHandMadeHistory() {
    Tpe.Model m = new Tpe.Model(TpeParameters.defaults());
    for (int i = 0; i < 30; i++) {
      int edge0 = (i == 0 || i == 2 || i == 10 || i == 29) ? 1 : 0;
      double loss = i == 10 ? 0.1 : i == 20 ? 0.2 : 0.5 + i / 100.0;
      m.add(EncodingA.with(0, 0, edge0), loss);
    }
    assertThat(m.belowSize()).isEqualTo(2);
    m.sync();
    assertThat(m.belowWeight(0, 1)).isEqualTo(1.0);
    assertThat(m.belowWeight(0, 0)).isEqualTo(1.0);
    assertThat(m.aboveWeight(0, 1)).isCloseTo(2 + 1.0 / 28, within(1e-12));
    assertThat(m.aboveWeight(0, 0)).isCloseTo(24 + 29.0 / 56, within(1e-12));
    assertThat(m.density(0, 1, true)).isCloseTo(0.5, within(1e-12));
    assertThat(m.density(0, 1, false)).isCloseTo(170.0 / 1599, within(1e-12));
    // an op variable: all trials have op index 0; below (2 + 1) / (2 + 3), above (26 + 31/56 + 1) / (26 + 31/56 + 3)
    assertThat(m.density(21, 0, true)).isCloseTo(3.0 / 5, within(1e-12));
    assertThat(m.density(21, 0, false)).isCloseTo((26 + 31.0 / 56 + 1) / (26 + 31.0 / 56 + 3), within(1e-12));

    // a new best trial enters the below set (rebuild); a new bad one joins the end of the above list (increment)
    m.add(EncodingA.with(0, 0, 1), 0.05); // trial 30: N = 31, below = ceil(0.25·√31) = 2 → {30, 10}
    m.sync();
    assertThat(m.belowWeight(0, 1)).isEqualTo(2.0); // trials 10 and 30
    // above: 29 trials (20 joins, in id order), ramp of 4: linspace(1/29, 1, 4) on trials 0, 1, 2, 3
    double[] w = {1.0 / 29, 1.0 / 29 + (1 - 1.0 / 29) / 3, 1.0 / 29 + 2 * (1 - 1.0 / 29) / 3, 1};
    assertThat(m.aboveWeight(0, 1)).isCloseTo(w[0] + w[2] + 1, within(1e-12)); // trials 0, 2, 29
    m.add(0, 0.9); // trial 31: N = 32, below still 2
    m.sync();
    double[] w2 = {1.0 / 30, 1.0 / 30 + (1 - 1.0 / 30) / 4, 1.0 / 30 + 2 * (1 - 1.0 / 30) / 4};
    assertThat(m.aboveWeight(0, 1)).isCloseTo(w2[0] + w2[2] + 1, within(1e-12));
  }

  @Test
  void resampleQueriesNoInvalidCellAndSeedsReproduce() {
    TpeParameters p = new TpeParameters(0.25, 24, 20, 1.0, InvalidHandling.RESAMPLE);
    List<QueryRecord> a = HpoFixtures.run(new Tpe(p), HpoFixtures.oracle(nas4j.bench.io.SyntheticBenchmarks.smooth(7),
        Budget.queries(200), ValidityRule.RAW_EDGES_FIRST), 3);
    assertThat(a).hasSize(200).allMatch(r -> r.observation().valid() && r.observation().epochs() == 108);
  }
}
