package nas4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import nas4j.bench.io.Datasets;
import nas4j.bench.io.LoadOptions;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.OutOfDomainException;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official query semantics (google-research/nasbench {@code api.py}; docs/format.md) on the real sample files. */
class NasBenchTest {
  /** Global best cell 02e5a024… (automl/nas_benchmarks {@code y_star_test}; docs/format.md), canonical form. */
  static final CellSpec BEST = CellSpec.parse("0110011000001000010000000100000001000000010000000",
      "input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output");
  /** The same cell with vertices 1 and 2 swapped (isomorphic, not canonical). */
  static final CellSpec BEST_ISOMORPHIC = CellSpec.parse("0110011000100000000100000100000001000000010000000",
      "input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output");
  static final CellSpec DISCONNECTED = CellSpec.parse("010000000", "input,conv3x3-bn-relu,output");
  static final CellSpec CHAIN = CellSpec.parse("010001000", "input,conv3x3-bn-relu,output"); // in→conv→out

  static Benchmark only108;
  static Benchmark full;

  @BeforeAll
  static void load() {
    LoadOptions o = LoadOptions.noCache();
    only108 = Datasets.load(SharedData.require("nb101/only108-sample.tfrecord"), o).benchmark();
    full = Datasets.load(SharedData.require("nb101/full-sample.tfrecord"), o).benchmark();
  }

  private static NasBench nb(Benchmark b, RepeatPolicy p) {
    return new NasBench(b, p, new SplittableRandom(42));
  }

  @Test
  void fixedRepeatReturnsThatRunAndChargesIt() {
    NasBench nb = nb(only108, RepeatPolicy.fixed(2));
    QueryResult r = nb.query(BEST, 108, false);
    assertThat(r.hash().toString()).isEqualTo("02e5a0247bbdcf2860b7e96f74961594");
    assertThat(r.trainableParameters()).isEqualTo(32_426_634);
    assertThat(r.canonical()).isEqualTo(BEST);
    assertThat(r.repeat()).isEqualTo(2);
    // values published in google-research/nasbench#23 for one repeat of this cell
    assertThat(r.validationAccuracy()).isEqualTo(0.9431089758872986);
    assertThat(r.testAccuracy()).isEqualTo(0.9406049847602844);
    assertThat(r.trainingTime()).isEqualTo(4321.9140625);
    assertThat(nb.trainingTimeSpent()).isEqualTo(4321.9140625);
    assertThat(nb.totalEpochsSpent()).isEqualTo(108);
    assertThat(nb.queries()).isEqualTo(1);

    QueryResult h = nb.query(BEST_ISOMORPHIC, 108, true);
    assertThat(h.cellId()).isEqualTo(r.cellId());
    assertThat(h.canonical()).isEqualTo(BEST);
    assertThat(h.trainingTime()).isEqualTo(only108.value(r.cellId(), 108, 2, Metric.HALFWAY_TRAINING_TIME));
    assertThat(h.validationAccuracy()).isEqualTo(only108.value(r.cellId(), 108, 2,
        Metric.HALFWAY_VALIDATION_ACCURACY));
    assertThat(h.trainAccuracy()).isEqualTo(only108.value(r.cellId(), 108, 2, Metric.HALFWAY_TRAIN_ACCURACY));
    assertThat(nb.totalEpochsSpent()).isEqualTo(108 + 54);
    assertThat(nb.trainingTimeSpent()).isEqualTo(4321.9140625 + h.trainingTime());
    assertThat(nb.queries()).isEqualTo(2);

    nb.resetBudgetCounters();
    assertThat(nb.trainingTimeSpent()).isZero();
    assertThat(nb.totalEpochsSpent()).isZero();
    assertThat(nb.queries()).isZero();
  }

  @Test
  void halfwayOfAnOddBudgetChargesIntegerHalf() {
    NasBench nb = nb(full, RepeatPolicy.fixed(0));
    nb.query(BEST, 4, true);
    nb.query(BEST, 12, true);
    nb.query(BEST, 36, false);
    assertThat(nb.totalEpochsSpent()).isEqualTo(2 + 6 + 36);
  }

