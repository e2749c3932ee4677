package nas4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs commands through {@link Main#execute(PrintWriter, PrintWriter, String...)}, capturing stdout and stderr. */
abstract class CommandTestSupport {
  protected final StringWriter out = new StringWriter();
  protected final StringWriter err = new StringWriter();

  protected int run(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** One command's exit code and its own stdout and stderr. */
  record Result(int code, String out, String err) {}

  /** Runs one command with fresh output buffers. */
  static Result capture(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
    return new Result(code, o.toString(), e.toString());
  }
}
