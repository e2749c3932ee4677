package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import nas4j.testing.MiniJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest extends CommandTestSupport {
  @TempDir
  Path tmp;


  @Test
  @SuppressWarnings("unchecked")
  void generateThenLoadReportsRecordsAndTimes() {
    Path f = tmp.resolve("g.tfrecord");
    assertThat(run("bench", "generate", "--variant", "full", "--stride", "4001", "--out", f.toString())).isZero();
    assertThat(out.toString()).contains("106 cells × 12 records");
    out.getBuffer().setLength(0);
    assertThat(run("bench", "load", f.toString(), "--threads", "2", "--json")).isZero();
    Map<String, Object> m = (Map<String, Object>) MiniJson.parse(out.toString().trim());
    assertThat(m.get("records")).isEqualTo(1272.0);
    assertThat(m.get("cells")).isEqualTo(106.0);
    assertThat((Double) m.get("decode_seconds")).isPositive();
    assertThat((Double) m.get("cache_load_seconds")).isPositive();
    assertThat(run("bench", "generate", "--variant", "nope", "--out", f.toString())).isNotZero();
  }
}
