package nas4j.cli;

import static nas4j.cli.CommandTestSupport.capture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import nas4j.cli.CommandTestSupport.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code external} strategy end to end through {@code nas4j run} with the Python examples: the trace equals the
 * one of a built-in test strategy issuing the same cells (as the scripts logged them); crashing, hanging,
 * malformed-JSON and invalid-cell scripts each fail their runs with a clear error while the others finish; resume
 * runs the failed runs again. Needs {@code python3} (fails, not skips, without it).
 */
class ExternalStrategyTest {
  static final String SCRIPTS = "src/test/resources/external/";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @BeforeAll
  static void python3IsThere() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !v.startsWith("Python 3")) {
        fail("python3 --version did not answer 'Python 3.x' (got '" + v + "'): these tests need python3 on the PATH");
      }
    } catch (IOException e) {
      fail("these tests need python3 on the PATH (CI machines have it): " + e.getMessage());
    }
  }

  static List<String[]> rows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
  }

  @Test
  void pythonExamplesGiveTheTraceOfABuiltInStrategyIssuingTheSameCells() throws IOException {
    Map<String, String> commands = new TreeMap<>();
    commands.put("RS-py", "python3 examples/python/random_search.py --invalid record --log LOG");
    commands.put("LS-py", "python3 examples/python/local_search.py --num-init 3 --no-skip-queried --log LOG");
    commands.put("LS-py-replay", "python3 examples/python/local_search.py --num-init 3 --no-skip-queried --log LOG");
    commands.put("LS-py-skip", "python3 examples/python/local_search.py --log LOG");
    StringBuilder ext = new StringBuilder();
    StringBuilder replay = new StringBuilder();
    for (Map.Entry<String, String> e : commands.entrySet()) {
      Path log = Files.createDirectories(tmp.resolve("logs").resolve(e.getKey()));
      String dup = e.getKey().endsWith("replay") ? ", duplicates: replay" : "";
      ext.append("  - {strategy: external, label: ").append(e.getKey()).append(dup).append(", params: {command: \"")
          .append(e.getValue().replace("LOG", log.toString())).append("\"}}\n");
      replay.append("  - {strategy: test-replay, label: ").append(e.getKey()).append(dup)
          .append(", params: {log_dir: \"").append(log).append("\"}}\n");
    }
    String head = "name: NAME\nbudget: {queries: 60}\nseeds: 2\ntrace: full\nthreads: 2\nstrategies:\n";
    Path a = tmp.resolve("external.yaml");
    Path b = tmp.resolve("replay.yaml");
    Files.writeString(a, head.replace("NAME", "ext") + ext);
    Files.writeString(b, head.replace("NAME", "ext") + replay);
    Result ra = capture("run", a.toString(), "--out", tmp.resolve("a").toString(), "--progress", "none");
    assertThat(ra.code()).as(ra.err()).isZero();
    Result rb = capture("run", b.toString(), "--out", tmp.resolve("b").toString(), "--progress", "none");
    assertThat(rb.code()).as(rb.err()).isZero();

    for (String f : List.of("trace.csv", "runs.csv", "summary.csv")) {
      assertThat(Files.readString(tmp.resolve("a").resolve(f))).as(f)
          .isEqualTo(Files.readString(tmp.resolve("b").resolve(f)));
    }
    // what the traces hold, from the logs and the protocol, not from the code under test
    List<String[]> runs = rows(tmp.resolve("a/runs.csv"));
    assertThat(runs).hasSize(8).allSatisfy(r -> {
      assertThat(r[3]).as("charged").isEqualTo("60");
      assertThat(r[13]).as("stop").isEqualTo("budget");
    });
    List<String[]> trace = rows(tmp.resolve("a/trace.csv"));
    List<String> columns = List.of(Files.readAllLines(tmp.resolve("a/trace.csv")).get(0).split(","));
    int valid = columns.indexOf("valid");
    int duplicate = columns.indexOf("duplicate");
    for (String label : commands.keySet()) {
      for (int seed = 0; seed < 2; seed++) {
        String s = String.valueOf(seed);
        long queries = trace.stream().filter(r -> r[0].equals(label) && r[1].equals(s)).count();
        assertThat(queries).as(label + " seed " + s + ": one trace row per logged query but the refused last one")
            .isEqualTo(logLines(tmp.resolve("logs").resolve(label)).get(seed) - 1);
      }
    }
    assertThat(trace.stream().filter(r -> r[0].equals("RS-py") && r[valid].equals("0")).count()).as("invalid")
        .isPositive();
    assertThat(trace.stream().filter(r -> r[0].equals("LS-py") && r[duplicate].equals("1")).count()).as("duplicates")
        .isPositive();
    assertThat(trace.stream().filter(r -> r[0].equals("LS-py-skip") && r[duplicate].equals("1")).count()).isZero();
    // replayed duplicates are free: more queries than charged ones, all 60 charged
    assertThat(runs.stream().filter(r -> r[0].equals("LS-py-replay")))
        .allSatisfy(r -> assertThat(Long.parseLong(r[2])).isGreaterThan(60));
    assertThat(Files.readString(tmp.resolve("logs/LS-py").resolve(Files.list(tmp.resolve("logs/LS-py")).findFirst()
        .orElseThrow().getFileName()))).contains("\"hash\"");
  }

  /** Lines of each seed's log, in the order of the runs' seeds (the log names are the seeds sent, not 0, 1, 2). */
  List<Long> logLines(Path dir) throws IOException {
    JsonNode runJson = JSON.readTree(tmp.resolve("a/run.json").toFile());
    assertThat(runJson.path("status").asText()).isEqualTo("complete");
    List<Long> counts = new ArrayList<>();
    Map<Long, Long> bySeed = new TreeMap<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        long seed = Long.parseLong(p.getFileName().toString().replace(".jsonl", ""));
        bySeed.put(seed, (long) Files.readAllLines(p).size());
      }
    }
    assertThat(bySeed).hasSize(2);
    // the seed sent for seed value k is the first draw of that run's strategy stream
    for (int k = 0; k < 2; k++) {
      counts.add(seedLines(dir, k, bySeed));
    }
    return counts;
  }

  long seedLines(Path dir, int seedValue, Map<Long, Long> bySeed) {
    long sent = nas4j.experiment.RunSeeds.derive(0, dir.getFileName().toString(), seedValue).strategyRng()
        .nextLong() >>> 11;
    assertThat(bySeed).containsKey(sent);
    return bySeed.get(sent);
  }

  @Test
  void brokenProcessesFailTheirRunsWithClearErrorsWhileTheOthersFinishAndResumeRunsThemAgain() throws IOException {
    Path marker = Files.writeString(tmp.resolve("marker"), "fail");
    Path yaml = tmp.resolve("broken.yaml");
    Files.writeString(yaml, String.join("\n",
        "name: broken",
        "budget: {queries: 30}",
        "seeds: 2",
        "threads: 2",
        "strategies:",
        "  - {strategy: random-search, label: RS}",
        "  - {strategy: external, label: RS-py, params: {command: python3 examples/python/random_search.py}}",
        "  - {strategy: external, label: crash, params: {command: python3 " + SCRIPTS + "crash.py}}",
        "  - {strategy: external, label: hang, params: {command: python3 " + SCRIPTS + "hang.py, timeout_seconds: 2}}",
        "  - {strategy: external, label: malformed, params: {command: python3 " + SCRIPTS + "malformed.py}}",
        "  - {strategy: external, label: invalid, params: {command: python3 " + SCRIPTS + "invalid_cell.py}}",
        "  - {strategy: external, label: missing, params: {command: no-such-program-nas4j}}",
        "  - {strategy: external, label: flaky, params: {command: \"python3 " + SCRIPTS + "flaky.py " + marker + "\"}}",
        ""));
    Path out = tmp.resolve("out");
    Result r = capture("run", yaml.toString(), "--out", out.toString(), "--progress", "none");
    assertThat(r.code()).as(r.err()).isEqualTo(RunCommand.FAILED_RUNS);
    assertThat(r.err()).contains("12 of 16 runs FAILED").doesNotContain("\tat ");

    Map<String, String> error = new TreeMap<>();
    JsonNode runJson = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(runJson.path("status").asText()).isEqualTo("failed-runs");
    runJson.path("failed_runs").forEach(f -> error.put(f.path("strategy").asText() + "/" + f.path("seed").asInt(),
        f.path("error").asText()));
    assertThat(error).hasSize(12);
    assertThat(error.get("crash/0")).contains("exited with code 1 after 2 requests")
        .contains("ZeroDivisionError: the script's own bug");
    assertThat(error.get("hang/1")).contains("sent nothing for 2 s while nas4j waited for its first request")
        .contains("timeout_seconds").contains("killed");
    assertThat(error.get("malformed/0")).contains("request 2 is invalid: not JSON").contains("{'op': 'query', oops");
    assertThat(error.get("invalid/1")).contains("request 1 is invalid: malformed cell")
        .contains("not strictly upper-triangular");
    assertThat(error.get("missing/0")).contains("cannot start 'no-such-program-nas4j'");
    assertThat(error.get("flaky/0")).contains("exited with code 3 after 0 requests").contains("failing on purpose");
    assertThat(r.err()).contains("crash seed 0: external: 'python3 " + SCRIPTS + "crash.py' exited with code 1");

    List<String[]> runs = rows(out.resolve("runs.csv"));
    assertThat(runs).hasSize(16);
    for (String[] row : runs) {
      boolean good = row[0].equals("RS") || row[0].equals("RS-py");
      assertThat(row[13]).as(row[0]).isEqualTo(good ? "budget" : "error");
      if (good) {
        assertThat(row[3]).isEqualTo("30");
      }
    }
    assertThat(runs.stream().filter(x -> x[0].equals("crash"))).allSatisfy(x -> assertThat(x[2]).isEqualTo("2"));
    assertThat(Files.readAllLines(out.resolve("summary.csv")).stream().skip(1).map(l -> l.split(",")[0]).distinct())
        .containsExactly("RS", "RS-py");

    // fix the flaky script's condition and resume: the good runs are kept, the failed ones run again
    Files.delete(marker);
    Result again = capture("run", yaml.toString(), "--out", out.toString(), "--progress", "none", "--resume");
    assertThat(again.code()).isEqualTo(RunCommand.FAILED_RUNS);
    assertThat(again.err()).contains("10 of 16 runs FAILED").doesNotContain("flaky seed");
    JsonNode after = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(after.path("runs_resumed").asInt()).isEqualTo(4);
    assertThat(after.path("runs_executed").asInt()).isEqualTo(12);
    assertThat(rows(out.resolve("runs.csv")).stream().filter(x -> x[0].equals("flaky")))
        .allSatisfy(x -> assertThat(x[13]).isEqualTo("budget"))
        .allSatisfy(x -> assertThat(x[3]).isEqualTo("30"));
    assertThat(Files.readAllLines(out.resolve("summary.csv")).stream().skip(1).map(l -> l.split(",")[0]).distinct())
        .containsExactly("RS", "RS-py", "flaky");
  }
}
