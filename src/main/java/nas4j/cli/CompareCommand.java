package nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.experiment.Comparison;
import nas4j.experiment.ExperimentResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j compare DIR [DIR…]}: the statistics of finished experiments (docs/statistics.md). */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compares the strategies of finished experiments. One folder: its final test regret per"
        + " strategy, the pairwise rank-sum tests (Holm, A12, verdict at α = 0.05) and the Friedman ranking over its"
        + " checkpoints. Several folders: the Friedman ranking and Nemenyi critical difference with each"
        + " experiment × checkpoint as a problem, over the strategy labels they share.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Experiment output folders (with run.json).")
  List<Path> dirs;

  @Option(names = "--checkpoints", paramLabel = "WHICH", defaultValue = "budget",
      description = "Problems of the ranking across folders: budget (every checkpoint of each experiment's budget"
          + " axis at which every run has an incumbent; default) or final (each experiment's final regret).")
  String checkpoints;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write comparison.csv and friedman.csv here.")
  Path out;

  @Option(names = "--json", description = "Print the statistics as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!checkpoints.equals("budget") && !checkpoints.equals("final")) {
      throw new UserException("--checkpoints '" + checkpoints + "' is not allowed; allowed: budget, final");
    }
    PrintWriter o = spec.commandLine().getOut();
    List<Comparison> cs = new ArrayList<>();
    for (Path d : dirs) {
      cs.add(ExperimentResults.load(d).comparison());
    }
    if (cs.size() == 1) {
      Comparison c = cs.get(0);
      if (out != null) {
        c.writeFiles(out);
      }
      o.print(json ? JsonOut.write(c.toJson()) + "\n" : c.shortText());
    } else {
      Comparison.Ranking r = Comparison.across(cs, checkpoints.equals("final"));
      if (r == null) {
        throw new UserException("the folders share fewer than two strategy labels, or no checkpoint at which"
            + " every run has an incumbent");
      }
      if (out != null) {
        Comparison.writeAcross(out, cs, r);
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiments", cs.stream().map(Comparison::name).toList());
        m.put("friedman", Comparison.rankingJson(r));
        o.println(JsonOut.write(m));
      } else {
        o.printf("%d experiments: %s; strategies in all of them: %s%n", cs.size(),
            String.join(", ", cs.stream().map(Comparison::name).toList()), String.join(", ", r.labels()));
        o.print(Comparison.rankingText(r));
        for (int i = 0; i < r.labels().size(); i++) {
          for (int j = i + 1; j < r.labels().size(); j++) {
            o.printf("  %s vs %s: %s%n", r.labels().get(i), r.labels().get(j),
                r.differ(i, j) ? "differ (|Δ mean rank| ≥ CD)" : "not significantly different");
          }
        }
      }
    }
    if (out != null && !json) {
      o.println("wrote " + out.resolve("comparison.csv") + " and " + out.resolve("friedman.csv"));
    }
    o.flush();
    return 0;
  }
}
