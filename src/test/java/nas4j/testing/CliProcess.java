package nas4j.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the nas4j command line in a separate JVM (the test classpath, {@code nas4j.cli.Main}), for what only a real
 * process shows: two processes on one folder, a kill, a fresh JVM's hash-map order. Output goes to files in the
 * working folder ({@code .stdout}, {@code .stderr} with a per-call tag) so a killed process leaves them readable.
 */
public final class CliProcess {
  private CliProcess() {}

  /** A finished process: exit code and both streams. */
  public record Result(int exit, String out, String err) {}

  /** Starts {@code nas4j args...} in {@code dir}; its streams go to {@code dir/<tag>.out} and {@code <tag>.err}. */
  public static Process start(Path dir, String tag, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("nas4j.cli.Main");
    cmd.addAll(List.of(args));
    Files.createDirectories(dir);
    return new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve(tag + ".out").toFile()).redirectError(dir.resolve(tag + ".err").toFile())
        .start();
  }

  /** Waits for a process started with {@link #start} (at most 10 minutes, then kills it and fails). */
  public static Result await(Process p, Path dir, String tag) throws IOException, InterruptedException {
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("nas4j process " + tag + " did not finish within 10 minutes");
    }
    return new Result(p.exitValue(), Files.readString(dir.resolve(tag + ".out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve(tag + ".err"), StandardCharsets.UTF_8));
  }

  /** Runs {@code nas4j args...} in {@code dir} to its end. */
  public static Result run(Path dir, String tag, String... args) throws IOException, InterruptedException {
    return await(start(dir, tag, args), dir, tag);
  }
}
