package nas4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nas4j.space.CellSpec;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.Test;

class CellShapeTest {
  static final String C3 = "conv3x3-bn-relu";
  static final String C1 = "conv1x1-bn-relu";
  static final String MP = "maxpool3x3";

  static CellSpec cell(int[][] m, String... interior) {
    List<String> ops = new java.util.ArrayList<>();
    ops.add("input");
    ops.addAll(List.of(interior));
    ops.add("output");
    return CellSpec.of(m, ops);
  }

  @Test
  void chainIsDeepAndNarrow() {
    CellSpec chain = cell(new int[][] {
      {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}}, C3, C1, MP);
    assertThat(CellShape.depth(chain)).isEqualTo(4);
    assertThat(CellShape.width(chain)).isEqualTo(1);
  }

  @Test
  void parallelBranchesAreShallowAndWide() {
    CellSpec wide = cell(new int[][] {
      {0, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0, 0}}, C3, C3, C1, MP);
    assertThat(CellShape.depth(wide)).isEqualTo(2);
    assertThat(CellShape.width(wide)).isEqualTo(4);
  }

  @Test
  void skipConnectionCountsForNeitherWidthNorDepth() {
    // input -> a -> b -> output, input -> output, input -> b
    CellSpec c = cell(new int[][] {{0, 1, 1, 1}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}}, C3, C1);
    assertThat(CellShape.depth(c)).isEqualTo(3);
    assertThat(CellShape.width(c)).isEqualTo(1);
    CellSpec direct = cell(new int[][] {{0, 1}, {0, 0}});
    assertThat(CellShape.depth(direct)).isEqualTo(1);
    assertThat(CellShape.width(direct)).isZero();
  }

  @Test
  void danglingVerticesArePrunedFirst() {
    // vertex 2 has no path to the output
    CellSpec c = cell(new int[][] {{0, 1, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}, {0, 0, 0, 0}}, C3, C1);
    assertThat(CellShape.depth(c)).isEqualTo(2);
    assertThat(CellShape.width(c)).isEqualTo(1);
    CellSpec broken = cell(new int[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}}, C3);
    assertThatThrownBy(() -> CellShape.depth(broken)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not connect");
  }

  @Test
  void shapeEffectsAverageExactlyPerValue() {
    SpaceIndex space = SpaceIndex.shared();
    CellSpec chain = cell(new int[][] {
      {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}}, C3, C1, MP);
    CellSpec chain2 = cell(new int[][] {
      {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}}, C3, C3, C3);
    CellSpec direct = cell(new int[][] {{0, 1}, {0, 0}});
    float[] v = LandscapeValues.nanArray(space.size());
    float[] te = LandscapeValues.nanArray(space.size());
    float[] ti = LandscapeValues.nanArray(space.size());
    v[space.idOf(chain)] = 0.5f;
    ti[space.idOf(chain)] = 100;
    v[space.idOf(chain2)] = 0.75f;
    ti[space.idOf(chain2)] = 300;
    v[space.idOf(direct)] = 0.25f;
    ti[space.idOf(direct)] = 10;
    ShapeEffects s = ShapeEffects.compute(LandscapeValues.of("hand", space, 108, v, te, ti));
    assertThat(s.depth()).containsExactly(new ShapeEffects.Row(1, 1, 0.25, 10), new ShapeEffects.Row(4, 2, 0.625, 200));
    assertThat(s.width()).containsExactly(new ShapeEffects.Row(0, 1, 0.25, 10), new ShapeEffects.Row(1, 2, 0.625, 200));
  }
}
