package nas4j.bench.io;

import java.nio.file.Path;

/**
 * A data file that breaks the format: the message names the file, the byte offset of the record (or of the
 * damage), the record number (0-based, in file order) and the rule broken. Immutable.
 */
public final class DataFileException extends IllegalArgumentException {
  private final transient Path file;
  private final long offset;
  private final long record;

  public DataFileException(Path file, long offset, long record, String problem) {
    this(file, offset, record, problem, null);
  }

  public DataFileException(Path file, long offset, long record, String problem, Throwable cause) {
    super(where(file, offset, record) + problem, cause);
    this.file = file;
    this.offset = offset;
    this.record = record;
  }

  private static String where(Path file, long offset, long record) {
    StringBuilder sb = new StringBuilder().append(file);
    if (record >= 0) {
      sb.append(": record ").append(record);
    }
    if (offset >= 0) {
      sb.append(record >= 0 ? " at byte offset " : ": byte offset ").append(offset);
    }
    return sb.append(": ").toString();
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** Byte offset of the record (or of the damage), or −1. */
  public long offset() {
    return offset;
  }

  /** Record number (0-based), or −1. */
  public long record() {
    return record;
  }
}
