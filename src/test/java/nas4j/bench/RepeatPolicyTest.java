package nas4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Repeat policies, including naszilla's distinct-values mean with its rounded loss. */
class RepeatPolicyTest {

  static MetricsTable table(float a, float b, float c) {
    MetricsTable.Builder t = MetricsTable.builder(1, new int[] {108}, 3);
    float[] vals = {a, b, c};
    for (int r = 0; r < 3; r++) {
      t.set(0, 0, r, Metric.FINAL_VALIDATION_ACCURACY, vals[r]);
      t.set(0, 0, r, Metric.FINAL_TRAINING_TIME, 1000 + 10 * r);
    }
    return t.markPresent(0).build();
  }

  @Test
  void parsesEveryPolicyAndPrintsTheConfigName() {
    assertThat(RepeatPolicy.parse("sample")).isEqualTo(RepeatPolicy.SAMPLE);
    assertThat(RepeatPolicy.parse("MEAN")).isEqualTo(RepeatPolicy.MEAN);
    assertThat(RepeatPolicy.parse("mean-distinct")).isEqualTo(RepeatPolicy.MEAN_DISTINCT);
    assertThat(RepeatPolicy.parse("mean_distinct")).hasToString("mean-distinct");
    assertThat(RepeatPolicy.parse("fixed:2")).isEqualTo(RepeatPolicy.fixed(2)).hasToString("fixed:2");
    assertThatThrownBy(() -> RepeatPolicy.parse("median")).hasMessageContaining("mean-distinct");
  }

  /**
   * Hand-computed with naszilla's rule (docs/search-protocols.md, "The objective a strategy sees"): the float32
   * repeats 0.9, 0.9, 0.93 widen to 0.8999999761581421 and 0.9300000071525574; the tie counts once, so the mean is
   * 0.9149999916553497, the loss 100·(1 − mean) = 8.500000834465027 rounds to 8.5 at 4 decimals, and the accuracy
   * handed to the strategy is 1 − 8.5/100 = 0.915. The plain mean counts the tie twice: 0.9099999864896139.
   */
  @Test
  void meanDistinctAveragesTheDistinctValuesAndRoundsTheLossLikeNaszilla() {
    MetricsTable t = table(0.9f, 0.9f, 0.93f);
    int pick = RepeatPolicy.MEAN_DISTINCT.pick(3, new SplittableRandom(1));
    assertThat(pick).isEqualTo(RepeatPolicy.PICK_MEAN_DISTINCT);
    assertThat(t.valueOrMean(0, 0, pick, Metric.FINAL_VALIDATION_ACCURACY)).isCloseTo(0.915, offset(1e-15));
    assertThat(t.valueOrMean(0, 0, RepeatPolicy.PICK_MEAN, Metric.FINAL_VALIDATION_ACCURACY))
        .isCloseTo(0.9099999864896139, offset(1e-15));
    // times: plain mean of the distinct values (1000, 1010, 1020 here), never rounded
    assertThat(t.valueOrMean(0, 0, pick, Metric.FINAL_TRAINING_TIME)).isEqualTo(1010.0);
  }

  /**
   * Without ties the distinct mean is the plain mean, still rounded: 0.91, 0.92, 0.94 (float32) have mean
   * 0.9233333468437195, loss 7.666665315628052 → 7.6667, accuracy 1 − 7.6667/100 = 0.923333 (by hand, as above).
   */
  @Test
  void meanDistinctWithoutTiesIsTheRoundedPlainMean() {
    MetricsTable t = table(0.91f, 0.92f, 0.94f);
    assertThat(t.valueOrMean(0, 0, RepeatPolicy.PICK_MEAN_DISTINCT, Metric.FINAL_VALIDATION_ACCURACY))
        .isCloseTo(0.923333, offset(1e-15));
    assertThat(t.mean(0, 0, Metric.FINAL_VALIDATION_ACCURACY)).isCloseTo(0.9233333468437195, offset(1e-15));
  }
}
