package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Construction from the three input forms, pruning, and every malformed-input case with its own message. */
class CellSpecTest {
  static final String OPS7 =
      "input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,output";

  static CellSpec parse(String rows, String ops) {
    return CellSpec.parse(rows.replace("/", ""), ops);
  }

  // ---------------------------------------------------------------- the three input forms

  @Test
  void matrixCompactStringAndEncodingGiveTheSameSpec() {
    int[][] m = {
        {0, 1, 1, 1, 1, 0, 0},
        {0, 0, 0, 0, 0, 0, 1},
        {0, 0, 0, 0, 0, 0, 1},
        {0, 0, 0, 0, 0, 0, 1},
        {0, 0, 0, 0, 0, 1, 0},
        {0, 0, 0, 0, 0, 0, 1},
        {0, 0, 0, 0, 0, 0, 0}};
    CellSpec fromMatrix = CellSpec.of(m, CellSpec.splitOps(OPS7));
    CellSpec fromString = parse("0111100/0000001/0000001/0000001/0000010/0000001/0000000", OPS7);
    // row-major upper triangle: (0,1) (0,2) (0,3) (0,4) are bits 0..3; (1,6) bit 10; (2,6) 14; (3,6) 17;
    // (4,5) 18; (5,6) 20
    int bits = 0b1111 | 1 << 10 | 1 << 14 | 1 << 17 | 1 << 18 | 1 << 20;
    CellSpec fromEncoding = CellSpec.fromEncoding(bits, new int[] {0, 1, 2, 0, 0});
    assertThat(fromMatrix).isEqualTo(fromString).isEqualTo(fromEncoding);
    assertThat(fromMatrix.hashCode()).isEqualTo(fromEncoding.hashCode());
    assertThat(fromString.adjacencyString()).isEqualTo("0111100000000100000010000001000001000000010000000");
    assertThat(fromString.opsString()).isEqualTo(OPS7);
    assertThat(fromString.matrix()).isDeepEqualTo(m);
    assertThat(fromString.edgeEncoding()).isEqualTo(bits);
    assertThat(fromString.opEncoding()).containsExactly(0, 1, 2, 0, 0);
    assertThat(fromString.edgeCount()).isEqualTo(9);
  }

