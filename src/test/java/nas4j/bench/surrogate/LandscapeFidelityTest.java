package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nas4j.bench.Benchmark;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Surrogate v2 has the real landscape where search happens: each figure against the real value measured on the
 * committed real data (the sample's single repeats, the complete records) or the published optimum.
 */
class LandscapeFidelityTest {
  static LandscapeFidelity land;

  @BeforeAll
  static void measure() throws Exception {
    Benchmark bench = SurrogateBenchmark.load();
    land = LandscapeFidelity.measure(bench, SharedData.require("nb101/sample-20k.csv"),
        SharedData.require("nb101/complete-records.json"));
  }

  @Test
  void optimaAreThePublishedOnes() {
    // published: best mean validation 0.9505542318026224, best mean test 0.943175752957662
    assertThat(land.row("best_mean_validation").surrogate()).isCloseTo(0.9505542318026224, within(0.0015));
    assertThat(land.row("best_mean_test").surrogate()).isCloseTo(0.943175752957662, within(0.0015));
  }

  @Test
  void theTopTailOfSingleRepeatsIsReal() {
    // real shares in the sample: ≥ 0.94: 4.07 %, ≥ 0.945: 0.405 %
    assertThat(land.row("share_single_repeats_at_least_0.940").real()).isCloseTo(0.0407, within(0.0005));
    assertThat(land.row("share_single_repeats_at_least_0.945").real()).isCloseTo(0.00405, within(0.0001));
    for (String key : new String[] {"share_single_repeats_at_least_0.940", "share_single_repeats_at_least_0.945"}) {
      LandscapeFidelity.Row r = land.row(key);
      assertThat(r.surrogate()).as(key).isBetween(0.6 * r.real(), 1.5 * r.real());
    }
  }

  @Test
  void randomSearchSeesWhatItSeesOnTheRealTable() {
    // real: N = 10 → 0.9372, 100 → 0.9443, 1000 → 0.9476
    double[] real = {0.9372, 0.9443, 0.9476};
    for (int i = 0; i < 3; i++) {
      LandscapeFidelity.Row r = land.row("random_best_of_" + LandscapeFidelity.RANDOM_SIZES[i]);
      assertThat(r.real()).isCloseTo(real[i], within(0.0006));
      assertThat(r.surrogate()).as(r.key()).isCloseTo(r.real(), within(0.0015));
    }
  }

  @Test
  void neighboursAreAsAlikeAsRealOnes() {
    // real on the sample's 8,944 no-hub pairs: Pearson 0.742, Spearman 0.779
    assertThat(land.row("neighbour_pearson").real()).isCloseTo(0.742, within(0.001));
    assertThat(land.row("neighbour_spearman").real()).isCloseTo(0.779, within(0.001));
    for (String key : new String[] {"neighbour_pearson", "neighbour_spearman"}) {
      LandscapeFidelity.Row r = land.row(key);
      assertThat(r.surrogate()).as(key).isCloseTo(r.real(), within(0.03));
    }
  }

  @Test
  void repeatsSpreadLittleAtTheTopAndBrokenRunsAreRare() {
    // complete records with mean > 0.93: repeat std 0.0006–0.0032
    LandscapeFidelity.Row spread = land.row("median_repeat_std_mean_above_0.93");
    assertThat(spread.surrogate()).isBetween(0.0006, 0.0032);
    LandscapeFidelity.Row broken = land.row("broken_share");
    assertThat(broken.real()).isCloseTo(98 / 20001.0, within(1e-9));
    assertThat(broken.surrogate()).isBetween(0.5 * broken.real(), 2 * broken.real());
  }
}
