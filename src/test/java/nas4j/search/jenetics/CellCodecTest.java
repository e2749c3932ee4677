package nas4j.search.jenetics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenetics.Genotype;
import io.jenetics.IntegerGene;
import io.jenetics.util.RandomRegistry;
import java.util.SplittableRandom;
import nas4j.space.CellSpec;
import nas4j.space.MatrixSampler;
import org.junit.jupiter.api.Test;

/** The genotype ↔ cell mapping and Jenetics' random genotypes. */
class CellCodecTest {
  @Test
  void roundTripsRawEncodings() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 2000; i++) {
      CellSpec c = MatrixSampler.draw(rng);
      Genotype<IntegerGene> g = CellCodec.toGenotype(c);
      assertThat(CellCodec.toCell(g)).isEqualTo(c);
      assertThat(CellCodec.instance().decode(g)).isEqualTo(c);
      assertThat(CellCodec.edgeBits(g)).isEqualTo(c.edgeEncoding());
      assertThat(CellCodec.ops(g)).containsExactly(c.opEncoding());
      for (int v = 0; v < CellSpec.VARIABLES; v++) {
        int expected = v < 21 ? c.edgeEncoding() >>> v & 1 : c.opEncoding()[v - 21];
        assertThat(CellCodec.variable(g, v)).isEqualTo(expected);
      }
    }
  }

  @Test
  void sharesTheUnchangedChromosome() {
    Genotype<IntegerGene> g = CellCodec.genotype(0b101, new int[] {0, 1, 2, 0, 1});
    Genotype<IntegerGene> edgeChanged = CellCodec.of(0b111, new int[] {0, 1, 2, 0, 1}, g, 0b101);
    assertThat(edgeChanged.get(CellCodec.OPS)).isSameAs(g.get(CellCodec.OPS));
    assertThat(CellCodec.edgeBits(edgeChanged)).isEqualTo(0b111);
    Genotype<IntegerGene> opChanged = CellCodec.of(0b101, new int[] {2, 1, 2, 0, 1}, g, 0b101);
    assertThat(opChanged.get(CellCodec.EDGES)).isSameAs(g.get(CellCodec.EDGES));
    assertThat(CellCodec.ops(opChanged)).containsExactly(2, 1, 2, 0, 1);
  }

  @Test
  void randomGenotypesAreFairBitsAndUniformOpsFromTheRegistry() {
    int[] ones = new int[21];
    int[][] ops = new int[5][3];
    int n = 6000;
    Genotype<IntegerGene> first = RandomRegistry.with(new SplittableRandom(2), r -> {
      Genotype<IntegerGene> f = null;
      for (int i = 0; i < n; i++) {
        Genotype<IntegerGene> g = CellCodec.instance().encoding().newInstance();
        f = f == null ? g : f;
        for (int k = 0; k < 21; k++) {
          ones[k] += CellCodec.variable(g, k);
        }
        for (int j = 0; j < 5; j++) {
          ops[j][CellCodec.variable(g, 21 + j)]++;
        }
      }
      return f;
    });
    for (int k = 0; k < 21; k++) {
      assertThat((double) ones[k] / n).isBetween(0.5 - 5 * Math.sqrt(0.25 / n), 0.5 + 5 * Math.sqrt(0.25 / n));
    }
    double sd = Math.sqrt(n * (1 / 3.0) * (2 / 3.0));
    for (int j = 0; j < 5; j++) {
      for (int x = 0; x < 3; x++) {
        assertThat((double) ops[j][x]).isBetween(n / 3.0 - 5 * sd, n / 3.0 + 5 * sd);
      }
    }
    // seeded: the same generator gives the same genotype
    Genotype<IntegerGene> again = RandomRegistry.with(new SplittableRandom(2),
        r -> CellCodec.instance().encoding().newInstance());
    assertThat(again).isEqualTo(first);
  }
}
