package nas4j.space;

/**
 * Which cells count as valid.
 *
 * <ul>
 *   <li>{@link #API}: the official API rule: prune, then the domain check (connected, ≤ 7 vertices, ≤ 9 edges,
 *       input first, output last, legal interior ops). 73.34 % of uniform 7×7 matrices pass.
 *   <li>{@link #RAW_EDGES_FIRST}: the rule of the paper's experiment scripts (automl/nas_benchmarks): the
 *       unpruned matrix must have ≤ 9 edges, then the API rule. 27.35 % pass.
 * </ul>
 */
public enum ValidityRule {
  API,
  RAW_EDGES_FIRST;

  /** The first rule the spec breaks, or {@code null} if it is valid. Never throws, never allocates much. */
  public DomainRule violation(CellSpec spec) {
    if (this == RAW_EDGES_FIRST && spec.edgeCount() > CellSpec.MAX_EDGES) {
      return DomainRule.RAW_EDGES;
    }
    CellSpec p = spec.pruned();
    if (p == null) {
      return DomainRule.DISCONNECTED;
    }
    int v = p.vertexCount();
    if (v > CellSpec.MAX_VERTICES) {
      return DomainRule.TOO_MANY_VERTICES;
    }
    if (p.edgeCount() > CellSpec.MAX_EDGES) {
      return DomainRule.TOO_MANY_EDGES;
    }
    if (p.op(0) != Op.INPUT) {
      return DomainRule.FIRST_NOT_INPUT;
    }
    if (p.op(v - 1) != Op.OUTPUT) {
      return DomainRule.LAST_NOT_OUTPUT;
    }
    for (int i = 1; i < v - 1; i++) {
      if (!p.op(i).isInterior()) {
        return DomainRule.ILLEGAL_INTERIOR_OP;
      }
    }
    return null;
  }

  /** True if the spec passes this rule. */
  public boolean isValid(CellSpec spec) {
    return violation(spec) == null;
  }

  /**
   * The pruned spec, if valid under this rule.
   *
   * @throws OutOfDomainException naming the broken rule, e.g. "10 edges after pruning; at most 9"
   */
  public CellSpec validate(CellSpec spec) {
    DomainRule r = violation(spec);
    if (r == null) {
      return spec.pruned();
    }
    throw new OutOfDomainException(r, describe(r, spec));
  }

  /** A message for the given violation of the given spec. */
  public static String describe(DomainRule rule, CellSpec spec) {
    CellSpec p = spec.pruned();
    switch (rule) {
      case RAW_EDGES:
        return spec.edgeCount() + " edges before pruning; the raw-edge rule allows at most 9";
      case DISCONNECTED:
        return "input is not connected to output: no path from vertex 0 to vertex " + (spec.vertexCount() - 1);
      case TOO_MANY_VERTICES:
        return p.vertexCount() + " vertices after pruning; at most 7";
      case TOO_MANY_EDGES:
        return p.edgeCount() + " edges after pruning; at most 9";
      case FIRST_NOT_INPUT:
        return "first op after pruning is '" + p.op(0) + "'; must be 'input'";
      case LAST_NOT_OUTPUT:
        return "last op after pruning is '" + p.op(p.vertexCount() - 1) + "'; must be 'output'";
      case ILLEGAL_INTERIOR_OP:
        for (int i = 1; i < p.vertexCount() - 1; i++) {
          if (!p.op(i).isInterior()) {
            return "interior vertex " + i + " (after pruning) has op '" + p.op(i)
                + "'; allowed: conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3";
          }
        }
        return "illegal interior op";
      default:
        throw new AssertionError(rule);
    }
  }
}
