package nas4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void meanDistinctAveragesTheDistinctValuesAndRoundsTheLossLikeNaszilla() {
    MetricsTable t = table(0.9f, 0.9f, 0.93f);
    int pick = RepeatPolicy.MEAN_DISTINCT.pick(3, new SplittableRandom(1));
    assertThat(pick).isEqualTo(RepeatPolicy.PICK_MEAN_DISTINCT);
    double expectedMean = (0.9f + (double) 0.93f) / 2; // ties counted once
    double expectedLoss = Math.rint(100 * (1 - expectedMean) * 1e4) / 1e4;
    assertThat(expectedLoss).isEqualTo(8.5);
    assertThat(t.valueOrMean(0, 0, pick, Metric.FINAL_VALIDATION_ACCURACY)).isEqualTo(1 - 8.5 / 100);
    // the plain mean counts the tie twice
    assertThat(t.valueOrMean(0, 0, RepeatPolicy.PICK_MEAN, Metric.FINAL_VALIDATION_ACCURACY))
        .isEqualTo((0.9f + 0.9f + (double) 0.93f) / 3);
    // times: plain mean of the distinct values (all distinct here), never rounded
    assertThat(t.valueOrMean(0, 0, pick, Metric.FINAL_TRAINING_TIME)).isEqualTo(1010.0);
  }

  @Test
  void meanDistinctWithoutTiesEqualsTheRoundedPlainMean() {
    MetricsTable t = table(0.91f, 0.92f, 0.94f);
    double plain = t.mean(0, 0, Metric.FINAL_VALIDATION_ACCURACY);
    double distinct = t.valueOrMean(0, 0, RepeatPolicy.PICK_MEAN_DISTINCT, Metric.FINAL_VALIDATION_ACCURACY);
    assertThat(distinct).isCloseTo(plain, org.assertj.core.data.Offset.offset(0.5e-6));
    assertThat(Math.abs(100 * (1 - distinct) * 1e4 - Math.rint(100 * (1 - distinct) * 1e4))).isLessThan(1e-6);
  }
}
