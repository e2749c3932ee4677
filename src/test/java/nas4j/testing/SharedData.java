package nas4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the real NAS-Bench-101 fixtures committed in the repository's {@code data/} folder (see
 * {@code data/PROVENANCE.md}). Tests that need one call {@link #require(String)}; a missing fixture is a failure
 * (the repository is broken), never a skipped test.
 */
public final class SharedData {
  private SharedData() {}

  /** The repository's data folder (tests run from the project root). */
  public static Path dir() {
    return Paths.get("").toAbsolutePath().resolve("data").normalize();
  }

  /** The file at {@code relative} (e.g. {@code nb101/sample-20k.csv}); throws if the repository lacks it. */
  public static Path require(String relative) {
    Path f = dir().resolve(relative);
    if (!Files.isRegularFile(f)) {
      throw new IllegalStateException("fixture missing from the repository: " + f + " (see data/PROVENANCE.md)");
    }
    return f;
  }
}
