package nas4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.bench.Benchmark;
import nas4j.bench.CellMetrics;
import nas4j.bench.Metric;
import nas4j.bench.NasBench;
import nas4j.bench.RepeatPolicy;
import nas4j.bench.RunMetrics;
import nas4j.space.ModuleHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j query}: fixed data and every run of cells, like the official {@code get_metrics_from_spec}. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Prints a cell's fixed data and its metrics at every epoch budget and repeat (free: no budget).",
        "Give ADJACENCY OPS (compact row-major 0/1 string or JSON matrix; comma-separated ops) or a 32-hex hash."})
final class QueryCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "FILE", description = "A .tfrecord file (or its nas4j cache).")
  Path data;

  @Option(names = "--benchmark", paramLabel = "NAME",
      description = "Without --data: the benchmark to answer from (default and only choice: surrogate).")
  String benchmark;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ADJACENCY|HASH", description = "The cell's adjacency "
      + "matrix, V×V 0/1 digits row by row in one string (V from 2 to 7) or a JSON matrix; or the cell's 32-hex "
      + "module hash (then no OPS).")
  String first;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OPS", description = "The vertices' operations, "
      + "comma-separated: input, conv1x1-bn-relu, conv3x3-bn-relu, maxpool3x3, output (with ADJACENCY).")
  String ops;

  @Option(names = "--file", paramLabel = "FILE",
      description = "One cell ('ADJACENCY OPS') or hash per line ('-' = stdin); '#' starts a comment.")
  Path file;

  @Option(names = "--json", description = "Print one JSON object (one per line for --file).")
  boolean json;

  @Option(names = "--verify", description = "Recompute the data file's SHA-256 even when its cache is valid "
      + "(costs seconds for the official files); a mismatch rebuilds the cache.")
  boolean verify;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (file == null && first == null) {
      throw new UserException("give ADJACENCY OPS, a HASH, or --file FILE");
    }
    if (file != null && first != null) {
      throw new UserException("give either a cell/hash or --file, not both");
    }
    Benchmark b = BenchmarkOption.resolve(data, benchmark, verify);
    NasBench nb = new NasBench(b, RepeatPolicy.MEAN, new java.util.SplittableRandom(0));
    source = b.identity();
    warnings = err;
    if (b.isSurrogate() && !json) {
      err.println("nas4j: answering from the " + b.identity() + " (model predictions, not NAS-Bench-101 measurements;"
          + " give --data FILE for the official table)");
    }
    if (file == null) {
      out.println(render(lookup(nb, first, ops)));
      out.flush();
      return 0;
    }
    int bad = 0;
    if (Files.isDirectory(file)) {
      throw new UserException(file + ": is a directory, not a file of cells");
    }
    int n = 0;
    try (BufferedReader r = file.toString().equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = readLine(r, file, n)) != null) {
        n++;
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        try {
          CellMetrics m;
          if (ModuleHash.looksLikeHash(t)) {
            m = lookup(nb, t, null);
          } else {
            String[] parts = CellArgs.splitLine(t);
            m = lookup(nb, parts[0], parts[1]);
          }
          out.println(render(m));
        } catch (IllegalArgumentException | UserException e) {
          bad++;
          err.println(file + ":" + n + ": " + e.getMessage());
          if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("line", n);
            o.put("error", e.getMessage());
            out.println(JsonOut.write(o));
          }
        }
      }
    }
    out.flush();
    return bad == 0 ? 0 : 3;
  }

  private static CellMetrics lookup(NasBench nb, String cellOrHash, String ops) {
    if (ops == null || ops.isBlank()) {
      if (!ModuleHash.looksLikeHash(cellOrHash)) {
        throw new UserException("'" + cellOrHash + "' is not a 32-hex module hash; give ADJACENCY OPS or a HASH");
      }
      return nb.metrics(ModuleHash.parse(cellOrHash));
    }
    return nb.metrics(CellArgs.parse(cellOrHash, ops));
  }

  private String source;

  private java.io.PrintWriter warnings;

  /**
   * The cell's fixed data as the file stores them (as the official API returns them), its runs, and the exact
   * parameter count as a separate field; a stored count that differs from the exact one is also warned about.
   */
  private String render(CellMetrics m) {
    if (m.trainableParameters() != m.exactParameters() && warnings != null) {
      warnings.println("nas4j: warning: " + source + " stores " + m.trainableParameters() + " trainable parameters"
          + " for cell " + m.hash() + "; the exact count is " + m.exactParameters()
          + " (exact_trainable_parameters); the stored value is returned, as the official API does");
    }
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("hash", m.hash().toString());
      o.put("trainable_parameters", m.trainableParameters());
      o.put("exact_trainable_parameters", m.exactParameters());
      o.put("adjacency", m.stored().matrix());
      o.put("operations", m.stored().opNames());
      Map<String, Object> metrics = new LinkedHashMap<>();
      for (Map.Entry<Integer, List<RunMetrics>> e : m.runsByEpochs().entrySet()) {
        List<Object> runs = new ArrayList<>();
        for (RunMetrics r : e.getValue()) {
          Map<String, Object> v = new LinkedHashMap<>();
          for (Metric k : Metric.values()) {
            v.put(k.key(), r.get(k));
          }
          runs.add(v);
        }
        metrics.put(Integer.toString(e.getKey()), runs);
      }
      o.put("metrics", metrics);
      o.put("benchmark", source);
      return JsonOut.write(o);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Benchmark: ").append(source).append('\n');
    sb.append("Fixed stats:\n");
    sb.append("  module_hash: ").append(m.hash()).append('\n');
    sb.append("  module_adjacency:\n");
    for (int[] row : m.stored().matrix()) {
      sb.append("    ").append(java.util.Arrays.toString(row)).append('\n');
    }
    sb.append("  module_operations: ").append(m.stored().opNames()).append('\n');
    sb.append("  trainable_parameters: ").append(m.trainableParameters()).append('\n');
    sb.append("  exact_trainable_parameters: ").append(m.exactParameters()).append('\n');
    sb.append("Computed stats:");
    for (Map.Entry<Integer, List<RunMetrics>> e : m.runsByEpochs().entrySet()) {
      sb.append("\n  epochs ").append(e.getKey()).append(':');
      int i = 0;
      for (RunMetrics r : e.getValue()) {
        sb.append("\n    repeat ").append(i++).append(':');
        for (Metric k : Metric.values()) {
          sb.append("\n      ").append(k.key()).append(": ").append(String.format(Locale.ROOT, "%s", r.get(k)));
        }
      }
    }
    return sb.toString();
  }

  /** One line of a bulk file; a line that is not UTF-8 is a user error naming the file and line. */
  static String readLine(BufferedReader r, java.nio.file.Path file, int lineBefore) throws java.io.IOException {
    try {
      return r.readLine();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UserException(file + ": not UTF-8 text (at or after line " + (lineBefore + 1) + ")");
    }
  }
}
