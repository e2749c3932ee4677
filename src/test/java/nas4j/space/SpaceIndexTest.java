package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enumerates the space from scratch once (not from the cache) and checks the published counts (paper; docs/format.md). */
class SpaceIndexTest {
  static SpaceIndex fresh;

  @BeforeAll
  static void enumerate() {
    fresh = SpaceIndex.enumerate();
  }

  @Test
  void countsByVertexMatchTheOfficialTable() {
    assertThat(fresh.size()).isEqualTo(423_624);
    assertThat(fresh.fullDagCount()).isEqualTo(6_472);
    assertThat(fresh.labelledGraphCount()).isEqualTo(1_293_208);
    assertThat(fresh.countsByVertices()).containsExactly(0, 0, 1, 6, 84, 2_441, 62_010, 359_082);
    assertThat(fresh.fullDagsByVertices()).containsExactly(0, 0, 1, 2, 10, 121, 1_545, 4_793);
    assertThat(fresh.labelledByVertices()).containsExactly(0, 0, 1, 6, 90, 3_267, 125_145, 1_164_699);
  }

  @Test
  void countsByEdgeMatchTheOfficialTable() {
    assertThat(fresh.countsByEdges()).containsExactly(0, 1, 3, 12, 60, 339, 2_134, 13_984, 78_822, 328_269);
  }

  @Test
  void canonicalRepresentativesAreThoseOfTheDataFiles() {
    int first = fresh.idOf(ModuleHash.parse("00005c142e6f48ac74fdcf73e3439874"));
    assertThat(fresh.cell(first).adjacencyString()).isEqualTo("0100110001000000010010000010000001000000010000000");
    assertThat(fresh.cell(first).opsString())
        .isEqualTo("input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output");
    assertThat(fresh.parameters(first)).isEqualTo(8_555_530);

    int best = fresh.idOf(ModuleHash.parse("02e5a0247bbdcf2860b7e96f74961594"));
    assertThat(fresh.cell(best).adjacencyString()).isEqualTo("0110011000001000010000000100000001000000010000000");
    assertThat(fresh.cell(best).opsString())
        .isEqualTo("input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output");
    assertThat(fresh.parameters(best)).isEqualTo(32_426_634);

    int inception = fresh.idOf(ModuleHash.parse("28cfc7874f6d200472e1a9dcd8650aa0"));
    assertThat(fresh.cell(inception).adjacencyString())
        .isEqualTo("0111100000000100000010000001000001000000010000000");
    assertThat(fresh.cell(inception).opsString())
        .isEqualTo("input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output");
  }

  @Test
  void lookupByCellAgreesWithTheHasherAndIsIsomorphismInvariant() {
    CellHasher hasher = new CellHasher();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int k = 0; k < 3000; k++) {
      int id = rnd.nextInt(fresh.size());
      CellSpec c = fresh.cell(id);
      assertThat(fresh.hash(id)).isEqualTo(hasher.hash(c));
      assertThat(fresh.idOf(c)).isEqualTo(id);
      assertThat(fresh.idOf(fresh.hash(id))).isEqualTo(id);
      assertThat(fresh.idOf(Relabel.randomly(c, rnd))).isEqualTo(id);
    }
    assertThat(fresh.smallestHash()).isEqualTo(ModuleHash.parse("00005c142e6f48ac74fdcf73e3439874"));
  }

  @Test
  void unknownHashGivesMinusOne() {
    assertThat(fresh.idOf(ModuleHash.parse("926a133285cb34c1a38eefe60e7586d4"))).isEqualTo(-1);
  }

  @Test
  void cacheRoundTripAndCorruptionIsDetected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("idx.bin");
    SpaceIndexCache.write(fresh, f);
    SpaceIndex back = SpaceIndexCache.read(f);
    assertThat(back.size()).isEqualTo(fresh.size());
    for (int id = 0; id < fresh.size(); id += 997) {
      assertThat(back.cell(id)).isEqualTo(fresh.cell(id));
      assertThat(back.hash(id)).isEqualTo(fresh.hash(id));
      assertThat(back.parameters(id)).isEqualTo(fresh.parameters(id));
    }
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length / 2] ^= 1;
    Files.write(f, bytes);
    assertThatThrownBy(() -> SpaceIndexCache.read(f)).hasMessageContaining("checksum");
    // loadOrBuild recovers from a corrupt cache by enumerating again (not run here: covered by read's check)
  }
}
