package nas4j.bench.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nas4j.bench.Benchmark;
import nas4j.bench.CellMetrics;
import nas4j.bench.NasBench;
import nas4j.bench.RepeatPolicy;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written by another tool may store a cell in its own vertex order and its own parameter count; like the
 * official API (which keeps the first record's fixed data of each hash) nas4j returns exactly what is stored,
 * with the exact count as a separate field.
 */
public class StoredFixedDataTest {
  /** The parameter count the altered file stores for its first cell. */
  public static final int STORED_PARAMETERS = 1_234_567;
  @TempDir
  Path tmp;

  static List<TrainingRun> sample() throws Exception {
    List<TrainingRun> out = new ArrayList<>();
    try (TfRecordReader r = TfRecordReader.open(SharedData.require("nb101/only108-sample.tfrecord"))) {
      while (r.next()) {
        out.add(TrainingRun.decode(r.payload()));
      }
    }
    return out;
  }

  /** The first vertex order (interior vertices permuted) that keeps the matrix upper-triangular and changes it. */
  static CellSpec permuted(CellSpec c) {
    int n = c.vertexCount();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    while (nextPermutation(perm, 1, n - 1)) {
      int[][] m = new int[n][n];
      List<String> ops = new ArrayList<>();
      boolean upper = true;
      for (int i = 0; i < n; i++) {
        ops.add(c.op(perm[i]).officialName());
        for (int j = 0; j < n; j++) {
          m[i][j] = c.hasEdge(perm[i], perm[j]) ? 1 : 0;
          upper &= m[i][j] == 0 || j > i;
        }
      }
      if (upper) {
        CellSpec p = CellSpec.of(m, ops);
        if (!p.equals(c)) {
          return p;
        }
      }
    }
    throw new AssertionError("no other vertex order for " + c);
  }

  /** Next lexicographic permutation of a[from..to) (false after the last). */
  static boolean nextPermutation(int[] a, int from, int to) {
    int i = to - 2;
    while (i >= from && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < from) {
      return false;
    }
    int j = to - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = to - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  /**
   * Writes the 102-record sample with its first cell that has another valid vertex order altered: every record of
   * that cell stores the permuted adjacency and ops, its first record stores {@link #STORED_PARAMETERS} (the later
   * ones the exact count, so the first record's value must win); and a second cell whose second record alone stores
   * another count (so the exact count, stored by its first record, must be returned).
   */
  public static Path writeAltered(Path dir) throws Exception {
    List<TrainingRun> runs = sample();
    String target = null;
    String second = null;
    for (TrainingRun r : runs) {
      CellSpec c = CellSpec.parse(r.adjacency(), r.operations());
      if (target == null && c.vertexCount() == 7 && hasOtherOrder(c)) {
        target = r.moduleHash();
      } else if (second == null && !r.moduleHash().equals(target) && target != null) {
        second = r.moduleHash();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean firstTarget = true;
    int secondSeen = 0;
    for (TrainingRun r : runs) {
      TrainingRun w = r;
      if (r.moduleHash().equals(target)) {
        CellSpec p = permuted(CellSpec.parse(r.adjacency(), r.operations()));
        w = new TrainingRun(r.moduleHash(), r.epochs(), p.adjacencyString(), p.opsString(),
            firstTarget ? STORED_PARAMETERS : r.trainableParameters(), r.totalTime(), r.evaluations());
        firstTarget = false;
      } else if (r.moduleHash().equals(second) && secondSeen++ == 1) {
        w = new TrainingRun(r.moduleHash(), r.epochs(), r.adjacency(), r.operations(), 7, r.totalTime(),
            r.evaluations());
      }
      out.write(TfRecordWriter.frame(w.encode()));
    }
    return Files.write(dir.resolve("altered.tfrecord"), out.toByteArray());
  }

  static boolean hasOtherOrder(CellSpec c) {
    try {
      permuted(c);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** The hash of the altered cell (the first whose records store a permuted order). */
  public static String alteredHash(Path altered) throws Exception {
    try (TfRecordReader r = TfRecordReader.open(altered)) {
      while (r.next()) {
        TrainingRun t = TrainingRun.decode(r.payload());
        if (t.trainableParameters() == STORED_PARAMETERS) {
          return t.moduleHash();
        }
      }
    }
    throw new AssertionError("no altered record");
  }

  /** The first record of a hash in a file, as stored. */
  public static TrainingRun firstRecordOf(Path file, String hash) throws Exception {
    try (TfRecordReader r = TfRecordReader.open(file)) {
      while (r.next()) {
        TrainingRun t = TrainingRun.decode(r.payload());
        if (t.moduleHash().equals(hash)) {
          return t;
        }
      }
    }
    throw new AssertionError("no record of " + hash);
  }

  /** The exact parameter count of a cell (computed from its graph by the space). */
  public static int exact(String hash) {
    SpaceIndex s = SpaceIndex.shared();
    return s.parameters(s.idOf(ModuleHash.parse(hash)));
  }

  static void assertStoredAsWritten(Benchmark b, Path file) throws Exception {
    String hash = alteredHash(file);
    TrainingRun first = firstRecordOf(file, hash);
    NasBench nb = new NasBench(b, RepeatPolicy.MEAN, new java.util.SplittableRandom(0));
    CellMetrics m = nb.metrics(ModuleHash.parse(hash));
    // exactly the stored strings and count, not the canonical ones
    assertThat(m.stored().adjacencyString()).isEqualTo(first.adjacency());
    assertThat(m.stored().opsString()).isEqualTo(first.operations());
    assertThat(m.stored()).isNotEqualTo(m.canonical());
    assertThat(m.trainableParameters()).isEqualTo(STORED_PARAMETERS);
    assertThat(m.exactParameters()).isEqualTo(exact(hash)).isNotEqualTo(STORED_PARAMETERS);
    // the same cell, looked up by its canonical form
    assertThat(nb.metrics(m.canonical()).stored()).isEqualTo(m.stored());
    // the second altered cell: only its second record stores another count; the first record's (exact) wins
    int secondCells = 0;
    for (TrainingRun r : sample()) {
      if (!r.moduleHash().equals(hash)) {
        CellMetrics o = nb.metrics(ModuleHash.parse(r.moduleHash()));
        assertThat(o.trainableParameters()).isEqualTo(exact(r.moduleHash()));
        assertThat(o.stored()).isEqualTo(o.canonical());
        secondCells++;
      }
    }
    assertThat(secondCells).isEqualTo(99); // 33 other cells × 3 repeats
  }

  @Test
  void storedVertexOrderAndParameterCountAreReturnedAsStored() throws Exception {
    Path f = writeAltered(tmp);
    List<String> warnings = new ArrayList<>();
    LoadedDataset d = Datasets.load(f, LoadOptions.defaults().withCache(false, false)
        .withWarnings(warnings::add));
    assertStoredAsWritten(d.benchmark(), f);
    // the warning is kept: two records store a count different from the exact one
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("2 records store a trainable-parameter count")
        .contains("queries return the stored count"));
    assertThat(d.benchmark().stored().differentParameterCounts()).isEqualTo(1);
    assertThat(d.benchmark().stored().differentCells()).isEqualTo(1);
  }

  @Test
  void theCacheKeepsTheStoredFixedData() throws Exception {
    Path f = writeAltered(tmp);
    Path cache = tmp.resolve("altered.cache");
    Datasets.convert(f, cache, LoadOptions.defaults().withWarnings(w -> { }));
    Benchmark fromCache = Datasets.load(cache, LoadOptions.defaults().withWarnings(w -> { })).benchmark();
    assertStoredAsWritten(fromCache, f);
  }
}
