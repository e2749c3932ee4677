package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.Test;

class LearnerTest {
  @Test
  void sameInputsGiveTheSamePredictionsAndTheyFollowTheLabels() {
    SpaceIndex s = SpaceIndex.shared();
    int n = 600;
    int f = CellFeatures.COUNT;
    float[] x = new float[n * f];
    float[] y = new float[n];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      int id = r.nextInt(s.size());
      CellFeatures.write(s, id, x, i * f);
      y[i] = x[i * f + 21 + 15 + 2] * 0.01f + 0.9f; // a label driven by the conv3x3 count
    }
    Learner l = new Learner(50, 0.1, 15, "reg:squarederror", 0.01, 0.8, 0.8);
    float[] p1 = l.fitPredict(x, n, y, x, n);
    float[] p2 = l.fitPredict(x, n, y, x, n);
    assertThat(p2).containsExactly(p1);
    double err = 0;
    for (int i = 0; i < n; i++) {
      err += Math.abs(p1[i] - y[i]);
    }
    assertThat(err / n).isLessThan(0.002);
  }

  @Test
  void featuresOfTheInceptionCell() {
    SpaceIndex s = SpaceIndex.shared();
    int id = s.idOf(nas4j.space.ModuleHash.parse("28cfc7874f6d200472e1a9dcd8650aa0"));
    float[] x = new float[CellFeatures.COUNT];
    CellFeatures.write(s, id, x, 0);
    String[] names = CellFeatures.names();
    assertThat(names).hasSize(CellFeatures.COUNT);
    java.util.Map<String, Float> m = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], x[i]);
    }
    // Inception: in→{1,2,3,4}, 4→5, {1,2,3,5}→out; three conv3x3, one conv1x1, one maxpool (the Inception-like cell of the NAS-Bench-101 paper, Fig. 1)
    assertThat(m.get("vertices")).isEqualTo(7f);
    assertThat(m.get("edges")).isEqualTo(9f);
    assertThat(m.get("count_conv3x3")).isEqualTo(3f);
    assertThat(m.get("count_conv1x1")).isEqualTo(1f);
    assertThat(m.get("count_maxpool")).isEqualTo(1f);
    assertThat(m.get("paths")).isEqualTo(4f);
    assertThat(m.get("depth")).isEqualTo(3f);
    assertThat(m.get("shortest_path")).isEqualTo(2f);
    assertThat(m.get("output_fan_in")).isEqualTo(4f);
    assertThat(m.get("input_to_output")).isEqualTo(0f);
  }
}
