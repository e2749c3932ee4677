package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command that runs out of heap (in a run's worker thread, say) gets one message saying how to raise the cap. */
class OutOfMemoryMessageTest {
  @Test
  void outOfMemoryInAWorkerThreadIsOneMessageNamingTheCapAndTheSetting() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    Exception wrapped = new RuntimeException("run RS seed 3 failed", new OutOfMemoryError("Java heap space"));
    int code = new UserErrors().handleExecutionException(wrapped, cl, cl.parseArgs("space"));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("nas4j: out of memory (Java heap space; the Java heap is capped at ")
        .contains("MB): give it more with NAS4J_JAVA_OPTS").doesNotContain("\tat ").hasLineCount(1);
  }
}
