package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nas4j.space.Neighbours;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EditGraphTest {
  static SpaceIndex space;
  static EditGraph graph;

  @BeforeAll
  static void build() {
    space = SpaceIndex.shared();
    graph = EditGraph.of(space);
  }

  @Test
  void containsEveryOneEditNeighbour() {
    for (int id = 0; id < space.size(); id += 4999) {
      double[] x = new double[space.size()];
      int[] nb = Neighbours.ids(space.cell(id), space);
      assertThat(graph.degree(id)).isEqualTo(nb.length);
      for (int b : nb) {
        // smoothing a unit vector at b over the graph gives id the share 1/degree iff b is a neighbour of id
        x[b] = 1;
        assertThat(graph.smooth(x, 1)[id]).as("%d-%d", id, b).isEqualTo(1.0 / graph.degree(id));
        x[b] = 0;
      }
    }
  }

  @Test
  void smoothingKeepsConstantsAndMovesTowardsTheNeighbours() {
    int n = space.size();
    double[] constant = new double[n];
    java.util.Arrays.fill(constant, 0.25);
    assertThat(graph.smooth(constant, 0.3)[12345]).isCloseTo(0.25, within(1e-15));
    // a single 1 at one cell: after a full step (alpha 1) the cell itself keeps nothing of it
    double[] spike = new double[n];
    spike[12345] = 1;
    assertThat(graph.smooth(spike, 1)[12345]).isZero();
    assertThat(graph.smooth(spike, 0.3)[12345]).isCloseTo(0.7, within(1e-15));
  }
}
