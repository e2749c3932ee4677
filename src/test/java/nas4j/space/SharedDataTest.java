package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The space against the real data of the committed fixtures in {@code data/}: every hash of the 20k sample
 * is in the enumeration with its parameter count, and every user-given raw cell of the known-answer vectors gives
 * its listed hash and parameter count by both the hasher and the table look-up.
 */
class SharedDataTest {

  @Test
  void everyHashOfTheSampleIsEnumeratedWithItsParameterCount() throws IOException {
    Path csv = SharedData.require("nb101/sample-20k.csv");
    SpaceIndex space = SpaceIndex.shared();
    int rows = 0;
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      assertThat(header).startsWith("hash,trainable_parameters,");
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        rows++;
        String[] f = line.split(",", -1);
        ModuleHash h = ModuleHash.parse(f[0]);
        int params = Integer.parseInt(f[1]);
        int id = space.idOf(h);
        assertThat(id).as("line %d: hash %s in the enumeration", rows + 1, h).isNotNegative();
        assertThat(space.hash(id)).isEqualTo(h);
        assertThat(space.parameters(id)).as("line %d: parameters of %s", rows + 1, h).isEqualTo(params);
        CellSpec cell = space.cell(id);
        assertThat(ParameterCount.of(cell)).as("line %d: ParameterCount.of", rows + 1).isEqualTo(params);
        if (rows % 20 == 0) {
          // the full MD5 path on a subset (it is ~10x slower than the look-up)
          assertThat(new CellHasher().hash(cell)).isEqualTo(h);
        }
      }
    }
    assertThat(rows).isEqualTo(20_001);
  }

  @Test
  void randomRawCellsGiveTheListedHashAndParameterCount() throws IOException {
    Path tsv = SharedData.require("vectors/random-cells.tsv");
    SpaceIndex space = SpaceIndex.shared();
    CellHasher hasher = new CellHasher();
    int rows = 0;
    int needPruning = 0;
    int moreThanNineRaw = 0;
    int differsFromCanonical = 0;
    int inSample = 0;
    Map<ModuleHash, Integer> sample = sampleParameterCounts();
    try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      assertThat(r.readLine()).isEqualTo("adjacency\toperations\thash\ttrainable_parameters");
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        rows++;
        String[] f = line.split("\t", -1);
        CellSpec raw = CellSpec.parse(f[0], f[1]);
        ModuleHash expected = ModuleHash.parse(f[2]);
        long params = Long.parseLong(f[3]);
        String where = "row " + rows + " (" + f[0] + " " + f[1] + ")";
        assertThat(hasher.hash(raw)).as(where).isEqualTo(expected);
        assertThat(ModuleHash.of(raw)).as(where).isEqualTo(expected);
        assertThat(space.hashOf(raw)).as(where).isEqualTo(expected);
        // the listed count is that of the network built from the cell as given (pruned); the dataset's own
        // count belongs to the canonical representative and may differ (channel split follows vertex order)
        assertThat(ParameterCount.of(raw)).as(where).isEqualTo(params);
        int id = space.idOf(raw);
        Integer published = sample.get(expected);
        if (published != null) {
          // the dataset's own count of the canonical representative, from the real sample
          assertThat(space.parameters(id)).as(where).isEqualTo(published);
          inSample++;
        }
        differsFromCanonical += space.parameters(id) != params ? 1 : 0;
        needPruning += raw.isPruned() ? 0 : 1;
        moreThanNineRaw += raw.edgeCount() > 9 ? 1 : 0;
      }
    }
    assertThat(rows).isEqualTo(500);
    // the vectors exercise pruning and the API rule's pruned edge limit
    assertThat(needPruning).isPositive();
    assertThat(moreThanNineRaw).isPositive();
    assertThat(differsFromCanonical).isPositive();
    assertThat(inSample).as("vectors whose cell is in the real 20k sample").isPositive();
  }

  /** Hash → trainable parameters of the real sample (NAS-Bench-101's own counts). */
  static Map<ModuleHash, Integer> sampleParameterCounts() throws IOException {
    Map<ModuleHash, Integer> m = new HashMap<>();
    for (String line : Files.readAllLines(SharedData.require("nb101/sample-20k.csv"), StandardCharsets.UTF_8)
        .subList(1, 20_002)) {
      String[] f = line.split(",", 3);
      m.put(ModuleHash.parse(f[0]), Integer.parseInt(f[1]));
    }
    return m;
  }
}
