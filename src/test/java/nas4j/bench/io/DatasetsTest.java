package nas4j.bench.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.TableBenchmark;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;
import nas4j.testing.MiniJson;
import nas4j.testing.SharedData;
import nas4j.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir
  Path tmp;

  private final List<String> warnings = new ArrayList<>();

  private LoadOptions opts() {
    return LoadOptions.noCache().withWarnings(warnings::add);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> completeRecords() throws Exception {
    return (Map<String, Object>) MiniJson.parse(Files.readString(SharedData.require("nb101/complete-records.json")));
  }

  @SuppressWarnings("unchecked")
  private static void assertMatchesCompleteRecords(Benchmark b, Map<String, Object> json, boolean fullOnly) {
    int checked = 0;
    for (Map.Entry<String, Object> e : json.entrySet()) {
      Map<String, Object> rec = (Map<String, Object>) e.getValue();
      Map<String, Object> computed = (Map<String, Object>) rec.get("computed");
      if (fullOnly && computed.size() != 4) {
        continue;
      }
      int id = b.idOf(ModuleHash.parse(e.getKey()));
      Map<String, Object> fixed = (Map<String, Object>) rec.get("fixed");
      assertThat(b.parameters(id)).isEqualTo(((Double) fixed.get("trainable_parameters")).intValue());
      assertThat(b.cell(id).opNames()).isEqualTo(fixed.get("module_operations"));
      List<List<Double>> adj = (List<List<Double>>) fixed.get("module_adjacency");
      int[][] m = b.cell(id).matrix();
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m.length; j++) {
          assertThat(m[i][j]).isEqualTo(adj.get(i).get(j).intValue());
        }
      }
      for (int epochs : b.epochBudgets()) {
        List<Map<String, Object>> runs = (List<Map<String, Object>>) computed.get(Integer.toString(epochs));
        assertThat(runs).hasSize(3);
        for (int r = 0; r < 3; r++) {
          for (Metric metric : Metric.values()) {
            double expected = (Double) runs.get(r).get(metric.key());
            assertThat(b.value(id, epochs, r, metric)).as("%s %d epochs repeat %d %s", e.getKey(), epochs, r, metric)
                .isEqualTo(expected);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(0);
  }

  @Test
  void only108SampleHoldsExactlyTheCompleteRecords() throws Exception {
    LoadedDataset d = Datasets.load(SharedData.require("nb101/only108-sample.tfrecord"), opts());
    Benchmark b = d.benchmark();
    assertThat(b.epochBudgets()).containsExactly(108);
    assertThat(b.repeats()).isEqualTo(3);
    assertThat(b.cellCount()).isEqualTo(34);
    assertThat(d.report().records()).isEqualTo(102);
    assertMatchesCompleteRecords(b, completeRecords(), false);
    assertThat(b.identity()).startsWith("only108-sample.tfrecord sha256:").endsWith("…");
    assertThat(d.identity().sha256()).hasSize(64).isEqualTo(Sha256.ofFile(
        SharedData.require("nb101/only108-sample.tfrecord")));
    assertThat(d.identity().official()).isEqualTo(DatasetIdentity.Official.NOT_OFFICIAL);
    // global best of the file = the global best of NAS-Bench-101 (automl/nas_benchmarks y_star_test)
    assertThat(b.optimum().bestTestCell().toString()).isEqualTo("02e5a0247bbdcf2860b7e96f74961594");
    assertThat(b.optimum().bestTest()).isCloseTo(0.943175752957662, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(warnings).isEmpty();
    // cells absent from the partial file
    assertThat(b.contains(0)).isEqualTo(b.cellIds().anyMatch(i -> i == 0));
  }

  @Test
  void fullSampleHoldsAllFourBudgets() throws Exception {
    LoadedDataset d = Datasets.load(SharedData.require("nb101/full-sample.tfrecord"), opts());
    Benchmark b = d.benchmark();
    assertThat(b.epochBudgets()).containsExactly(4, 12, 36, 108);
    assertThat(b.cellCount()).isEqualTo(4);
    assertThat(d.report().records()).isEqualTo(48);
    assertMatchesCompleteRecords(b, completeRecords(), true);
  }

  @Test
  void thirdPartyFileWithExtraProtobufFieldsLoads() {
    LoadedDataset d = Datasets.load(SharedData.require("third-party/ecnas-energy-4v9e.tfrecord"), opts());
    assertThat(d.report().records()).isEqualTo(1092);
    assertThat(d.benchmark().cellCount()).isEqualTo(91);
    assertThat(d.benchmark().epochBudgets()).containsExactly(4, 12, 36, 108);
    int id = d.benchmark().cellIds().findFirst().getAsInt();
    assertThat(d.benchmark().value(id, 108, 0, Metric.FINAL_VALIDATION_ACCURACY)).isBetween(0.0, 1.0);
  }

  @Test
  void genuineRecordAloneIsReportedAsMissingRepeats() {
    Path f = SharedData.require("third-party/genuine-record-00005c14-4epochs.tfrecord");
    assertThatThrownBy(() -> Datasets.load(f, opts())).isInstanceOf(DataFileException.class)
        .hasMessageContaining("00005c142e6f48ac74fdcf73e3439874").hasMessageContaining("has 1 record at 4 epochs");
  }

  @Test
  void resultDoesNotDependOnThreads() throws Exception {
    Path f = SharedData.require("third-party/ecnas-energy-4v9e.tfrecord");
    Benchmark one = Datasets.load(f, opts().withThreads(1)).benchmark();
    Benchmark three = Datasets.load(f, opts().withThreads(3)).benchmark();
    assertThat(three.table()).isEqualTo(one.table());
  }

  // ---------------------------------------------------------------- corrupt files

  private List<byte[]> samplePayloads() throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (TfRecordReader r = TfRecordReader.open(SharedData.require("nb101/only108-sample.tfrecord"))) {
      while (r.next()) {
        out.add(r.payload());
      }
    }
    return out;
  }

  private Path writeRecords(String name, List<byte[]> payloads) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : payloads) {
      out.write(TfRecordWriter.frame(p));
    }
    return Files.write(tmp.resolve(name), out.toByteArray());
  }

  private static long offsetOf(List<byte[]> payloads, int record) {
    long o = 0;
    for (int i = 0; i < record; i++) {
      o += payloads.get(i).length + 16;
    }
    return o;
  }

  private void assertBadRecord(String name, int record, java.util.function.UnaryOperator<String> damage,
      String expected) throws Exception {
    List<byte[]> p = samplePayloads();
    p.set(record, damage.apply(new String(p.get(record), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    Path f = writeRecords(name, p);
    assertThatThrownBy(() -> Datasets.load(f, opts())).isInstanceOf(DataFileException.class)
        .hasMessageContaining(name).hasMessageContaining("record " + record + " at byte offset "
            + offsetOf(p, record)).hasMessageContaining(expected);
  }

  @Test
  void badRecordsAreReportedWithFileOffsetAndRecordNumber() throws Exception {
    assertBadRecord("json.tfrecord", 40, s -> s.replace("\", 108, \"", "\" 108, \""), "bad JSON row");
    assertBadRecord("b64.tfrecord", 41, s -> s.substring(0, s.length() - 10) + "!" + s.substring(s.length() - 9),
        "bad base64");
    assertBadRecord("op.tfrecord", 42, s -> s.replace("conv3x3-bn-relu", "conv5x5-bn-relu"), "unknown op");
    assertBadRecord("hash.tfrecord", 43, s -> "[\"0123456789abcdef0123456789abcdef" + s.substring(34),
        "wrong module hash");
    assertBadRecord("epochs.tfrecord", 44, s -> s.replace(", 108, ", ", 100, "), "unknown epoch budget 100");
  }

  @Test
  void flippedByteAndTruncationAreReported() throws Exception {
    byte[] b = Files.readAllBytes(SharedData.require("nb101/only108-sample.tfrecord"));
    List<byte[]> p = samplePayloads();
    long off = offsetOf(p, 50);
    byte[] flipped = b.clone();
    flipped[(int) off + 100] ^= 0x20;
    Path f = Files.write(tmp.resolve("flip.tfrecord"), flipped);
    assertThatThrownBy(() -> Datasets.load(f, opts())).isInstanceOf(DataFileException.class)
        .hasMessageContaining("flip.tfrecord: record 50 at byte offset " + off).hasMessageContaining("CRC32C");
    Path t = Files.write(tmp.resolve("cut.tfrecord"), java.util.Arrays.copyOf(b, (int) off + 200));
    assertThatThrownBy(() -> Datasets.load(t, opts())).isInstanceOf(DataFileException.class)
        .hasMessageContaining("cut.tfrecord: record 50 at byte offset " + off).hasMessageContaining("truncated");
  }

  @Test
  void wrongRepeatCountsNameTheHash() throws Exception {
    List<byte[]> p = samplePayloads();
    String hash = new String(p.get(0), StandardCharsets.UTF_8).substring(2, 34);
    List<byte[]> four = new ArrayList<>(p);
    four.add(p.get(0));
    Path f = writeRecords("four.tfrecord", four);
    assertThatThrownBy(() -> Datasets.load(f, opts())).hasMessageContaining(hash)
        .hasMessageContaining("more than 3 records at 108 epochs").hasMessageContaining("record 102");
    List<byte[]> two = new ArrayList<>(p);
    two.remove(0);
    Path g = writeRecords("two.tfrecord", two);
    assertThatThrownBy(() -> Datasets.load(g, opts())).hasMessageContaining(hash)
        .hasMessageContaining("has 2 records at 108 epochs");
  }

  // ---------------------------------------------------------------- writer and cache

  @Test
  void writerRoundTripGivesTheSameTable() throws Exception {
    SpaceIndex space = SpaceIndex.shared();
    TableBenchmark syn = SyntheticBenchmarks.create(space, new int[] {4, 12, 36, 108}, 11, 211);
    Path full = tmp.resolve("full.tfrecord");
    DatasetWriter.write(syn, Variant.FULL, full, 2);
    LoadedDataset back = Datasets.load(full, opts());
    assertThat(back.benchmark().table()).isEqualTo(syn.table());
    assertThat(back.report().records()).isEqualTo(syn.cellCount() * 12L);
    // the writer is deterministic whatever its thread count
    Path again = tmp.resolve("again.tfrecord");
    DatasetWriter.write(syn, Variant.FULL, again, 1);
    assertThat(Files.mismatch(full, again)).isEqualTo(-1);

    Path only = tmp.resolve("only.tfrecord");
    DatasetWriter.write(syn, Variant.ONLY108, only);
    Benchmark b108 = Datasets.load(only, opts()).benchmark();
    assertThat(b108.epochBudgets()).containsExactly(108);
    b108.cellIds().limit(200).forEach(id -> {
      for (int r = 0; r < 3; r++) {
        assertThat(b108.run(id, 108, r)).isEqualTo(syn.run(id, 108, r));
      }
    });
    TableBenchmark only108 = SyntheticBenchmarks.create(space, new int[] {108}, 11, 211);
    assertThatThrownBy(() -> DatasetWriter.write(only108, Variant.FULL, tmp.resolve("x.tfrecord")))
        .hasMessageContaining("needs 4 epochs");
  }

  @Test
  void writerReproducesTheSampleFileExactly() throws Exception {
    Path sample = SharedData.require("nb101/full-sample.tfrecord");
    Benchmark b = Datasets.load(sample, opts()).benchmark();
    Path out = tmp.resolve("rewritten.tfrecord");
    DatasetWriter.write(b, Variant.FULL, out);
    Benchmark back = Datasets.load(out, opts()).benchmark();
    assertThat(back.table()).isEqualTo(b.table());
  }

  @Test
  void cacheIsWrittenReusedAndRebuilt() throws Exception {
    SpaceIndex space = SpaceIndex.shared();
    TableBenchmark syn = SyntheticBenchmarks.create(space, new int[] {108}, 5, 101);
    Path src = tmp.resolve("syn.tfrecord");
    DatasetWriter.write(syn, Variant.ONLY108, src);
    Path cache = Datasets.defaultCachePath(src);
    LoadedDataset conv = Datasets.convert(src, null, opts());
    assertThat(conv.report().cacheWritten()).isEqualTo(cache);
    assertThat(cache).exists();

    LoadOptions auto = LoadOptions.defaults().withWarnings(warnings::add);
    LoadedDataset fromCache = Datasets.load(src, auto);
    assertThat(fromCache.report().fromCache()).isTrue();
    assertThat(fromCache.benchmark().table()).isEqualTo(syn.table());
    assertThat(fromCache.identity()).isEqualTo(conv.identity());
    // the cache itself can be loaded too
    assertThat(Datasets.load(cache, auto).benchmark().table()).isEqualTo(syn.table());
    // --verify recomputes the source's SHA-256
    assertThat(Datasets.load(src, auto.withVerifySource(true)).report().fromCache()).isTrue();
    assertThat(warnings).isEmpty();

    // source changed (mtime) → rebuilt
    Files.setLastModifiedTime(src, FileTime.fromMillis(Files.getLastModifiedTime(src).toMillis() + 5000));
    LoadedDataset rebuilt = Datasets.load(src, auto);
    assertThat(rebuilt.report().fromCache()).isFalse();
    assertThat(rebuilt.report().cacheWritten()).isEqualTo(cache);
    assertThat(warnings).anyMatch(w -> w.contains("rebuilding"));
    assertThat(Datasets.load(src, auto).report().fromCache()).isTrue();

    // corrupt cache → ignored with a warning and rebuilt
    byte[] c = Files.readAllBytes(cache);
    c[c.length / 2] ^= 1;
    Files.write(cache, c);
    Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis()));
    warnings.clear();
    LoadedDataset again = Datasets.load(src, auto);
    assertThat(again.report().fromCache()).isFalse();
    assertThat(again.benchmark().table()).isEqualTo(syn.table());
    assertThat(warnings).anyMatch(w -> w.contains("checksum mismatch"));
    assertThat(Datasets.load(src, auto).report().fromCache()).isTrue();
  }

  /**
   * A source changed in place (same size and modification time, so the cache's header still matches): --verify finds
   * the SHA-256 changed, says which cache is stale, and decodes the source once. Damaged, its error is the source's
   * own (record number and offset), not an "unusable cache" warning followed by a second decode.
   */
  @Test
  void verifyOnASourceChangedInPlaceNamesTheStaleCacheAndDecodesOnce() throws Exception {
    Path src = Files.copy(SharedData.require("nb101/full-sample.tfrecord"), tmp.resolve("full-sample.tfrecord"));
    Path cache = Datasets.defaultCachePath(src);
    Datasets.convert(src, null, opts());
    LoadOptions verify = LoadOptions.defaults().withWarnings(warnings::add).withVerifySource(true);
    byte[] b = Files.readAllBytes(src);
    FileTime mtime = Files.getLastModifiedTime(src);
    b[5000] ^= 1; // inside record 11 (it starts at byte 4597: 11 records of 12 + 4 + 4 + payload bytes before it)
    Files.write(src, b);
    Files.setLastModifiedTime(src, mtime);
    warnings.clear();
    assertThatThrownBy(() -> Datasets.load(src, verify))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("record 11")
        .hasMessageContaining("CRC32C");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains(cache.toString()).contains("stale").contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b)));
    assertThat(warnings).noneMatch(w -> w.contains("unusable cache"));

    // changed back: the cache matches again and is used
    b[5000] ^= 1;
    Files.write(src, b);
    Files.setLastModifiedTime(src, mtime);
    warnings.clear();
    assertThat(Datasets.load(src, verify).report().fromCache()).isTrue();
    assertThat(warnings).isEmpty();
  }

  /** A cache cut short after its header (a full disk, a killed copy): ignored with a warning naming it. */
  @Test
  void aTruncatedCacheIsIgnoredAndTheSourceDecoded() throws Exception {
    Path src = Files.copy(SharedData.require("nb101/full-sample.tfrecord"), tmp.resolve("full-sample.tfrecord"));
    Path cache = Datasets.defaultCachePath(src);
    Datasets.convert(src, null, opts());
    byte[] c = Files.readAllBytes(cache);
    Files.write(cache, java.util.Arrays.copyOf(c, c.length / 2));
    warnings.clear();
    LoadedDataset d = Datasets.load(src, LoadOptions.defaults().withWarnings(warnings::add));
    assertThat(d.report().fromCache()).isFalse();
    assertThat(d.benchmark().table().cellCount()).isEqualTo(4); // the sample's 4 cells (complete-records.json)
    assertThat(warnings).anyMatch(w -> w.contains(cache.toString()));
  }

  @Test
  void officialNamesAreCheckedAgainstThePublishedSha() throws Exception {
    Path f = Files.copy(SharedData.require("nb101/only108-sample.tfrecord"),
        tmp.resolve(DatasetIdentity.ONLY108_NAME));
    LoadedDataset d = Datasets.load(f, opts());
    assertThat(d.identity().official()).isEqualTo(DatasetIdentity.Official.MISMATCH);
    assertThat(warnings).anyMatch(w -> w.contains(DatasetIdentity.ONLY108_SHA256) && w.contains("not the official"));
    assertThat(DatasetIdentity.of("x", 1, DatasetIdentity.FULL_SHA256).official())
        .isEqualTo(DatasetIdentity.Official.VERIFIED);
    assertThat(DatasetIdentity.of(DatasetIdentity.FULL_NAME, 1, DatasetIdentity.FULL_SHA256).identity())
        .isEqualTo("nasbench_full.tfrecord sha256:3d64db81…");
  }
}
