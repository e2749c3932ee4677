package nas4j.bench.io;

/** A payload that is not a valid NAS-Bench-101 row; the loader adds the file, offset and record number. */
final class RowFormatException extends IllegalArgumentException {
  RowFormatException(String message) {
    super(message);
  }

  RowFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
