package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void userErrorsExitTwoWithAMessage() throws Exception {
    Run unknown = run("analyze", "--benchmark", "nope", "--out", dir.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown benchmark 'nope'");
    Path file = Files.writeString(dir.resolve("x.tfrecord"), "x");
    Run data = run("analyze", "--data", file.toString(), "--out", dir.toString());
    assertThat(data.code()).isEqualTo(2);
    assertThat(data.err()).contains("x.tfrecord");
    Run missing = run("analyze", "--data", dir.resolve("absent").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    Run bad = run("analyze", "--walks", "0", "--no-sample");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("walks must be at least 1");
  }

  @Test
  @Tag("slow") // a full-space analysis: several seconds on an idle machine
  void analyzesTheSurrogateIntoCsvAndJson() {
    Path out = dir.resolve("out");
    Run r = run("analyze", "--benchmark", "surrogate", "--no-sample", "--walks", "2", "--walk-length", "40",
        "--burn-in", "2", "--max-lag", "5", "--random-pairs", "50", "--out", out.toString(), "--json");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("{\"benchmark\":\"surrogate").contains("\"rwa\":").contains("\"csv_files\":");
    assertThat(out.resolve("rwa.csv")).exists();
    assertThat(out.resolve("operation_effects.csv")).exists();
  }
}
