package nas4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nas4j.experiment.ExperimentResults;
import nas4j.experiment.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j report DIR}: writes the experiment's self-contained report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Writes DIR/report.html for a finished experiment: regret curves, final-regret box plot,"
        + " pairwise tests, critical-difference diagram and provenance, in one self-contained page.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The experiment's output folder (with run.json).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Path file = HtmlReport.write(ExperimentResults.load(dir));
    spec.commandLine().getOut().println(file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
