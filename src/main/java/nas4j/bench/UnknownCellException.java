package nas4j.bench;

/** A cell (or hash) that the loaded table has no data for (the official API's KeyError). */
public final class UnknownCellException extends IllegalArgumentException {
  public UnknownCellException(String message) {
    super(message);
  }
}
