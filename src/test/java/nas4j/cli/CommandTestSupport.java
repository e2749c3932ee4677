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
}
