package nas4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import nas4j.util.AtomicFiles;

/**
 * The end of a batch, one code path for {@code nas4j run} ({@link ExperimentRunner}) and {@code nas4j merge}
 * ({@link ShardMerge}), so both write the same bytes: from the folder's run.json (as it stands while the batch is
 * "running") and the regret steps of the runs that did not fail, it writes summary.csv, the statistics of the
 * comparison (comparison.csv, friedman.csv; {@link Comparison}) and, if asked, report.html ({@link HtmlReport}).
 * The runs' steps are read from their part files one run at a time ({@link ExperimentResults#aggregate()}), so
 * memory does not grow with the traces. Stateless.
 */
final class EndOfRun {
  private EndOfRun() {}

  /** What the end wrote: the summary (for the printed table) and report.html's path (null if not asked for). */
  record Written(SummaryTable summary, Path report) {}

  /**
   * Writes the end-of-run files into {@code dir}.
   *
   * @param runs the runs that did not fail, in run order (failed runs stay out of the summary and statistics)
   * @param steps reads a run's regret steps (its part file)
   * @param report whether to write report.html
   */
  static Written write(Path dir, List<RunKey> runs, Function<RunKey, RunSteps> steps, boolean report)
      throws IOException {
    ExperimentResults r = ExperimentResults.of(dir, runs, steps);
    ExperimentResults.Aggregates a = r.aggregate(); // two passes over the part files, one run at a time
    AtomicFiles.write(dir.resolve("summary.csv"), a.summary().toCsv());
    a.comparison().writeFiles(dir);
    return new Written(a.summary(), report ? HtmlReport.write(r, a) : null);
  }
}
