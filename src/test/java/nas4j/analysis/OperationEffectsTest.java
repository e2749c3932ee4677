package nas4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import nas4j.bench.Benchmark;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.space.CellSpec;
import nas4j.space.Op;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.Test;

class OperationEffectsTest {
  static final SpaceIndex SPACE = SpaceIndex.shared();

  static int count(CellSpec c, Op op) {
    int k = 0;
    for (int v = 1; v < c.vertexCount() - 1; v++) {
      k += c.op(v) == op ? 1 : 0;
    }
    return k;
  }

  @Test
  void paddedEncodingLooksUpTheSameCellAsTheEditedMatrix() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int k = 0; k < 3000; k++) {
      int id = k == 0 ? 0 : rnd.nextInt(SPACE.size());
      CellSpec c = SPACE.cell(id);
      int n = c.vertexCount();
      int edges = OperationEffects.encodingEdges(n, c.adjacencyBits());
      int[] ops = new int[5];
      for (int v = 1; v < n - 1; v++) {
        ops[v - 1] = c.op(v).label();
      }
      assertThat(SPACE.idOf(CellSpec.fromEncoding(edges, ops))).isEqualTo(id);
      for (int v = 1; v < n - 1; v++) {
        Op[] edited = c.ops().toArray(new Op[0]);
        edited[v] = Op.interior((ops[v - 1] + 1) % 3);
        int[] o = ops.clone();
        o[v - 1] = (ops[v - 1] + 1) % 3;
        assertThat(SPACE.idOf(CellSpec.fromEncoding(edges, o))).isEqualTo(SPACE.idOf(CellSpec.of(c.matrix(), edited)));
      }
    }
  }

  @Test
  void linearLandscapeGivesExactOperationEffects() {
    Benchmark b = SyntheticBenchmarks.of("linear ops",
        c -> 0.9 - 0.01 * count(c, Op.CONV1X1) - 0.02 * count(c, Op.MAXPOOL3X3), 0.0, 7, new int[] {108});
    OperationEffects e = OperationEffects.compute(LandscapeValues.of(b, 108));
    double[][] expected = {{0, -1, -2}, {1, 0, -1}, {2, 1, 0}}; // [from][to] in points
    long conv3 = 0;
    long conv1 = 0;
    long pool = 0;
    for (int id = 0; id < SPACE.size(); id++) {
      CellSpec c = SPACE.cell(id);
      conv3 += count(c, Op.CONV3X3);
      conv1 += count(c, Op.CONV1X1);
      pool += count(c, Op.MAXPOOL3X3);
    }
    long[] vertices = {conv3, conv1, pool};
    Op[] ops = {Op.CONV3X3, Op.CONV1X1, Op.MAXPOOL3X3};
    for (int f = 0; f < 3; f++) {
      for (int t = 0; t < 3; t++) {
        if (f == t) {
          continue;
        }
        OperationEffects.Transition tr = e.get(ops[f], ops[t]);
        // every vertex of every cell has a partner cell in a complete table
        assertThat(tr.pairs()).isEqualTo(vertices[f]);
        assertThat(tr.accuracyMeanPoints()).isCloseTo(expected[f][t], within(1e-4));
        assertThat(tr.accuracyMedianPoints()).isCloseTo(expected[f][t], within(1e-4));
        assertThat(tr.accuracyStdPoints()).isLessThan(1e-4);
        assertThat(tr.timeMeanPercent()).isFinite();
      }
    }
  }

  @Test
  void constantLandscapeHasZeroAccuracyEffects() {
    OperationEffects e = OperationEffects.compute(LandscapeValues.of(SyntheticBenchmarks.constant(0.9), 108));
    for (OperationEffects.Transition t : e.transitions()) {
      assertThat(t.pairs()).isPositive();
      assertThat(t.accuracyMeanPoints()).isZero();
      assertThat(t.accuracyMedianPoints()).isZero();
      assertThat(t.accuracyStdPoints()).isZero();
    }
  }

  @Test
  void timeEffectIsTheRelativeChange() {
    // time = 1000 s per conv3x3 vertex + 100 s; accuracy constant
    LandscapeValues v = Landscapes.of("time", c -> 0.9, c -> 100 + 1000 * count(c, Op.CONV3X3), id -> true);
    OperationEffects e = OperationEffects.compute(v);
    // conv1x1 -> conv3x3 adds 1000 s to a cell with k conv3x3 vertices: +1000 / (100 + 1000 k) * 100 %
    double sum = 0;
    long n = 0;
    for (int id = 0; id < SPACE.size(); id++) {
      CellSpec c = SPACE.cell(id);
      int k = count(c, Op.CONV3X3);
      int m = count(c, Op.CONV1X1);
      sum += m * 100.0 * 1000 / (100 + 1000 * k);
      n += m;
    }
    assertThat(e.get(Op.CONV1X1, Op.CONV3X3).pairs()).isEqualTo(n);
    assertThat(e.get(Op.CONV1X1, Op.CONV3X3).timeMeanPercent()).isCloseTo(sum / n, within(1e-3));
    assertThat(e.get(Op.CONV1X1, Op.MAXPOOL3X3).timeMeanPercent()).isZero();
  }

  @Test
  void partialTablesUseOnlyPairsWithBothCellsAndReduceIndependentlyOfThreads() throws Exception {
    SplittableRandom rnd = new SplittableRandom(5);
    boolean[] keep = new boolean[SPACE.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = rnd.nextInt(5) == 0;
    }
    LandscapeValues v = Landscapes.of("partial", c -> 0.85 + 0.01 * count(c, Op.CONV3X3) + 0.001 * c.edgeCount(),
        c -> 500 + 10 * c.edgeCount() + 50 * count(c, Op.CONV3X3), id -> keep[id]);
    OperationEffects one = inPool(1, v);
    OperationEffects three = inPool(3, v);
    assertThat(three).isEqualTo(one);
    // about 1 in 5 partner cells is present
    long all = Landscapes.of("all", c -> 0.9, c -> 1, id -> keep[id]).count();
    assertThat(one.get(Op.CONV3X3, Op.CONV1X1).pairs()).isPositive().isLessThan(all);
    assertThat(one.get(Op.CONV3X3, Op.CONV1X1).accuracyMeanPoints()).isCloseTo(-1, within(1e-4));
  }

  private static OperationEffects inPool(int threads, LandscapeValues v) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> OperationEffects.compute(v)).get();
    } finally {
      pool.shutdown();
    }
  }
}
