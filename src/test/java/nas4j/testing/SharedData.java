package nas4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real NAS-Bench-101 values in {@code ../shared/data} (from the project root; override with
 * {@code -Dnas4j.shared.data=DIR}). Tests that need them call {@link #require(String)}, which skips the test
 * cleanly (JUnit assumption) where the folder is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The data folder, whether or not it exists. */
  public static Path dir() {
    String p = System.getProperty("nas4j.shared.data");
    if (p != null && !p.isBlank()) {
      return Paths.get(p);
    }
    return Paths.get("").toAbsolutePath().resolve("../shared/data").normalize();
  }

  /** True if the shared data folder is present. */
  public static boolean present() {
    return Files.isDirectory(dir());
  }

  /** The file at {@code relative} (e.g. {@code nb101/sample-20k.csv}); skips the calling test if it is absent. */
  public static Path require(String relative) {
    Path f = dir().resolve(relative);
    Assumptions.assumeTrue(Files.isRegularFile(f), () -> "shared data absent: " + f + " (test skipped)");
    return f;
  }
}
