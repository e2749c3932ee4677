package nas4j.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The domain check in the official order, each rule with its message, and both validity rules. */
class ValidityRuleTest {

  static CellSpec parse(String rows, String ops) {
    return CellSpec.parse(rows.replace("/", ""), ops);
  }

  /** One case per rule; each spec also breaks every later rule where possible, to pin the order. */
  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      // 1. disconnected (and first/last ops wrong, too)
      "0100/0000/0001/0000|output,conv3x3-bn-relu,conv3x3-bn-relu,input|DISCONNECTED|"
          + "input is not connected to output: no path from vertex 0 to vertex 3",
      // 3. 10 edges after pruning (and the first and last ops wrong, too)
      "0111110/0000001/0000001/0000001/0000001/0000001/0000000|output,conv3x3-bn-relu,conv3x3-bn-relu,"
          + "conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,input|TOO_MANY_EDGES|10 edges after pruning; at most 9",
      // 4. first op not input (and last op wrong, too)
      "010/001/000|conv3x3-bn-relu,conv3x3-bn-relu,input|FIRST_NOT_INPUT|"
          + "first op after pruning is 'conv3x3-bn-relu'; must be 'input'",
      // 5. last op not output (and an interior op illegal, too)
      "010/001/000|input,output,maxpool3x3|LAST_NOT_OUTPUT|last op after pruning is 'maxpool3x3'; must be 'output'",
      // 6. interior op illegal
      "0100/0010/0001/0000|input,conv1x1-bn-relu,input,output|ILLEGAL_INTERIOR_OP|"
          + "interior vertex 2 (after pruning) has op 'input'; allowed: conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3",
  })
  void eachDomainRuleInTheOfficialOrderWithItsMessage(String rows, String ops, DomainRule rule, String message) {
    CellSpec c = parse(rows, ops);
    for (ValidityRule vr : ValidityRule.values()) {
      if (vr == ValidityRule.RAW_EDGES_FIRST && c.edgeCount() > 9) {
        continue; // the raw-edge rule comes first: see rawEdgeRuleIsCheckedBeforeConnectivity
      }
      assertThat(vr.violation(c)).isEqualTo(rule);
      assertThat(vr.isValid(c)).isFalse();
      assertThatThrownBy(() -> vr.validate(c))
          .isInstanceOfSatisfying(OutOfDomainException.class, e -> assertThat(e.rule()).isEqualTo(rule))
          .hasMessage(message);
    }
    assertThatThrownBy(() -> ModuleHash.of(c)).isInstanceOf(OutOfDomainException.class).hasMessage(message);
    assertThatThrownBy(() -> ParameterCount.of(c)).isInstanceOf(OutOfDomainException.class).hasMessage(message);
  }

  @Test
  void domainRulesAreListedInTheOfficialOrder() {
    assertThat(DomainRule.values()).containsExactly(DomainRule.RAW_EDGES, DomainRule.DISCONNECTED,
        DomainRule.TOO_MANY_VERTICES, DomainRule.TOO_MANY_EDGES, DomainRule.FIRST_NOT_INPUT,
        DomainRule.LAST_NOT_OUTPUT, DomainRule.ILLEGAL_INTERIOR_OP);
  }

  @Test
  void opsOfPrunedVerticesAreNeverChecked() {
    // vertex 2 (op 'output') has no out-edge, vertex 3 (op 'input') no in-edge: both pruned, the rest valid
    CellSpec c = parse("01100/00001/00000/00001/00000", "input,conv3x3-bn-relu,output,input,output");
    assertThat(ValidityRule.API.isValid(c)).isTrue();
    CellSpec p = ValidityRule.API.validate(c);
    assertThat(p.opsString()).isEqualTo("input,conv3x3-bn-relu,output");
    assertThat(ModuleHash.of(c).toString()).isEqualTo("b49ac8c578b4561d79ac7087988f1c61");
  }

  @Test
  void edgeLimitCountsPrunedEdgesUnderTheApiRuleAndRawEdgesUnderTheOtherRule() {
    // 12 raw edges; vertex 5 has no out-edge, so its 3 in-edges are pruned away: 9 edges remain
    String rows = "0110110/0001011/0001100/0000011/0000001/0000000/0000000";
    CellSpec c = parse(rows,
        "input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output");
    assertThat(c.edgeCount()).isEqualTo(12);
    CellSpec p = c.pruned();
    assertThat(p.vertexCount()).isEqualTo(6);
    assertThat(p.edgeCount()).isEqualTo(9);
    assertThat(ValidityRule.API.isValid(c)).isTrue();
    assertThat(ValidityRule.RAW_EDGES_FIRST.violation(c)).isEqualTo(DomainRule.RAW_EDGES);
    assertThatThrownBy(() -> ValidityRule.RAW_EDGES_FIRST.validate(c))
        .isInstanceOf(OutOfDomainException.class)
        .hasMessage("12 edges before pruning; the raw-edge rule allows at most 9");
  }

  @Test
  void rawEdgeRuleIsCheckedBeforeConnectivity() {
    // 10 raw edges, no path to the output
    CellSpec c = parse("0111110/0011110/0001100/0000000/0000000/0000000/0000000",
        "input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output");
    assertThat(c.edgeCount()).isEqualTo(11);
    assertThat(ValidityRule.RAW_EDGES_FIRST.violation(c)).isEqualTo(DomainRule.RAW_EDGES);
    assertThat(ValidityRule.API.violation(c)).isEqualTo(DomainRule.DISCONNECTED);
    // and before the pruned edge count
    CellSpec tenEdges = parse("0111110/0000001/0000001/0000001/0000001/0000001/0000000",
        "input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output");
    assertThat(ValidityRule.RAW_EDGES_FIRST.violation(tenEdges)).isEqualTo(DomainRule.RAW_EDGES);
    assertThat(ValidityRule.API.violation(tenEdges)).isEqualTo(DomainRule.TOO_MANY_EDGES);
  }

  /**
   * The valid fractions of docs/format.md, exactly: over all 2^21 upper-triangular 7×7 matrices (ops from the three legal ones
   * never change validity), 1,538,083 pass the API rule, 573,494 the raw-edge rule, 695,860 have ≤ 9 raw edges.
   */
  @Test
  void exactValidFractionsOverAllMatrices() {
    int[] ops = {0, 1, 2, 0, 1};
    int api = 0;
    int raw = 0;
    int rawEdgesOnly = 0;
    for (int bits = 0; bits < 1 << 21; bits++) {
      CellSpec c = CellSpec.fromEncoding(bits, ops);
      api += ValidityRule.API.isValid(c) ? 1 : 0;
      raw += ValidityRule.RAW_EDGES_FIRST.isValid(c) ? 1 : 0;
      rawEdgesOnly += Integer.bitCount(bits) <= 9 ? 1 : 0;
    }
    assertThat(api).isEqualTo(1_538_083);
    assertThat(raw).isEqualTo(573_494);
    assertThat(rawEdgesOnly).isEqualTo(695_860);
  }
}
