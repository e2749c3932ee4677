package nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.experiment.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j merge OUT SHARD_DIR…}: joins the shards of one experiment into an unsharded run's outputs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Joins the shard folders of one experiment (written by nas4j run FILE --shard I/N for I from 1 to"
        + " N) into OUT, whose results are those an unsharded run of the same config writes.",
        "Refuses, naming the folder, shards that are incomplete, missing, given twice, or from another config, "
            + "nas4j version or shard count."})
final class MergeCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUT", description = "The output folder.")
  Path out;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD_DIR", description = "The N shard folders.")
  List<Path> shards;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--no-report", description = "Do not write report.html (nas4j report OUT writes it later).")
  boolean noReport;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    ShardMerge.Report r = ShardMerge.merge(out, shards, !noReport);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("output", r.output().toString());
      m.put("name", r.name());
      m.put("shards", r.shards());
      m.put("runs", r.runs());
      m.put("config_hash", r.configHash());
      m.put("report", r.report() == null ? null : r.report().toString());
      w.println(JsonOut.write(m));
    } else {
      w.print(r.summary().shortTable(5));
      w.println(ShardMerge.describe(r));
      if (r.report() != null) {
        w.println("report: " + r.report() + " (statistics: comparison.csv, friedman.csv)");
      }
    }
    w.flush();
    return 0;
  }
}
