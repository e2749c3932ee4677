package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One checkpoint's statistics against R 4.2.2 and hand computations. */
class ComparisonTest {
  // A, B, C: 8 seeds each (test regrets)
  static final double[] A = {0.010, 0.012, 0.008, 0.011, 0.009, 0.013, 0.007, 0.010};
  static final double[] B = {0.015, 0.014, 0.018, 0.016, 0.012, 0.017, 0.019, 0.020};
  static final double[] C = {0.011, 0.016, 0.009, 0.014, 0.013, 0.012, 0.015, 0.0105};

  @Test
  void pairsAreHolmAdjustedRankSumTestsWithVerdicts() {
    Comparison.Point p = Comparison.point(new Comparison.Checkpoint("final", Double.NaN), List.of("A", "B", "C"),
        new double[][] {A, B, C});
    assertThat(p.complete()).isTrue();
    // for (pr in list(list(A,B), list(A,C), list(B,C))) wilcox.test(pr[[1]], pr[[2]])   (ties → normal, corrected)
    //   W = 1.5, p = 0.00160347596869406; W = 13, p = 0.0511676305134324; W = 55, p = 0.0177903286236668
    // p.adjust(p, "holm") → 0.00481042790608217 0.05116763051343237 0.03558065724733356
    double[] u = {1.5, 13, 55};
    double[] raw = {0.00160347596869406, 0.0511676305134324, 0.0177903286236668};
    double[] holm = {0.00481042790608217, 0.05116763051343237, 0.03558065724733356};
    String[] verdicts = {"better", "no difference", "worse"};
    assertThat(p.pairs()).extracting(Comparison.PairRow::strategy).containsExactly("A", "A", "B");
    assertThat(p.pairs()).extracting(Comparison.PairRow::versus).containsExactly("B", "C", "C");
    for (int i = 0; i < 3; i++) {
      Comparison.PairRow r = p.pairs().get(i);
      assertThat(r.test().u()).isEqualTo(u[i]);
      assertThat(r.test().p()).isCloseTo(raw[i], within(1e-13));
      assertThat(r.test().method()).isEqualTo("normal");
      assertThat(r.pHolm()).isCloseTo(holm[i], within(1e-13));
      assertThat(r.a12()).isCloseTo(1 - u[i] / 64, within(1e-15)); // A12(lower) = 1 − W / (m n)
      assertThat(r.verdict()).isEqualTo(verdicts[i]);
    }
    assertThat(p.pairs().get(0).effect()).isEqualTo("large"); // A12 = 0.977
  }

  @Test
  void strategyRowsAndMeanRankAcrossSeeds() {
    Comparison.Point p = Comparison.point(new Comparison.Checkpoint("time", 1e5), List.of("A", "B", "C"),
        new double[][] {A, B, C});
    // colMeans(t(apply(cbind(A,B,C), 1, rank))) → A 1.125, B 2.750, C 2.125
    assertThat(p.strategies()).extracting(Comparison.StrategyRow::meanRank).containsExactly(1.125, 2.75, 2.125);
    Comparison.StrategyRow a = p.strategies().get(0);
    // by hand: sorted A = .007 .008 .009 .010 .010 .011 .012 .013 → mean .010, median .010,
    // q25 at h = 1.75: .008 + .75·.001 = .00875; q75 at h = 5.25: .011 + .25·.001 = .01125
    assertThat(a.stats().mean()).isCloseTo(0.010, within(1e-15));
    assertThat(a.stats().median()).isCloseTo(0.010, within(1e-15));
    assertThat(a.stats().q25()).isCloseTo(0.00875, within(1e-15));
    assertThat(a.stats().q75()).isCloseTo(0.01125, within(1e-15));
    assertThat(a.rankedSeeds()).isEqualTo(8);
  }

  @Test
  void runsWithoutAnIncumbentAreLeftOutAndTheCheckpointIsIncomplete() {
    double[] a = {Double.NaN, 0.02, 0.01};
    double[] b = {0.03, Double.NaN, 0.04};
    Comparison.Point p = Comparison.point(new Comparison.Checkpoint("queries", 10), List.of("a", "b"),
        new double[][] {a, b});
    assertThat(p.complete()).isFalse();
    assertThat(p.strategies().get(0).stats().n()).isEqualTo(2);
    // only seed 2 has both: a ranks 1, b ranks 2
    assertThat(p.strategies().get(0).rankedSeeds()).isEqualTo(1);
    assertThat(p.strategies()).extracting(Comparison.StrategyRow::meanRank).containsExactly(1.0, 2.0);
    // exact test of {0.02, 0.01} vs {0.03, 0.04}: W = 0 of 4 pairs; p = 2 · 1/C(4,2) = 1/3
    assertThat(p.pairs().get(0).test().p()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(p.pairs().get(0).test().method()).isEqualTo("exact");
  }

  @Test
  void cliquesJoinStrategiesWithinOneCriticalDifference() {
    // mean ranks 1.0, 1.5, 2.6, 3.9 with CD 1.2: {1.0, 1.5}, {1.5, 2.6}; 3.9 alone
    nas4j.experiment.stats.Friedman f = new nas4j.experiment.stats.Friedman(10, 4,
        new double[] {2.6, 1.0, 3.9, 1.5}, 0, 3, 1);
    Comparison.Ranking r = new Comparison.Ranking("time", List.of("w", "x", "y", "z"), List.of(), f, 1.2);
    List<int[]> c = Comparison.cliques(r);
    assertThat(c).hasSize(2);
    assertThat(c.get(0)).containsExactly(1, 3);
    assertThat(c.get(1)).containsExactly(3, 0);
    assertThat(r.differ(1, 0)).isTrue();
    assertThat(r.differ(3, 0)).isFalse();
  }
}
