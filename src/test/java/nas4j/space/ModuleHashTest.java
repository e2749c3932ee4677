package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModuleHashTest {

  static String rows(String r) {
    return r.replace("/", "").replace(" ", "");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = ';', value = {
      "0111010/0000001/0000001/0000100/0000001/0000001/0000000;input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,output;28cfc7874f6d200472e1a9dcd8650aa0",
      "0111100/0000001/0000001/0000001/0000010/0000001/0000000;input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output;28cfc7874f6d200472e1a9dcd8650aa0",
      "0100010/0010000/0001110/0000010/0000010/0000001/0000000;input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,output;47d79fd551ff9601ab90fab247246c3e",
      "01/00;input,output;043721b9c7fe8c5fad811d47d83132ec",
      "010/001/000;input,conv3x3-bn-relu,output;b49ac8c578b4561d79ac7087988f1c61",
      "010/001/000;input,conv1x1-bn-relu,output;d1269d9156ddc027c40473008192958a",
      "010/001/000;input,maxpool3x3,output;53cee42601ad14d661bb6878031d6acb",
      "011/001/000;input,conv3x3-bn-relu,output;d32d0b26d534203b48d866facd98cc3e",
      "0100000/0010000/0001000/0000100/0000010/0000001/0000000;input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output;b3bc0991ac661443a583796ce582f11f",
      "0100110001000000010010000010000001000000010000000;input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output;00005c142e6f48ac74fdcf73e3439874",
      "0110011000001000010000000100000001000000010000000;input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output;02e5a0247bbdcf2860b7e96f74961594",
  })
  void workedExamplesOfTheFormatDoc(String adjacency, String ops, String expected) {
    CellSpec spec = CellSpec.parse(rows(adjacency), ops);
    assertThat(new CellHasher().hash(spec).toString()).isEqualTo(expected);
    assertThat(ModuleHash.of(spec)).isEqualTo(ModuleHash.parse(expected));
  }

  @org.junit.jupiter.api.Test
  void parseAndPrintRoundTrip() {
    String h = "ffff5c142e6f48ac74fdcf73e3439874";
    assertThat(ModuleHash.parse(h).toString()).isEqualTo(h);
    assertThat(ModuleHash.parse("00005c142e6f48ac74fdcf73e3439874"))
        .isLessThan(ModuleHash.parse(h));
  }

  /**
   * google-research/nasbench#32: a spec given as a float matrix hashed to 926a1332… in Python (degrees printed
   * as "1.0"), which is not a dataset key. With integer formatting, as here, it is the dataset key edb7648d….
   * Vertex 2 has no in-edge and vertex 4 no out-edge: both are pruned.
   */
  @org.junit.jupiter.api.Test
  void integerFormattingGivesTheDatasetKeyOfIssue32() {
    CellSpec spec = CellSpec.parse(rows("0101011/0000111/0001011/0000011/0000000/0000001/0000000"),
        "input,maxpool3x3,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output");
    assertThat(spec.pruned().vertexCount()).isEqualTo(5);
    assertThat(ModuleHash.of(spec).toString()).isEqualTo("edb7648dd596405eddc9a5c607b494a6");
    assertThat(ModuleHash.of(spec)).isNotEqualTo(ModuleHash.parse("926a133285cb34c1a38eefe60e7586d4"));
  }

  @org.junit.jupiter.api.Test
  void rawLabelledGraphEntryPointGivesTheSameFingerprint() {
    CellSpec spec = CellSpec.parse("010001000", "input,conv3x3-bn-relu,output");
    assertThat(new CellHasher().hash(3, spec.adjacencyBits(), new int[] {-1, 0, -2}).toString())
        .isEqualTo("b49ac8c578b4561d79ac7087988f1c61");
  }

  @org.junit.jupiter.api.Test
  void malformedHashTextIsRejectedWithItsReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModuleHash.parse("abc"))
        .hasMessageContaining("32 hex characters");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModuleHash.parse("g0005c142e6f48ac74fdcf73e3439874"))
        .hasMessageContaining("not hex");
    assertThat(ModuleHash.looksLikeHash("00005c142e6f48ac74fdcf73e3439874")).isTrue();
    assertThat(ModuleHash.looksLikeHash("00005c142e6f48ac74fdcf73e343987")).isFalse();
  }
}
