package nas4j.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** Summary statistics against values computed by hand (and by numpy's default quantile method, R-7). */
class StatisticsTest {
  static final double[] ONE_TO_FOUR = {4, 1, 3, 2};

  @Test
  void quantilesInterpolateBetweenOrderStatisticsLikeR7() {
    // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 90, 100]) = 1, 1.75, 2.5, 3.7, 4
    assertThat(Statistics.quantiles(ONE_TO_FOUR, 0, 0.25, 0.5, 0.9, 1)).containsExactly(1, 1.75, 2.5, 3.7, 4);
    assertThat(Statistics.median(new double[] {5, 1, 3})).isEqualTo(3);
    assertThat(Statistics.quantile(new double[] {7}, 0.25)).isEqualTo(7);
    assertThat(ONE_TO_FOUR).containsExactly(4, 1, 3, 2); // input untouched
  }

  @Test
  void meanStandardDeviationAndStandardError() {
    assertThat(Statistics.mean(ONE_TO_FOUR)).isEqualTo(2.5);
    // squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; variance 5/3; sd √(5/3); se √(5/3)/2
    assertThat(Statistics.standardDeviation(ONE_TO_FOUR)).isCloseTo(1.2909944487358056, offset(1e-15));
    assertThat(Statistics.standardError(ONE_TO_FOUR)).isCloseTo(0.6454972243679028, offset(1e-15));
  }

  @Test
  void undefinedCasesAreNaNAndMissingValuesAreLeftOut() {
    assertThat(Statistics.mean(new double[0])).isNaN();
    assertThat(Statistics.median(new double[0])).isNaN();
    assertThat(Statistics.standardError(new double[] {1})).isNaN();
    assertThat(Statistics.present(new double[] {1, Double.NaN, 3})).containsExactly(1, 3);
    assertThat(Statistics.present(new float[] {1, Float.NaN, 3, 9}, 3)).containsExactly(1, 3);
  }
}
