package nas4j.cli;

import java.util.ArrayList;
import java.util.List;
import nas4j.space.CellSpec;
import nas4j.space.MalformedCellException;

/** Parses a cell given on the command line or in a bulk file: compact or JSON adjacency, comma-separated ops. */
final class CellArgs {
  private CellArgs() {}

  /** ADJACENCY is the compact row-major string ("0110…") or a JSON matrix ("[[0,1],[0,0]]"). */
  static CellSpec parse(String adjacency, String ops) {
    String a = adjacency.trim();
    if (a.startsWith("[")) {
      return CellSpec.of(jsonMatrix(a), CellSpec.splitOps(ops));
    }
    return CellSpec.parse(a, ops);
  }

  /**
   * Splits one line of a bulk file into ADJACENCY and OPS (whitespace or a tab between them; a JSON matrix may
   * contain spaces). Returns null for blank lines and lines starting with '#'.
   */
  static String[] splitLine(String line) {
    String t = line.trim();
    if (t.isEmpty() || t.startsWith("#")) {
      return null;
    }
    if (t.startsWith("[")) {
      int depth = 0;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
          if (depth == 0) {
            return new String[] {t.substring(0, i + 1), t.substring(i + 1).trim()};
          }
        }
      }
      throw new MalformedCellException("unbalanced brackets in JSON matrix");
    }
    String[] parts = t.split("\\s+", 2);
    return parts.length == 2 ? parts : new String[] {parts[0], ""};
  }

  static int[][] jsonMatrix(String text) {
    String s = text.replaceAll("\\s", "");
    if (!s.startsWith("[[") || !s.endsWith("]]")) {
      throw new MalformedCellException("adjacency '" + text + "' is not a JSON matrix like [[0,1],[0,0]]");
    }
    String inner = s.substring(2, s.length() - 2);
    String[] rows = inner.split("\\],\\[", -1);
    List<int[]> out = new ArrayList<>();
    for (String r : rows) {
      String[] cells = r.isEmpty() ? new String[0] : r.split(",", -1);
      int[] row = new int[cells.length];
      for (int j = 0; j < cells.length; j++) {
        try {
          row[j] = Integer.parseInt(cells[j]);
        } catch (NumberFormatException e) {
          throw new MalformedCellException("matrix entry '" + cells[j] + "' is not 0 or 1");
        }
      }
      out.add(row);
    }
    return out.toArray(new int[0][]);
  }
}
