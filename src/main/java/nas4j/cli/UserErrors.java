package nas4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns exceptions into exit codes: user errors (bad input, bad files, bad configs) print one clear message
 * and exit 2; anything else is a bug and prints its stack trace (exit 1).
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    Throwable e = ex instanceof UncheckedIOException ? ex.getCause() : ex;
    if (e instanceof NoSuchFileException) {
      cl.getErr().println("nas4j: no such file: " + e.getMessage());
      return 2;
    }
    if (e instanceof java.nio.file.FileSystemException) {
      java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
      cl.getErr().println("nas4j: " + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
          + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason()));
      return 2;
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      cl.getErr().println("nas4j: input is not UTF-8 text (" + e.getMessage() + ")");
      return 2;
    }
    if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UserException) {
      cl.getErr().println("nas4j: " + e.getMessage());
      return 2;
    }
    cl.getErr().println("nas4j: internal error (please report): " + e);
    e.printStackTrace(cl.getErr());
    return 1;
  }
}
