package nas4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import nas4j.space.EditDistance;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.Test;

class WalkStatisticsTest {
  static final SpaceIndex SPACE = SpaceIndex.shared();

  static LandscapeValues smooth() {
    return Landscapes.of("smooth", c -> 0.85 + 0.01 * OperationEffectsTest.count(c, Op.CONV3X3)
        - 0.01 * OperationEffectsTest.count(c, Op.MAXPOOL3X3) + 0.002 * c.edgeCount(), c -> 1000, id -> true);
  }

  @Test
  void walksAreSeededAndEveryStepChangesTheCell() {
    RandomWalks a = RandomWalks.run(SPACE, 6, 60, 10, 42);
    RandomWalks b = RandomWalks.run(SPACE, 6, 60, 10, 42);
    RandomWalks c = RandomWalks.run(SPACE, 6, 60, 10, 43);
    assertThat(a.walks()).isEqualTo(6);
    for (int w = 0; w < 6; w++) {
      assertThat(a.ids().get(w)).isEqualTo(b.ids().get(w));
      int[] ids = a.ids().get(w);
      assertThat(ids).hasSize(61);
      for (int k = 0; k + 1 < ids.length; k++) {
        assertThat(ids[k + 1]).isNotEqualTo(ids[k]);
        assertThat(EditDistance.between(SPACE.cell(ids[k]), SPACE.cell(ids[k + 1]))).isPositive();
      }
    }
    assertThat(c.ids().get(0)).isNotEqualTo(a.ids().get(0));
  }

  @Test
  void constantLandscapeHasZeroLocalityDifferencesAndUndefinedCorrelations() {
    LandscapeValues flat = Landscapes.of("flat", c -> 0.9, c -> 1000, id -> true);
    RandomWalks walks = RandomWalks.run(SPACE, 8, 120, 5, 1);
    RandomWalkAutocorrelation rwa = RandomWalkAutocorrelation.compute(flat, walks, 10, 2);
    assertThat(rwa.lags()).hasSize(10);
    for (RandomWalkAutocorrelation.Lag l : rwa.lags()) {
      assertThat(l.pairs()).isPositive();
      assertThat(l.autocorrelation()).isNaN();
      assertThat(l.shuffledAutocorrelation()).isNaN();
      assertThat(l.noiseBand()).isEqualTo(2 / Math.sqrt(l.pairs()));
    }
    assertThat(rwa.fallsToNoiseAtLag()).isEqualTo(-1);
    Locality loc = Locality.compute(flat, walks, 4, 8, 8, 200, 3);
    long pairs = 0;
    for (Locality.Row r : loc.rows()) {
      pairs += r.pairs();
      if (r.pairs() > 0) {
        assertThat(r.meanAbsDifferencePoints()).isZero();
      }
      assertThat(r.correlation()).isNaN();
    }
    assertThat(pairs).isPositive();
    assertThat(loc.random().meanAbsDifferencePoints()).isZero();
    assertThat(loc.random().correlation()).isNaN();
    assertThat(loc.randomMeanDistance()).isPositive();
  }

  @Test
  void smoothLandscapeIsLocalAndAutocorrelated() {
    LandscapeValues v = smooth();
    RandomWalks walks = RandomWalks.run(SPACE, 10, 400, 20, 9);
    RandomWalkAutocorrelation rwa = RandomWalkAutocorrelation.compute(v, walks, 20, 1);
    double lag1 = rwa.lags().get(0).autocorrelation();
    assertThat(lag1).isGreaterThan(0.3);
    assertThat(rwa.lags().get(19).autocorrelation()).isLessThan(lag1);
    // shuffling destroys the correlation
    assertThat(Math.abs(rwa.lags().get(0).shuffledAutocorrelation())).isLessThan(0.15);
    Locality loc = Locality.compute(v, walks, 8, 8, 8, 2000, 4);
    Locality.Row d1 = loc.rows().get(0);
    assertThat(d1.distance()).isEqualTo(1);
    assertThat(d1.pairs()).isPositive();
    assertThat(d1.meanAbsDifferencePoints()).isLessThan(loc.random().meanAbsDifferencePoints());
    assertThat(d1.correlation()).isGreaterThan(loc.random().correlation());
  }

  @Test
  void localityBinsPairsByTheirTrueDistance() {
    // accuracy = edit distance to a fixed reference cell / 100: pairs at distance d differ by at most d points
    int ref = 12345;
    var refCell = SPACE.cell(ref);
    LandscapeValues v = Landscapes.of("distance", c -> EditDistance.between(refCell, c) / 100.0, c -> 1, id -> true);
    RandomWalks walks = RandomWalks.run(SPACE, 4, 80, 0, 77);
    Locality loc = Locality.compute(v, walks, 5, 10, 8, 100, 5);
    for (Locality.Row r : loc.rows()) {
      if (r.pairs() > 0) {
        // triangle inequality: |d(ref,a) − d(ref,b)| ≤ d(a,b)
        assertThat(r.meanAbsDifferencePoints()).isLessThanOrEqualTo(r.distance() + 1e-4);
      }
    }
    assertThat(loc.rows().stream().mapToLong(Locality.Row::pairs).sum())
        .isLessThanOrEqualTo((long) loc.starts() * 10);
  }

  @Test
  void sameSeedSameReport() {
    LandscapeValues v = smooth();
    RandomWalks w1 = RandomWalks.run(SPACE, 5, 100, 5, 3);
    RandomWalks w2 = RandomWalks.run(SPACE, 5, 100, 5, 3);
    assertThat(RandomWalkAutocorrelation.compute(v, w1, 10, 8)).isEqualTo(RandomWalkAutocorrelation.compute(v, w2, 10, 8));
    assertThat(Locality.compute(v, w1, 5, 6, 8, 300, 2)).isEqualTo(Locality.compute(v, w2, 5, 6, 8, 300, 2));
  }
}
