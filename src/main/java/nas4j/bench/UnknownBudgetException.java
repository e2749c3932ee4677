package nas4j.bench;

/** An epoch budget the benchmark does not hold (the official API's OutOfDomainError for epochs). */
public final class UnknownBudgetException extends IllegalArgumentException {
  public UnknownBudgetException(int epochs, int[] available) {
    super("no data for " + epochs + " epochs; available budgets: " + java.util.Arrays.toString(available));
  }
}
