package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import nas4j.testing.CliProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same config, two JVM starts: every output byte is the same, apart from run.json's clock fields. A fresh JVM gives
 * a fresh hash seed, so this catches output order taken from an unordered map (run.json's oracle entry once was).
 */
class SeparateJvmDeterminismTest {
  @TempDir
  Path tmp;

  static final String CONFIG = String.join("\n",
      "name: twice",
      "benchmark: surrogate",
      "budget: {queries: 40}",
      "strategies:",
      "  - {strategy: random-search, label: RS}",
      "  - {strategy: regularized-evolution, label: RE}",
      "  - {strategy: local-search, label: LS}",
      "  - {strategy: reinforce, label: REINFORCE}",
      "seeds: 2",
      "experiment_seed: 1",
      "threads: 2",
      "trace: full",
      "");

  static final List<String> CLOCK_FIELDS = List.of("\"started\"", "\"finished\"", "\"wall_seconds\"");

  @Test
  void twoJvmsWriteTheSameBytesApartFromTheClock() throws Exception {
    Files.writeString(tmp.resolve("twice.yaml"), CONFIG);
    for (String out : List.of("a", "b")) {
      CliProcess.Result r = CliProcess.run(tmp, out, "run", "twice.yaml", "--out", out, "--progress", "none");
      assertThat(r.exit()).as(r.err()).isZero();
    }
    for (String f : List.of("trace.csv", "runs.csv", "summary.csv")) {
      assertThat(Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f))).as(f).isEqualTo(-1L);
    }
    String a = Files.readString(tmp.resolve("a/run.json"));
    String b = Files.readString(tmp.resolve("b/run.json"));
    assertThat(withoutClock(b)).isEqualTo(withoutClock(a));
    assertThat(a).isNotEqualTo(withoutClock(a)); // the clock lines were there and only they were dropped
    assertThat(withoutClock(a).lines().count()).isEqualTo(a.lines().count() - CLOCK_FIELDS.size());
    assertThat(a).contains("\"oracle\" : {\n        \"epochs\" : 108,\n        \"budget\" : \"40 queries\",");
  }

  static String withoutClock(String json) {
    return json.lines().filter(l -> CLOCK_FIELDS.stream().noneMatch(f -> l.trim().startsWith(f)))
        .collect(Collectors.joining("\n"));
  }
}
