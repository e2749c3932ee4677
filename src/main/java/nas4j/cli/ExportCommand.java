package nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.bench.Benchmark;
import nas4j.bench.io.DatasetWriter;
import nas4j.bench.io.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas4j export}: writes a benchmark in the official .tfrecord layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes a benchmark (default: the surrogate) in the official NAS-Bench-101 .tfrecord layout.",
        "Loading the file with the dataset reader gives exactly the benchmark's answers. Files written from the",
        "surrogate hold model predictions, not NAS-Bench-101 measurements."})
final class ExportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--benchmark", paramLabel = "NAME",
      description = "The benchmark to export without --data (default and only choice: surrogate).")
  String benchmark;

  @Option(names = "--data", paramLabel = "FILE", description = "Export this official file (or cache) instead.")
  Path data;

  @Option(names = "--variant", required = true, paramLabel = "only108|full",
      description = "only108: the 108-epoch runs; full: budgets 4, 12, 36 and 108.")
  String variant;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .tfrecord file to write.")
  Path out;

  @Option(names = "--json", description = "Print a JSON summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Variant v = parseVariant(variant);
    Benchmark b = BenchmarkOption.resolve(data, benchmark, false);
    long t0 = System.nanoTime();
    DatasetWriter.write(b, v, out);
    double secs = (System.nanoTime() - t0) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    long bytes = Files.size(out);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", b.identity());
      m.put("variant", v.name().toLowerCase(java.util.Locale.ROOT));
      m.put("out", out.toString());
      m.put("bytes", bytes);
      m.put("cells", b.cellCount());
      m.put("seconds", secs);
      o.println(JsonOut.write(m));
    } else {
      o.printf(java.util.Locale.ROOT, "wrote %s (%,d bytes, %,d cells, %s) from %s in %.1f s%n", out, bytes,
          b.cellCount(), v.name().toLowerCase(java.util.Locale.ROOT), b.identity(), secs);
      if (b.isSurrogate()) {
        o.println("note: these are surrogate predictions, not NAS-Bench-101 measurements");
      }
    }
    o.flush();
    return 0;
  }

  static Variant parseVariant(String text) {
    switch (text.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "")) {
      case "only108":
        return Variant.ONLY108;
      case "full":
        return Variant.FULL;
      default:
        throw new UserException("--variant must be only108 or full; got '" + text + "'");
    }
  }
}
