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
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) { // e.g. in a run's worker thread
        cl.getErr().println(outOfMemory(oom));
        return 1;
      }
    }
    cl.getErr().println("nas4j: internal error (please report): " + e);
    e.printStackTrace(cl.getErr());
    return 1;
  }

  /** The message for a command that ran out of Java heap: the cap, and how to raise it (docs/cluster.md). */
  static String outOfMemory(OutOfMemoryError e) {
    return "nas4j: out of memory (" + e.getMessage() + "; the Java heap is capped at "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB): give it more with NAS4J_JAVA_OPTS, e.g. "
        + "NAS4J_JAVA_OPTS=\"-XX:+UseParallelGC -Xmx4g\" ./nas4j ... (docs/cluster.md, \"Memory\"); finished runs are"
        + " kept in their part files for --resume";
  }
}
