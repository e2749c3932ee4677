package nas4j.search.external;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import nas4j.search.StrategyFailedException;

/**
 * One started program: lines written to its stdin, lines read from its stdout with a timeout (a reader thread feeds
 * a queue), its last stderr lines kept for error messages. {@link #close()} ends it and everything it started.
 * Used by one run's thread.
 */
final class ExternalProcess implements AutoCloseable {
  /** Longest accepted line from the process (characters). */
  static final int MAX_LINE = 1 << 20;
  private static final int STDERR_LINES = 12;
  private static final String EOF = new String("<eof>");

  private final String command;
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(4);
  private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private volatile String readProblem;

  ExternalProcess(List<String> argv, String command) {
    this.command = command;
    try {
      process = new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new StrategyFailedException("external: cannot start '" + command + "': " + e.getMessage());
    }
    stdin = process.getOutputStream();
    stdoutReader = daemon("stdout", () -> readLines(process.getInputStream()));
    stderrReader = daemon("stderr", () -> keepTail(process.getErrorStream()));
  }

  private Thread daemon(String what, Runnable r) {
    Thread t = new Thread(r, "nas4j-external-" + what + "-" + process.pid());
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void readLines(InputStream in) {
    try {
      StringBuilder sb = new StringBuilder();
      java.io.Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) >= 0) {
        for (int i = 0; i < n; i++) {
          char c = buf[i];
          if (c == '\n') {
            int len = sb.length();
            lines.put(sb.substring(0, len > 0 && sb.charAt(len - 1) == '\r' ? len - 1 : len));
            sb.setLength(0);
          } else if (sb.length() >= MAX_LINE) {
            readProblem = "a line longer than " + MAX_LINE + " characters";
            lines.put(EOF);
            return;
          } else {
            sb.append(c);
          }
        }
      }
      if (sb.length() > 0) {
        lines.put(sb.toString());
      }
    } catch (IOException e) {
      readProblem = "its output cannot be read: " + e.getMessage();
    } catch (InterruptedException e) {
      return;
    }
    try {
      lines.put(EOF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void keepTail(InputStream in) {
    try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        synchronized (stderrTail) {
          stderrTail.addLast(l.length() > 300 ? l.substring(0, 300) + "…" : l);
          if (stderrTail.size() > STDERR_LINES) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; keep what we have
    }
  }

  /** Writes one line (a newline is added) and flushes; false if the process no longer reads. */
  boolean send(String line) {
    try {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The next line, or null at the end of its output.
   *
   * @throws StrategyFailedException if no line comes within the timeout (the process is killed)
   */
  String next(double timeoutSeconds, String waitingFor) {
    String l;
    try {
      l = lines.poll((long) Math.ceil(timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StrategyFailedException("external: interrupted while waiting for " + waitingFor);
    }
    if (l == null) {
      close();
      throw new StrategyFailedException("external: '" + command + "' sent nothing for " + seconds(timeoutSeconds)
          + " while nas4j waited for " + waitingFor + " (timeout_seconds); the process was killed" + stderr());
    }
    if (l == EOF) {
      if (readProblem != null) {
        close();
        throw new StrategyFailedException("external: '" + command + "' wrote " + readProblem
            + "; the process was killed" + stderr());
      }
      return null;
    }
    return l;
  }

  /** Closes stdin and waits for the exit; returns the exit code, or null if it had to be killed. */
  Integer finish(double timeoutSeconds) {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (process.waitFor((long) Math.ceil(timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
        stderrReader.join(2000);
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    return null;
  }

  /** The last lines the process wrote to stderr, as a message suffix (empty if none). */
  String stderr() {
    synchronized (stderrTail) {
      if (stderrTail.isEmpty()) {
        return "";
      }
      return "; its last stderr lines:\n    " + String.join("\n    ", stderrTail);
    }
  }

  String command() {
    return command;
  }

  static String seconds(double s) {
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }

  /** Kills the process and everything it started (idempotent). */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stdoutReader.interrupt();
  }
}
