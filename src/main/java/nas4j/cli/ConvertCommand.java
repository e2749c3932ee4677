package nas4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.bench.io.Datasets;
import nas4j.bench.io.LoadOptions;
import nas4j.bench.io.LoadedDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j convert}: decodes a .tfrecord file and writes its binary cache. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Decodes a NAS-Bench-101 .tfrecord file (checking every CRC, hash and value) into a binary cache"
        + " that later loads of the file use automatically.",
        "The cache goes beside FILE, named FILE + '.nas4j-cache', unless --cache says where."})
final class ConvertCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The NAS-Bench-101 .tfrecord file to decode into a nas4j cache.")
  Path file;

  @Option(names = "--cache", paramLabel = "PATH", description = "Where to write the cache.")
  Path cache;

  @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: all cores).")
  Integer threads;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LoadOptions o = LoadOptions.defaults();
    if (threads != null) {
      o = o.withThreads(threads);
    }
    LoadedDataset d = Datasets.convert(file, cache, o);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.toString());
      m.put("sha256", d.identity().sha256());
      m.put("official", d.identity().official().name().toLowerCase(java.util.Locale.ROOT));
      m.put("records", d.report().records());
      m.put("cells", d.report().cells());
      m.put("budgets", d.report().budgets());
      m.put("cache", String.valueOf(d.report().cacheWritten()));
      m.put("seconds", d.report().seconds());
      out.println(JsonOut.write(m));
    } else {
      out.println(Datasets.describe(d));
      out.println("sha256 " + d.identity().sha256() + " (" + d.identity().official().name()
          .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
      out.println("cache written to " + d.report().cacheWritten());
    }
    out.flush();
    return 0;
  }
}
