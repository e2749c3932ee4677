package nas4j.cli;

/** A user error raised by a command itself (printed without a stack trace, exit code 2). */
public final class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }
}
