package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighboursAndDistanceTest {
  final SpaceIndex space = SpaceIndex.shared();

  @Test
  void neighboursAreValidDistinctAndExcludeTheCell() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int k = 0; k < 300; k++) {
      int id = rnd.nextInt(space.size());
      CellSpec c = space.cell(id);
      List<Neighbours.Neighbour> ns = Neighbours.of(c, space);
      assertThat(ns).isNotEmpty();
      assertThat(ns.stream().mapToInt(Neighbours.Neighbour::cellId).distinct().count()).isEqualTo(ns.size());
      for (Neighbours.Neighbour n : ns) {
        assertThat(n.cellId()).isNotEqualTo(id);
        assertThat(space.idOf(n.spec())).isEqualTo(n.cellId());
        int d = EditDistance.between(c, n.spec());
        assertThat(d).isPositive();
        if (n.spec().isPruned()) {
          // nothing was pruned away: the single edit is the shortest way
          assertThat(d).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void opChangeNeighboursAreAtDistanceOne() {
    CellSpec inception = CellSpec.parse("0111100000000100000010000001000001000000010000000",
        "input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output");
    // 5 interior vertices x 2 other ops, some isomorphic to each other
    List<Neighbours.Neighbour> ns = Neighbours.of(inception, space);
    long opChanges = ns.stream().filter(n -> n.spec().adjacencyBits() == inception.adjacencyBits()).count();
    assertThat(opChanges).isBetween(1L, 10L);
    ns.stream().filter(n -> n.spec().adjacencyBits() == inception.adjacencyBits())
        .forEach(n -> assertThat(EditDistance.between(inception, n.spec())).isEqualTo(1));
  }

  @Test
  void distanceIsZeroExactlyForIsomorphicCellsAndSymmetric() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int k = 0; k < 300; k++) {
      CellSpec a = space.cell(rnd.nextInt(space.size()));
      CellSpec b = space.cell(rnd.nextInt(space.size()));
      assertThat(EditDistance.between(a, Relabel.randomly(a, rnd))).isZero();
      int d = EditDistance.between(a, b);
      assertThat(d).isEqualTo(EditDistance.between(b, a));
      assertThat(d == 0).isEqualTo(space.idOf(a) == space.idOf(b));
    }
  }

  @Test
  void matrixSamplerIsSeededAndValid() {
    for (long seed = 0; seed < 20; seed++) {
      CellSpec a = MatrixSampler.sample(new SplittableRandom(seed), ValidityRule.API);
      assertThat(a).isEqualTo(MatrixSampler.sample(new SplittableRandom(seed), ValidityRule.API));
      assertThat(ValidityRule.API.isValid(a)).isTrue();
      assertThat(ValidityRule.RAW_EDGES_FIRST.isValid(
          MatrixSampler.sample(new SplittableRandom(seed), ValidityRule.RAW_EDGES_FIRST))).isTrue();
    }
  }
  // the exact valid fractions of the matrix sampler (all 2^21 matrices) are in ValidityRuleTest
}
