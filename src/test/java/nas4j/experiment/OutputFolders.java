package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares two result folders file by file: the same files, byte for byte, apart from what differs between any two
 * runs of the same config by design: the folder's lock file and hidden part store (not outputs), run.json's clock
 * and machine fields, and report.html's rows of those fields.
 */
public final class OutputFolders {
  private OutputFolders() {}

  /** The clock and machine fields of run.json (RunMetadata.NON_DETERMINISTIC's run.json entry). */
  static final List<String> CLOCK_FIELDS = List.of("started", "finished", "wall_seconds", "threads", "java", "os",
      "git_commit");

  /** Copies a whole folder (lock file and part store included) to a new place. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** The output files of a folder (relative paths, sorted), without the lock file and the part store. */
  public static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.equals(OutputLock.FILE) && !n.startsWith(".parts/")).sorted().toList();
    }
  }

  /** Asserts that {@code actual} holds the same output files as {@code expected}, with the same bytes. */
  public static void assertSame(Path expected, Path actual) throws IOException {
    List<String> names = files(expected);
    assertThat(files(actual)).as("files of " + actual).isEqualTo(names);
    for (String n : names) {
      Path e = expected.resolve(n);
      Path a = actual.resolve(n);
      if (n.equals("run.json")) {
        assertThat(stableRunJson(a)).as(n).isEqualTo(stableRunJson(e));
      } else if (n.equals(HtmlReport.FILE)) {
        assertThat(stableReport(a)).as(n).isEqualTo(stableReport(e));
      } else {
        assertThat(Files.mismatch(e, a)).as(n + " differs at byte").isEqualTo(-1L);
      }
    }
  }

  /** A run.json without the fields that differ between any two runs (clock, machine, thread count). */
  public static ObjectNode stableRunJson(Path file) throws IOException {
    ObjectNode j = (ObjectNode) RunMetadata.JSON.readTree(file.toFile());
    j.remove(CLOCK_FIELDS);
    return j;
  }

  /** report.html without its provenance rows of run.json's clock and machine fields. */
  static String stableReport(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (CLOCK_FIELDS.stream().noneMatch(f -> line.startsWith("<tr><th>" + f + "</th>"))) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
