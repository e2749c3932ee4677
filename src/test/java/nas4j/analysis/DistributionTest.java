package nas4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void quantilesAndNearBestFractionsOfAHandMadeTable() {
    SpaceIndex space = SpaceIndex.shared();
    double[] acc = {0.94, 0.9385, 0.934, 0.925, 0.91, 0.80};
    float[] v = LandscapeValues.nanArray(space.size());
    float[] te = LandscapeValues.nanArray(space.size());
    float[] ti = LandscapeValues.nanArray(space.size());
    for (int i = 0; i < acc.length; i++) {
      v[1000 * i] = (float) acc[i];
      ti[1000 * i] = 100 * (i + 1);
    }
    Distribution d = Distribution.compute(LandscapeValues.of("hand", space, 108, v, te, ti));
    assertThat(d.cells()).isEqualTo(6);
    // no test accuracies: no test quantiles, no test near-best rows
    assertThat(d.quantiles()).extracting(Distribution.Quantiles::metric)
        .containsExactly("validation_accuracy", "training_time", "trainable_parameters");
    Distribution.Quantiles time = d.quantiles().get(1);
    assertThat(time.at(0)).isEqualTo(100);
    assertThat(time.at(1)).isEqualTo(600);
    assertThat(time.at(0.5)).isEqualTo(350); // type 7: halfway between 300 and 400
    assertThat(time.at(0.1)).isCloseTo(150, within(1e-9)); // h = 0.5
    assertThat(time.mean()).isEqualTo(350);
    assertThat(d.nearBest()).extracting(Distribution.NearBest::fraction)
        .containsExactly(1 / 6.0, 2 / 6.0, 3 / 6.0, 4 / 6.0, 5 / 6.0);
    assertThat(d.nearBest().get(0).best()).isCloseTo(0.94, within(1e-6));
  }
}
