package nas4j.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;

/**
 * Reads a partial table of real values in the layout of {@code sample-20k.csv}: a header with {@code hash},
 * {@code validation_accuracy_<E>} columns and optionally {@code training_time_<E>} (other columns ignored), one
 * row per cell. Values are one training run each (not means of three). Stateless.
 */
public final class SampleCsv {
  private SampleCsv() {}

  /**
   * The validation accuracy (and training time where the file has it) at {@code epochs} of every row.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file, line and rule broken (missing column, bad number, unknown
   *     or repeated hash)
   */
  public static LandscapeValues read(Path file, SpaceIndex space, int epochs) throws IOException {
    float[] v = LandscapeValues.nanArray(space.size());
    float[] te = LandscapeValues.nanArray(space.size());
    float[] ti = LandscapeValues.nanArray(space.size());
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + ": empty file; expected a header with hash and "
            + "validation_accuracy_" + epochs);
      }
      List<String> cols = Arrays.asList(header.trim().split(",", -1));
      int hashCol = cols.indexOf("hash");
      int accCol = cols.indexOf("validation_accuracy_" + epochs);
      int timeCol = cols.indexOf("training_time_" + epochs);
      if (hashCol < 0 || accCol < 0) {
        throw new IllegalArgumentException(file + ":1: header needs columns 'hash' and 'validation_accuracy_"
            + epochs + "'; found " + cols);
      }
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != cols.size()) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": " + f.length + " fields, header has "
              + cols.size());
        }
        String h = f[hashCol].trim();
        if (!ModuleHash.looksLikeHash(h)) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": '" + h + "' is not a 32-digit hex hash");
        }
        int id = space.idOf(ModuleHash.parse(h));
        if (id < 0) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": hash " + h + " is no cell of NAS-Bench-101");
        }
        if (!Float.isNaN(v[id])) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": hash " + h + " appears twice");
        }
        v[id] = number(f[accCol], file, lineNo, cols.get(accCol));
        if (timeCol >= 0) {
          ti[id] = number(f[timeCol], file, lineNo, cols.get(timeCol));
        }
      }
    }
    return LandscapeValues.of(file.toString(), space, epochs, v, te, ti);
  }

  private static float number(String s, Path file, int line, String col) {
    try {
      float x = Float.parseFloat(s.trim());
      if (Float.isNaN(x) || Float.isInfinite(x)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ":" + line + ": column " + col + " is '" + s
          + "', not a finite number");
    }
  }
}
