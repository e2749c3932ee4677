package nas4j.space;

/**
 * The rules of the NAS-Bench-101 domain check, in the official order, plus the raw-edge rule of the paper's
 * experiment scripts (checked first when {@link ValidityRule#RAW_EDGES_FIRST} is selected).
 */
public enum DomainRule {
  /** automl/nas_benchmarks: the unpruned matrix has more than 9 edges. */
  RAW_EDGES("raw edge count at most 9"),
  /** Rule 1: no path from input to output, so pruning leaves nothing. */
  DISCONNECTED("input connected to output"),
  /** Rule 2: more than 7 vertices after pruning. */
  TOO_MANY_VERTICES("at most 7 vertices after pruning"),
  /** Rule 3: more than 9 edges after pruning. */
  TOO_MANY_EDGES("at most 9 edges after pruning"),
  /** Rule 4: the first pruned op is not {@code input}. */
  FIRST_NOT_INPUT("first op is input"),
  /** Rule 5: the last pruned op is not {@code output}. */
  LAST_NOT_OUTPUT("last op is output"),
  /** Rule 6: an interior pruned op is not one of the three available ops. */
  ILLEGAL_INTERIOR_OP("interior ops in conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3");

  private final String requirement;

  DomainRule(String requirement) {
    this.requirement = requirement;
  }

  /** What the rule requires, in words. */
  public String requirement() {
    return requirement;
  }
}
