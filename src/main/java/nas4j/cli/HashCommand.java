package nas4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.space.CellException;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.ParameterCount;
import nas4j.space.SpaceIndex;
import nas4j.space.ValidityRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j hash}: module hash, pruned cell and parameter count of cells. */
@Command(name = "hash", mixinStandardHelpOptions = true,
    description = {"Prints the official module hash, the pruned cell and the trainable-parameter count.",
        "ADJACENCY: compact row-major 0/1 string (\"0110…\") or JSON matrix; OPS: comma-separated op names."})
final class HashCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ADJACENCY",
      description = "Row-major 0/1 string (V×V characters, 2 ≤ V ≤ 7) or JSON matrix, e.g. [[0,1],[0,0]].")
  String adjacency;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OPS",
      description = "Comma-separated op names: input, conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3, output "
          + "(short forms conv3x3, conv1x1, maxpool accepted).")
  String ops;

  @Option(names = "--file", paramLabel = "FILE", description = "One 'ADJACENCY OPS' pair per line ('-' = stdin).")
  Path file;

  @Option(names = "--json", description = "Print JSON (one object per line for bulk input).")
  boolean json;

  @Option(names = "--rule", defaultValue = "api", paramLabel = "RULE",
      description = "Validity rule: 'api' (default: prune, then the official domain check) or 'raw-edges-first' "
          + "(at most 9 edges before pruning, then the API rule, as the paper's scripts). Any case; '-' or '_'.")
  ValidityRule rule;

  @Option(names = "--canonical", description = "Also print the dense cell id, the dataset's canonical "
      + "representative and its parameter count (the value a query reports; it can differ from the count of the "
      + "cell as given). Loads the space index (~0.2 s; enumerates and caches it once if absent).")
  boolean canonical;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (file == null) {
      if (adjacency == null || ops == null) {
        throw new UserException("give ADJACENCY and OPS, or --file FILE");
      }
      out.println(describe(CellArgs.parse(adjacency, ops)));
      out.flush();
      return 0;
    }
    if (adjacency != null) {
      throw new UserException("give either ADJACENCY OPS or --file, not both");
    }
    int bad = 0;
    if (Files.isDirectory(file)) {
      throw new UserException(file + ": is a directory, not a file of cells");
    }
    int n = 0;
    try (BufferedReader r = file.toString().equals("-")
        ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = readLine(r, file, n)) != null) {
        n++;
        String[] parts;
        try {
          parts = CellArgs.splitLine(line);
          if (parts == null) {
            continue;
          }
          out.println(describe(CellArgs.parse(parts[0], parts[1])));
        } catch (CellException e) {
          bad++;
          err.println(file + ":" + n + ": " + e.getMessage());
          if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", n);
            m.put("error", e.getMessage());
            out.println(JsonOut.write(m));
          }
        }
      }
    }
    out.flush();
    return bad == 0 ? 0 : 3;
  }

  private String describe(CellSpec cell) {
    CellSpec p = rule.validate(cell);
    SpaceIndex space = canonical ? SpaceIndex.shared() : null;
    ModuleHash h = ModuleHash.of(p);
    long params = ParameterCount.of(p);
    int id = canonical ? space.idOf(h) : -1;
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("hash", h.toString());
      m.put("trainable_parameters", params);
      m.put("adjacency", p.matrix());
      m.put("operations", p.opNames());
      m.put("pruned_adjacency", p.adjacencyString());
      m.put("vertices", p.vertexCount());
      m.put("edges", p.edgeCount());
      if (canonical) {
        CellSpec c = space.cell(id);
        m.put("cell_id", id);
        m.put("canonical_adjacency", c.adjacencyString());
        m.put("canonical_operations", c.opNames());
        m.put("canonical_trainable_parameters", space.parameters(id));
      }
      return JsonOut.write(m);
    }
    String line = h + "  params=" + params + "  pruned=" + p.adjacencyString() + " " + p.opsString();
    if (canonical) {
      CellSpec c = space.cell(id);
      line += "  id=" + id + "  canonical=" + c.adjacencyString() + " " + c.opsString()
          + "  canonical_params=" + space.parameters(id);
    }
    return line;
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
