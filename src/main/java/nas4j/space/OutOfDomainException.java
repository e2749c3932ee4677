package nas4j.space;

import java.util.Objects;

/** A well-formed cell that the domain check rejects; {@link #rule()} names the broken rule. */
public final class OutOfDomainException extends CellException {
  private final DomainRule rule;

  public OutOfDomainException(DomainRule rule, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule);
  }

  /** The rule the cell breaks. */
  public DomainRule rule() {
    return rule;
  }
}