  @Test
  void meanPolicyAveragesTheRepeats() {
    NasBench nb = nb(only108, RepeatPolicy.MEAN);
    QueryResult r = nb.query(BEST, 108, false);
    int id = r.cellId();
    double mean = 0;
    for (int i = 0; i < 3; i++) {
      mean += only108.value(id, 108, i, Metric.FINAL_TEST_ACCURACY);
    }
    assertThat(r.repeat()).isEqualTo(-1);
    assertThat(r.testAccuracy()).isEqualTo(mean / 3);
    assertThat(r.testAccuracy()).isCloseTo(0.943175752957662, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void samplePolicyIsUniformAndReproducibleFromTheSeed() {
    NasBench a = nb(only108, RepeatPolicy.SAMPLE);
    NasBench b = nb(only108, RepeatPolicy.SAMPLE);
    Set<Integer> seen = new HashSet<>();
    int[] counts = new int[3];
    for (int i = 0; i < 600; i++) {
      QueryResult x = a.query(BEST, 108, false);
      QueryResult y = b.query(BEST, 108, false);
      assertThat(y).isEqualTo(x);
      assertThat(x.validationAccuracy()).isEqualTo(only108.value(x.cellId(), 108, x.repeat(),
          Metric.FINAL_VALIDATION_ACCURACY));
      seen.add(x.repeat());
      counts[x.repeat()]++;
    }
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2);
    for (int c : counts) {
      assertThat(c).isBetween(150, 250);
    }
    assertThat(a.queries()).isEqualTo(600);
  }

  @Test
  void failedQueriesChargeNothing() {
    NasBench nb = nb(only108, RepeatPolicy.SAMPLE);
    nb.query(BEST, 108, false);
    double t = nb.trainingTimeSpent();
    assertThatThrownBy(() -> nb.query(BEST, 12, false)).isInstanceOf(UnknownBudgetException.class)
        .hasMessageContaining("12 epochs");
    // the epoch budget is checked before the spec
    assertThatThrownBy(() -> nb.query(DISCONNECTED, 36, false)).isInstanceOf(UnknownBudgetException.class);
    assertThatThrownBy(() -> nb.query(DISCONNECTED, 108, false)).isInstanceOf(OutOfDomainException.class);
    assertThatThrownBy(() -> nb.query(CHAIN, 108, false)).isInstanceOf(UnknownCellException.class)
        .hasMessageContaining("not in this table");
    assertThatThrownBy(() -> nb.query(ModuleHash.parse("ffffffffffffffffffffffffffffffff"), 108, false))
        .isInstanceOf(UnknownCellException.class);
    NasBench fixed3 = nb(only108, RepeatPolicy.fixed(3));
    assertThatThrownBy(() -> fixed3.query(BEST, 108, false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(fixed3.queries()).isZero();
    assertThat(nb.trainingTimeSpent()).isEqualTo(t);
    assertThat(nb.totalEpochsSpent()).isEqualTo(108);
    assertThat(nb.queries()).isEqualTo(1);
  }

  @Test
  void metricsAreFreeAndComplete() {
    NasBench nb = nb(full, RepeatPolicy.SAMPLE);
    CellMetrics m = nb.metrics(BEST_ISOMORPHIC);
    assertThat(m.hash().toString()).isEqualTo("02e5a0247bbdcf2860b7e96f74961594");
    assertThat(m.canonical()).isEqualTo(BEST);
    assertThat(m.trainableParameters()).isEqualTo(32_426_634);
    assertThat(m.runsByEpochs().keySet()).containsExactly(4, 12, 36, 108);
    List<RunMetrics> runs = m.runsByEpochs().get(108);
    assertThat(runs).hasSize(3);
    assertThat(runs.get(2).finalValidationAccuracy()).isEqualTo(0.9431089758872986);
    assertThat(nb.metrics(m.hash())).isEqualTo(m);
    assertThat(nb.queries()).isZero();
    assertThat(nb.trainingTimeSpent()).isZero();
    assertThat(nb.isValid(BEST_ISOMORPHIC)).isTrue();
    assertThat(nb.isValid(DISCONNECTED)).isFalse();
    assertThat(nb.isValid(CHAIN)).isTrue();
  }
}
