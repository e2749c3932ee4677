package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas4j hash} and {@code nas4j space} end to end through {@link Main#execute(PrintWriter, PrintWriter, String...)}. */
class CliTest {
  static final String INCEPTION_README_OPS =
      "input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,output";
  static final String INCEPTION_HASH = "28cfc7874f6d200472e1a9dcd8650aa0";

  record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void hashOfOneCompactCell() {
    Run r = run("hash", rows("0111010/0000001/0000001/0000100/0000001/0000001/0000000"), INCEPTION_README_OPS);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().trim()).isEqualTo(INCEPTION_HASH + "  params=2694282  pruned="
        + rows("0111010/0000001/0000001/0000100/0000001/0000001/0000000") + " " + INCEPTION_README_OPS);
  }

  @Test
  void hashPrintsThePrunedCell() {
    Run r = run("hash", "0110000100000000", "input,conv3x3-bn-relu,maxpool3x3,output");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim())
        .isEqualTo("b49ac8c578b4561d79ac7087988f1c61  params=10177674  pruned=010001000 input,conv3x3-bn-relu,output");
  }

  @Test
  void hashOfAJsonMatrixWithJsonOutput() {
    Run r = run("hash", "--json", "[[0,1,1],[0,0,1],[0,0,0]]", "input,conv3x3-bn-relu,output");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim()).isEqualTo("{\"hash\":\"d32d0b26d534203b48d866facd98cc3e\","
        + "\"trainable_parameters\":11051402,\"adjacency\":[[0,1,1],[0,0,1],[0,0,0]],"
        + "\"operations\":[\"input\",\"conv3x3-bn-relu\",\"output\"],\"pruned_adjacency\":\"011001000\","
        + "\"vertices\":3,\"edges\":3}");
    // a JSON matrix with spaces, as a shell user would type it
    Run spaced = run("hash", "[[0, 1, 1], [0, 0, 1], [0, 0, 0]]", "input,conv3x3,output");
    assertThat(spaced.out()).startsWith("d32d0b26d534203b48d866facd98cc3e");
  }

  @Test
  void canonicalOptionGivesTheDatasetRepresentativeAndItsCount() {
    Run r = run("hash", "--json", "--canonical",
        rows("0111010/0000001/0000001/0000100/0000001/0000001/0000000"), INCEPTION_README_OPS);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"hash\":\"" + INCEPTION_HASH + "\"")
        .contains("\"canonical_adjacency\":\"0111100000000100000010000001000001000000010000000\"")
        .contains("\"canonical_operations\":[\"input\",\"conv3x3-bn-relu\",\"conv1x1-bn-relu\",\"maxpool3x3\","
            + "\"conv3x3-bn-relu\",\"conv3x3-bn-relu\",\"output\"]")
        .contains("\"canonical_trainable_parameters\":2694282")
        .containsPattern("\"cell_id\":\\d+");
  }

  @Test
  void invalidSingleCellIsAUserErrorNamingTheRule() {
    Run r = run("hash", "0111110000000100000010000001000000100000010000000",
        "input,conv3x3,conv3x3,conv3x3,conv3x3,conv3x3,output");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().trim()).isEqualTo("nas4j: 10 edges after pruning; at most 9");

    Run malformed = run("hash", "010100000", "input,conv3x3,output");
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err().trim())
        .isEqualTo("nas4j: matrix is not strictly upper-triangular: edge 1→0 goes backwards");
    assertThat(malformed.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void ruleOptionAcceptsFriendlySpellings() {
    // 12 raw edges, 9 after pruning: valid under the API rule only
    String raw = rows("0110110/0001011/0001100/0000011/0000001/0000000/0000000");
    String ops = "input,conv3x3,conv3x3,conv3x3,conv3x3,conv1x1,output";
    assertThat(run("hash", raw, ops).code()).isZero();
    assertThat(run("hash", "--rule", "API", raw, ops).code()).isZero();
    for (String spelling : List.of("raw-edges-first", "RAW_EDGES_FIRST", "Raw-Edges-First")) {
      Run r = run("hash", "--rule", spelling, raw, ops);
      assertThat(r.code()).as(spelling).isEqualTo(2);
      assertThat(r.err()).contains("12 edges before pruning; the raw-edge rule allows at most 9");
    }
    Run unknown = run("hash", "--rule", "strict", raw, ops);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown validity rule 'strict'; known: api, raw-edges-first");
  }

  @Test
  void bulkFileReportsBadLinesWithTheirNumberAndRuleAndPrintsTheOthers(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cells.txt");
    Files.write(f, List.of(
        "# adjacency ops",
        "010001000 input,conv3x3-bn-relu,output",
        "",
        "0100000000000000 input,conv3x3-bn-relu,conv3x3-bn-relu,output",
        "010001000 input,conv5x5,output",
        "[[0,1],[0,0]]\tinput,output",
        "011001000 input,maxpool3x3,output"), StandardCharsets.UTF_8);
    Run r = run("hash", "--file", f.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.outLines()).hasSize(3);
    assertThat(r.outLines().get(0)).startsWith("b49ac8c578b4561d79ac7087988f1c61");
    assertThat(r.outLines().get(1)).startsWith("043721b9c7fe8c5fad811d47d83132ec");
    assertThat(r.outLines().get(2)).contains("pruned=011001000 input,maxpool3x3,output");
    assertThat(r.err().lines().toList()).containsExactly(
        f + ":4: input is not connected to output: no path from vertex 0 to vertex 3",
        f + ":5: vertex 1: unknown op 'conv5x5'; known: conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3, input, output");

    Run json = run("hash", "--json", "--file", f.toString());
    assertThat(json.code()).isNotZero();
    assertThat(json.outLines()).hasSize(5);
    assertThat(json.outLines().get(0)).startsWith("{\"hash\":\"b49ac8c578b4561d79ac7087988f1c61\"");
    assertThat(json.outLines().get(1)).isEqualTo(
        "{\"line\":4,\"error\":\"input is not connected to output: no path from vertex 0 to vertex 3\"}");
    assertThat(json.outLines().get(2)).startsWith("{\"line\":5,\"error\":\"vertex 1: unknown op");
    assertThat(json.outLines().get(3)).startsWith("{\"hash\":\"043721b9c7fe8c5fad811d47d83132ec\"");
  }

  @Test
  void bulkFileThatDoesNotExistIsAUserError() {
    Run r = run("hash", "--file", "/nonexistent/cells.txt");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file").contains("/nonexistent/cells.txt");
  }

  @Test
  void bulkInputThatIsADirectoryOrNotUtf8IsAUserErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Run d = run("hash", "--file", dir.toString());
    assertThat(d.code()).isEqualTo(2);
    assertThat(d.err()).contains(dir.toString()).contains("is a directory");
    Path bin = Files.write(dir.resolve("cells.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, '0', '1', '0', '0', '\n'});
    Run b = run("hash", "--file", bin.toString());
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("cells.bin").contains("not UTF-8").doesNotContain("Exception");
  }

  @Test
  void spaceCountsAsJson() {
    Run r = run("space", "--json");
    assertThat(r.code()).isZero();
    String o = r.out().trim();
    assertThat(o).startsWith("{\"unique_cells\":423624,\"full_dag_matrices\":6472,\"labelled_graphs\":1293208,")
        .contains("\"by_vertices\":{\"2\":1,\"3\":6,\"4\":84,\"5\":2441,\"6\":62010,\"7\":359082}")
        .contains("\"by_edges\":{\"1\":1,\"2\":3,\"3\":12,\"4\":60,\"5\":339,\"6\":2134,\"7\":13984,"
            + "\"8\":78822,\"9\":328269}")
        .containsPattern("\"source\":\"(cache|enumerated)\"");
  }

  @Test
  void spaceSaysWhereTheIndexCameFrom() {
    Run r = run("space");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("423,624 unique cells").containsPattern("(loaded from the cache|enumerated in)");
  }

  static String rows(String r) {
    return r.replace("/", "");
  }
}
