package nas4j.space;

/** Base of every error about a cell: a user error, reported with a clear message and no stack trace. */
public abstract class CellException extends IllegalArgumentException {
  protected CellException(String message) {
    super(message);
  }
}
