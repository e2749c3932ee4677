package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nas4j.experiment.OutputFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: the quickstart as 3 shards, each in its own JVM and in another order than 1, 2, 3,
 * merged by {@code nas4j merge}, compared byte for byte with the unsharded run; bad shard sets refused with exit
 * code 2 and a message naming the shard.
 */
class ShardCliTest extends CommandTestSupport {
  @TempDir
  Path tmp;

  /** {@code nas4j ARGS} in a fresh JVM on this test's class path; returns its exit code. */
  static int process(Path log, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-Xms64m", "-Xmn48m", "-Xmx640m")); // the launcher's settings for run and merge
    String cache = System.getProperty("nas4j.cache.dir");
    if (cache != null) {
      cmd.add("-Dnas4j.cache.dir=" + cache);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "nas4j.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return p.waitFor();
  }

  @Test
  void quickstartAsThreeShardsInSeparateProcessesMergesToTheUnshardedRun() throws Exception {
    Path whole = tmp.resolve("whole");
    assertThat(run("run", "experiments/quickstart.yaml", "--out", whole.toString(), "--progress", "none"))
        .as(err.toString()).isEqualTo(0);
    Path parent = tmp.resolve("sharded");
    for (String i : new String[] {"3", "1", "2"}) {
      Path log = tmp.resolve("shard-" + i + ".log");
      int code = process(log, "run", "experiments/quickstart.yaml", "--out", parent.toString(), "--shard", i + "/3",
          "--progress", "none");
      assertThat(code).as(Files.readString(log)).isEqualTo(0);
    }
    List<Path> dirs;
    try (var s = Files.list(parent)) {
      dirs = s.sorted().toList();
    }
    assertThat(dirs).hasSize(3);
    assertThat(dirs.get(0).getFileName().toString()).matches("shard-1-of-3-[0-9a-f]{12}");

    Path merged = tmp.resolve("merged");
    List<String> args = new ArrayList<>(List.of("merge", merged.toString()));
    for (int k : new int[] {2, 0, 1}) {
      args.add(dirs.get(k).toString());
    }
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isEqualTo(0);
    assertThat(out.toString()).contains("quickstart: merged 3 shards (400 runs");
    // every output file of the two folders, byte for byte (run.json and report.html without the clock fields)
    assertThat(OutputFolders.files(whole)).containsExactly("comparison.csv", "friedman.csv", "report.html",
        "run.json", "runs.csv", "summary.csv", "trace.csv");
    OutputFolders.assertSame(whole, merged);

    // refused with exit code 2 and a message naming the shard
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run("merge", tmp.resolve("m2").toString(), dirs.get(0).toString(), dirs.get(2).toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("shard 2/3 (folder " + dirs.get(1).getFileName() + ") is missing")
        .doesNotContain("Exception");
    err.getBuffer().setLength(0);
    assertThat(run("merge", tmp.resolve("m2").toString(), dirs.get(0).toString(), dirs.get(1).toString(),
        dirs.get(1).toString(), dirs.get(2).toString())).isEqualTo(2);
    assertThat(err.toString()).contains("shard 2/3 is given twice");
    err.getBuffer().setLength(0);
    assertThat(run("merge", tmp.resolve("m2").toString(), dirs.get(0).toString(), whole.toString(),
        dirs.get(2).toString())).isEqualTo(2);
    assertThat(err.toString()).contains(whole + " holds an unsharded run");
    err.getBuffer().setLength(0);
    assertThat(run("run", "experiments/quickstart.yaml", "--shard", "4/3")).isEqualTo(2);
    assertThat(err.toString()).contains("--shard '4/3'");
  }
}
