package nas4j.bench.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What a load did: records decoded (or recorded in the cache), cells and budgets found, whether the cache was
 * used or written, wall-clock seconds, threads, and the warnings raised. Immutable.
 */
public record LoadReport(long records, int cells, int[] budgets, boolean fromCache, Path cacheRead,
    Path cacheWritten, double seconds, int threads, int parameterMismatches, List<String> warnings) {

  public LoadReport {
    budgets = budgets.clone();
    warnings = List.copyOf(warnings);
  }
}
