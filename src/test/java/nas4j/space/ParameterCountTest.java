package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter counts against published values (the query output of {@code NASBench.ipynb}, the genuine record,
 * google-research/nasbench#23), counts computed by hand from {@code model_builder.py}, and the vertex-channel cases
 * of its unit tests (docs/format.md, "Network and trainable parameters").
 */
class ParameterCountTest {

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = ';', value = {
      // Inception cell, README form and canonical form
      "0111010/0000001/0000001/0000100/0000001/0000001/0000000;input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,output;2694282",
      "0111100/0000001/0000001/0000001/0000010/0000001/0000000;input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output;2694282",
      // a 7-vertex cell with every vertex at full width
      "0100010/0010000/0001110/0000010/0000010/0000001/0000000;input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,output;22421642",
      // first hash in sorted order, global best
      "0100110001000000010010000010000001000000010000000;input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output;8555530",
      "0110011000001000010000000100000001000000010000000;input,conv1x1-bn-relu,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output;32426634",
      "01/00;input,output;882570",
      "010/001/000;input,maxpool3x3,output;882570",
      "010/001/000;input,conv1x1-bn-relu,output;1920138",
      "010/001/000;input,conv3x3-bn-relu,output;10177674",
      "011/001/000;input,conv3x3-bn-relu,output;11051402",
      "0100000/0010000/0001000/0000100/0000010/0000001/0000000;input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output;47358090",
  })
  void verificationTableOfTheFormatDoc(String adjacency, String ops, long expected) {
    CellSpec spec = CellSpec.parse(adjacency.replace("/", ""), ops);
    assertThat(ParameterCount.of(spec)).isEqualTo(expected);
  }

  @Test
  void stackOneChannelsOfTheVerificationTable() {
    CellSpec inception = CellSpec.parse("0111010/0000001/0000001/0000100/0000001/0000001/0000000".replace("/", ""),
        "input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,output");
    assertThat(ParameterCount.vertexChannels(inception.pruned(), 128, 128))
        .containsExactly(128, 32, 32, 32, 32, 32, 128);
    CellSpec third = CellSpec.parse("0100010/0010000/0001110/0000010/0000010/0000001/0000000".replace("/", ""),
        "input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,output");
    assertThat(ParameterCount.vertexChannels(third.pruned(), 128, 128))
        .containsExactly(128, 128, 128, 128, 128, 128, 128);
  }

  /** Edges 0→{1,2,3}, {1,2,3}→4. */
  static final String FAN = "01110/00001/00001/00001/00000";
  /** Edges 0→1, 1→{2,3}, {2,3}→4. */
  static final String DIAMOND = "01000/00110/00001/00001/00000";
  /** Edges 0→{1,3}, 1→{2,4}, 2→3, 3→4. */
  static final String LADDER = "01010/00101/00010/00001/00000";

  @ParameterizedTest(name = "{0} ({1}, {2})")
  @CsvSource(delimiter = ';', value = {
      FAN + ";8;8;8,3,3,2,8",
      FAN + ";8;15;8,5,5,5,15",
      DIAMOND + ";8;9;8,5,5,4,9",
      LADDER + ";8;15;8,8,7,7,15",
  })
  void vertexChannelUnitCases(String adjacency, int in, int out, String expected) {
    CellSpec spec = CellSpec.parse(adjacency.replace("/", ""),
        "input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output");
    assertThat(spec.isPruned()).isTrue();
    int[] want = java.util.Arrays.stream(expected.split(",")).mapToInt(Integer::parseInt).toArray();
    assertThat(ParameterCount.vertexChannels(spec, in, out)).containsExactly(want);
  }

  @Test
  void countIsTakenAfterPruning() {
    // a dangling conv3x3 at vertex 2 (no way to the output) costs nothing
    CellSpec dangling = CellSpec.parse("0110/0001/0000/0000".replace("/", ""),
        "input,conv3x3-bn-relu,conv3x3-bn-relu,output");
    assertThat(ParameterCount.of(dangling)).isEqualTo(10_177_674L);
  }

  /**
   * The count depends on the vertex order, not only on the isomorphism class: with 3 vertices feeding the output,
   * 128 channels split 43/43/42 in index order, so where the conv3x3 sits changes its width. The dataset stores
   * the count of its canonical representative ({@link SpaceIndex#parameters(int)}).
   */
  @Test
  void countDependsOnTheVertexOrderAndTheDatasetKeepsTheCanonicalOne() {
    CellSpec convFirst = CellSpec.parse(FAN.replace("/", ""), "input,conv3x3-bn-relu,maxpool3x3,maxpool3x3,output");
    CellSpec convLast = CellSpec.parse(FAN.replace("/", ""), "input,maxpool3x3,maxpool3x3,conv3x3-bn-relu,output");
    assertThat(ModuleHash.of(convFirst)).isEqualTo(ModuleHash.of(convLast));
    assertThat(ParameterCount.vertexChannels(convFirst, 128, 128)).containsExactly(128, 43, 43, 42, 128);
    long first = ParameterCount.of(convFirst);
    long last = ParameterCount.of(convLast);
    assertThat(first).isGreaterThan(last);
    SpaceIndex space = SpaceIndex.shared();
    int id = space.idOf(convFirst);
    assertThat(space.idOf(convLast)).isEqualTo(id);
    // generate_graphs.py keeps the first labelling in lexicographic order (conv3x3 = 0 before maxpool3x3 = 2), and
    // the fan matrix is the only one of its class: the dataset's representative is convFirst, with its count
    assertThat(space.cell(id).opNames()).isEqualTo(convFirst.opNames());
    assertThat(space.parameters(id)).isEqualTo((int) first);
  }
}
