package nas4j.bench;

/**
 * Thrown by {@link Oracle#query} once the budget is spent: the normal end of a search run. Carries no stack trace.
 */
public final class BudgetExhaustedException extends RuntimeException {
  public BudgetExhaustedException(String message) {
    super(message, null, false, false);
  }
}