  @Test
  void encodingRoundTripsForRandomDraws() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int k = 0; k < 2000; k++) {
      int bits = rnd.nextInt(1 << 21);
      int[] ops = rnd.ints(5, 0, 3).toArray();
      CellSpec c = CellSpec.fromEncoding(bits, ops);
      assertThat(c.edgeEncoding()).isEqualTo(bits);
      assertThat(c.opEncoding()).containsExactly(ops);
      assertThat(CellSpec.parse(c.adjacencyString(), c.opsString())).isEqualTo(c);
      for (int v = 0; v < 21; v++) {
        assertThat(c.hasEdge(CellSpec.edgeVariableFrom(v), CellSpec.edgeVariableTo(v))).isEqualTo((bits >>> v & 1) != 0);
      }
    }
  }

  @Test
  void shortOpNamesAreAccepted() {
    assertThat(CellSpec.parse("010001000", "input,conv3x3,output").op(1)).isEqualTo(Op.CONV3X3);
    assertThat(CellSpec.parse("010001000", "input, conv1x1 ,output").op(1)).isEqualTo(Op.CONV1X1);
    assertThat(CellSpec.parse("010001000", "input,maxpool,output").op(1)).isEqualTo(Op.MAXPOOL3X3);
  }

  // ---------------------------------------------------------------- pruning

  @Test
  void pruningKeepsAnAlreadyPrunedSpec() {
    CellSpec c = parse("0111100/0000001/0000001/0000001/0000010/0000001/0000000", OPS7);
    assertThat(c.pruned()).isSameAs(c);
    assertThat(c.isPruned()).isTrue();
  }

  @Test
  void danglingVertexWithoutOutEdgeIsRemoved() {
    // vertex 2 receives an edge from the input but leads nowhere
    CellSpec c = parse("0110/0001/0000/0000", "input,conv3x3-bn-relu,maxpool3x3,output");
    CellSpec p = c.pruned();
    assertThat(p.adjacencyString()).isEqualTo("010001000");
    assertThat(p.opsString()).isEqualTo("input,conv3x3-bn-relu,output");
    assertThat(c.isPruned()).isFalse();
  }

  @Test
  void danglingVertexWithoutInEdgeIsRemoved() {
    // vertex 1 feeds the output but is not reachable from the input
    CellSpec c = parse("0010/0001/0001/0000", "input,conv1x1-bn-relu,maxpool3x3,output");
    CellSpec p = c.pruned();
    assertThat(p.adjacencyString()).isEqualTo("010001000");
    assertThat(p.opsString()).isEqualTo("input,maxpool3x3,output");
  }

  @Test
  void verticesRemovedInTheMiddleRenumberTheRest() {
    // 7 vertices; vertex 2 has no in-edge and vertex 4 no out-edge: 5 vertices remain, edges renumbered
    CellSpec c = parse("0101100/0000010/0001000/0000010/0000000/0000001/0000000",
        "input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,conv1x1-bn-relu,conv3x3-bn-relu,output");
    CellSpec p = c.pruned();
    assertThat(p.vertexCount()).isEqualTo(5);
    // kept: 0, 1, 3, 5, 6 -> 0, 1, 2, 3, 4; edges 0→1, 0→3, 1→5, 3→5, 5→6
    assertThat(p.adjacencyString()).isEqualTo("0110000010000100000100000");
    assertThat(p.opsString()).isEqualTo("input,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,output");
    assertThat(p.pruned()).isSameAs(p);
  }

  @Test
  void disconnectedSpecPrunesToNothing() {
    CellSpec c = parse("0100/0000/0001/0000", "input,conv3x3-bn-relu,conv3x3-bn-relu,output");
    assertThat(c.pruned()).isNull();
    assertThat(parse("0000/0000/0000/0000", "input,conv3x3-bn-relu,conv3x3-bn-relu,output").pruned()).isNull();
  }

  @Test
  void pruningAgreesWithAReferenceReachabilityOnRandomDraws() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int k = 0; k < 3000; k++) {
      CellSpec c = CellSpec.fromEncoding(rnd.nextInt(1 << 21), rnd.ints(5, 0, 3).toArray());
      boolean[] fwd = new boolean[7];
      boolean[] bwd = new boolean[7];
      fwd[0] = true;
      bwd[6] = true;
      for (int j = 1; j < 7; j++) {
        for (int i = 0; i < j; i++) {
          fwd[j] |= fwd[i] && c.hasEdge(i, j);
        }
      }
      for (int i = 5; i >= 0; i--) {
        for (int j = i + 1; j < 7; j++) {
          bwd[i] |= bwd[j] && c.hasEdge(i, j);
        }
      }
      CellSpec p = c.pruned();
      if (!fwd[6]) {
        assertThat(p).isNull();
        continue;
      }
      int[] map = new int[7];
      int kept = 0;
      for (int v = 0; v < 7; v++) {
        map[v] = fwd[v] && bwd[v] ? kept++ : -1;
      }
      assertThat(p.vertexCount()).isEqualTo(kept);
      int edges = 0;
      for (int i = 0; i < 7; i++) {
        if (map[i] < 0) {
          continue;
        }
        assertThat(p.op(map[i])).isEqualTo(c.op(i));
        for (int j = i + 1; j < 7; j++) {
          if (map[j] >= 0 && c.hasEdge(i, j)) {
            assertThat(p.hasEdge(map[i], map[j])).isTrue();
            edges++;
          }
        }
      }
      assertThat(p.edgeCount()).isEqualTo(edges);
    }
  }

  // ---------------------------------------------------------------- malformed input

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      // non-square compact string
      "0100000000|input,output|10 characters, not a square number",
      // edge on the diagonal, below the diagonal
      "110/001/000|input,conv3x3-bn-relu,output|edge 0→0 is a self-loop",
      "010/101/000|input,conv3x3-bn-relu,output|edge 1→0 goes backwards",
      // unknown op
      "010/001/000|input,conv5x5,output|vertex 1: unknown op 'conv5x5'; known: conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3, input, output",
      // wrong op count
      "010/001/000|input,output|2 ops given for a 3-vertex matrix; need exactly 3",
      "010/001/000|input,conv3x3-bn-relu,conv3x3-bn-relu,output|4 ops given for a 3-vertex matrix",
      // more than 7 vertices (8×8)
      "0100000000100000001000000010000000100000001000000010000000000000|input,output|at most 7 vertices; got 8",
      // fewer than 2 vertices
      "0|input|at least 2 vertices (input and output); got 1",
      "\"\"|input|at least 2 vertices (input and output); got 0",
      // bad characters
      "01x0|input,output|adjacency character 2 is 'x'; only 0 and 1 are allowed",
      "0120|input,output|adjacency character 2 is '2'",
  })
  void malformedCompactInputHasItsOwnMessage(String adjacency, String ops, String message) {
    assertThatThrownBy(() -> CellSpec.parse(adjacency.replace("/", ""), ops))
        .isInstanceOf(MalformedCellException.class)
        .hasMessageContaining(message);
  }

  @Test
  void malformedMatrixInputHasItsOwnMessage() {
    List<String> ops3 = List.of("input", "conv3x3-bn-relu", "output");
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{0, 1, 0}, {0, 0}, {0, 0, 0}}, ops3))
        .isInstanceOf(MalformedCellException.class)
        .hasMessage("matrix is not square: row 1 has 2 entries, expected 3");
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{0, 2, 0}, {0, 0, 1}, {0, 0, 0}}, ops3))
        .isInstanceOf(MalformedCellException.class)
        .hasMessage("matrix entry [0][1] is 2; entries must be 0 or 1");
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{0, 1, 0}, {0, 0, 1}, {0, 1, 0}}, ops3))
        .isInstanceOf(MalformedCellException.class)
        .hasMessageContaining("not strictly upper-triangular: edge 2→1 goes backwards");
    assertThatThrownBy(() -> CellSpec.of(new int[8][8], List.of("input", "output")))
        .isInstanceOf(MalformedCellException.class)
        .hasMessageContaining("at most 7 vertices; got 8");
    assertThatThrownBy(() -> CellSpec.of(new int[1][1], List.of("input")))
        .isInstanceOf(MalformedCellException.class)
        .hasMessageContaining("at least 2 vertices");
  }

  @Test
  void malformedEncodingHasItsOwnMessage() {
    assertThatThrownBy(() -> CellSpec.fromEncoding(1 << 21, new int[5]))
        .isInstanceOf(MalformedCellException.class).hasMessageContaining("more than 21 bits");
    assertThatThrownBy(() -> CellSpec.fromEncoding(1, new int[4]))
        .isInstanceOf(MalformedCellException.class).hasMessage("4 interior ops given; the encoding has 5");
    assertThatThrownBy(() -> CellSpec.fromEncoding(1, new int[] {0, 0, 3, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interior op index 3 not in 0..2");
  }

  @Test
  void malformedIsNotOutOfDomain() {
    // both are user errors (IllegalArgumentException) but of distinct types
    assertThat(new MalformedCellException("x")).isInstanceOf(CellException.class)
        .isNotInstanceOf(OutOfDomainException.class);
  }
}
