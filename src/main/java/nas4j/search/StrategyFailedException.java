package nas4j.search;

/**
 * Thrown by a strategy that cannot go on for a reason it can explain to the user (e.g. the external process of the
 * {@code external} strategy crashed, hung or broke the protocol). The experiment runner records the run as failed
 * ({@code stop = error}) with this message, keeps the queries made so far in its trace, and goes on with the other
 * runs; {@code --resume} runs it again. The message must say what went wrong without a stack trace.
 */
public class StrategyFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StrategyFailedException(String message) {
    super(message);
  }

  public StrategyFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
