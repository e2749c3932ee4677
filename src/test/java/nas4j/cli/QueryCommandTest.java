package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas4j.testing.MiniJson;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest extends CommandTestSupport {
  @TempDir
  Path tmp;


  @Test
  @SuppressWarnings("unchecked")
  void jsonHasTheOfficialKeysForEveryBudgetAndRepeat() {
    String data = SharedData.require("nb101/full-sample.tfrecord").toString();
    // the isomorphic (non-canonical) form of the global best cell
    int code = run("query", "--data", data, "--json", "0110011000100000000100000100000001000000010000000",
        "input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output");
    assertThat(code).isZero();
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(out.toString().trim());
    assertThat(o.keySet()).containsExactly("hash", "trainable_parameters", "exact_trainable_parameters", "adjacency",
        "operations", "metrics", "benchmark");
    assertThat(o.get("hash")).isEqualTo("02e5a0247bbdcf2860b7e96f74961594");
    assertThat(o.get("trainable_parameters")).isEqualTo(32426634.0);
    assertThat((List<Object>) o.get("operations")).hasSize(7).startsWith("input");
    Map<String, Object> metrics = (Map<String, Object>) o.get("metrics");
    assertThat(metrics.keySet()).containsExactly("4", "12", "36", "108");
    List<Map<String, Object>> runs = (List<Map<String, Object>>) metrics.get("108");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(2).keySet()).contains("final_validation_accuracy", "halfway_training_time");
    assertThat(runs.get(2).get("final_validation_accuracy")).isEqualTo(0.9431089758872986);
  }

  @Test
  @SuppressWarnings("unchecked")
  void returnsTheFixedDataAsTheFileStoresThem() throws Exception {
    Path f = nas4j.bench.io.StoredFixedDataTest.writeAltered(tmp);
    String hash = nas4j.bench.io.StoredFixedDataTest.alteredHash(f);
    assertThat(run("query", "--data", f.toString(), "--json", hash)).isZero();
    Map<String, Object> o = (Map<String, Object>) MiniJson.parse(out.toString().trim());
    nas4j.bench.io.TrainingRun first = nas4j.bench.io.StoredFixedDataTest.firstRecordOf(f, hash);
    assertThat(o.get("trainable_parameters")).isEqualTo((double) nas4j.bench.io.StoredFixedDataTest.STORED_PARAMETERS);
    assertThat(o.get("exact_trainable_parameters")).isEqualTo((double) nas4j.bench.io.StoredFixedDataTest.exact(hash));
    List<List<Object>> adj = (List<List<Object>>) o.get("adjacency");
    StringBuilder flat = new StringBuilder();
    adj.forEach(row -> row.forEach(x -> flat.append(((Number) x).intValue())));
    assertThat(flat.toString()).isEqualTo(first.adjacency());
    assertThat(String.join(",", (List<String>) o.get("operations"))).isEqualTo(first.operations());
    assertThat(err.toString()).contains("stores " + nas4j.bench.io.StoredFixedDataTest.STORED_PARAMETERS
        + " trainable parameters").contains("exact count is " + nas4j.bench.io.StoredFixedDataTest.exact(hash));
  }

  @Test
  void textOutputByHash() {
    String data = SharedData.require("nb101/only108-sample.tfrecord").toString();
    assertThat(run("query", "--data", data, "02e5a0247bbdcf2860b7e96f74961594")).isZero();
    assertThat(out.toString()).contains("trainable_parameters: 32426634").contains("epochs 108:")
        .contains("repeat 2:").contains("final_test_accuracy: 0.9406049847602844");
  }

  @Test
  void bulkFileReportsBadLinesAndPrintsTheOthers() throws Exception {
    String data = SharedData.require("nb101/only108-sample.tfrecord").toString();
    Path f = Files.write(tmp.resolve("cells.txt"), List.of(
        "# comment",
        "02e5a0247bbdcf2860b7e96f74961594",
        "010001000 input,conv3x3-bn-relu,output",
        "0110011000001000010000000100000001000000010000000 "
            + "input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output",
        "0101 input,banana"));
    int code = run("query", "--data", data, "--json", "--file", f.toString());
    assertThat(code).isEqualTo(3);
    String[] lines = out.toString().trim().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("{\"hash\":\"02e5a0247bbdcf2860b7e96f74961594\"");
    assertThat(lines[1]).startsWith("{\"line\":3,\"error\":").contains("not in this table");
    assertThat(lines[2]).isEqualTo(lines[0]);
    assertThat(lines[3]).startsWith("{\"line\":5,");
    assertThat(err.toString()).contains("cells.txt:3: ").contains("cells.txt:5: ");
  }

  @Test
  void dataErrorsExitNonZeroNamingFileAndOffset() throws Exception {
    byte[] b = Files.readAllBytes(SharedData.require("nb101/only108-sample.tfrecord"));
    b[1000] ^= 0x10;
    Path bad = Files.write(tmp.resolve("bad.tfrecord"), b);
    int code = run("query", "--data", bad.toString(), "02e5a0247bbdcf2860b7e96f74961594");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("bad.tfrecord: record ").contains("byte offset").contains("CRC32C");
    assertThat(run("query", "--benchmark", "nope", "02e5a0247bbdcf2860b7e96f74961594")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown benchmark 'nope'");
  }

  @Test
  void withoutDataTheSurrogateAnswersAndSaysSo() throws Exception {
    assertThat(run("query", "--json", "02e5a0247bbdcf2860b7e96f74961594")).isZero();
    String o = out.toString();
    assertThat(o).contains("\"hash\":\"02e5a0247bbdcf2860b7e96f74961594\"").contains("\"benchmark\":\"surrogate nb101 v2.1\"")
        .contains("\"trainable_parameters\":32426634").contains("\"4\":[").contains("\"108\":[")
        .contains("final_validation_accuracy");
  }

  @Test
  void convertWritesTheCache() throws Exception {
    Path src = Files.copy(SharedData.require("nb101/full-sample.tfrecord"), tmp.resolve("s.tfrecord"));
    assertThat(run("convert", src.toString())).isZero();
    assertThat(tmp.resolve("s.tfrecord.nas4j-cache")).exists();
    assertThat(out.toString()).contains("48 records").contains("cache written to");
    out.getBuffer().setLength(0);
    assertThat(run("query", "--data", tmp.resolve("s.tfrecord.nas4j-cache").toString(),
        "02e5a0247bbdcf2860b7e96f74961594", "--json")).isZero();
    assertThat(out.toString()).contains("\"4\":[");
  }
}
