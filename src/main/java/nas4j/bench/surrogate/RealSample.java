package nas4j.bench.surrogate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;

/**
 * The real values of {@code nb101/sample-20k.csv} (one training repeat per cell): validation accuracy at 4, 12,
 * 36 and 108 epochs and training time at 108 epochs, with each row's dense cell id. Immutable.
 *
 * @param ids dense cell ids, in file order
 * @param hashes the module hashes as written in the file
 * @param validation {@code validation[b][row]} for budgets 4, 12, 36, 108
 * @param time108 training time at 108 epochs
 */
public record RealSample(int[] ids, String[] hashes, double[][] validation, double[] time108) {
  /** The budgets of the validation columns. */
  public static final int[] BUDGETS = {4, 12, 36, 108};
  private static final String HEADER = "hash,trainable_parameters,validation_accuracy_4,validation_accuracy_12,"
      + "validation_accuracy_36,validation_accuracy_108,training_time_108";

  /** Rows in the sample. */
  public int size() {
    return ids.length;
  }

  /** Reads the CSV; errors name the file, line and rule broken. */
  public static RealSample read(Path csv, SpaceIndex space) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        throw new IOException(csv + ":1: expected header '" + HEADER + "'");
      }
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.strip().split(",");
        if (f.length != 7) {
          throw new IOException(csv + ":" + n + ": expected 7 comma-separated fields, found " + f.length);
        }
        rows.add(f);
        if (!ModuleHash.looksLikeHash(f[0])) {
          throw new IOException(csv + ":" + n + ": '" + f[0] + "' is not a 32-digit module hash");
        }
      }
    }
    int m = rows.size();
    int[] ids = new int[m];
    String[] hashes = new String[m];
    double[][] val = new double[4][m];
    double[] time = new double[m];
    for (int i = 0; i < m; i++) {
      String[] f = rows.get(i);
      int line = i + 2;
      hashes[i] = f[0];
      ids[i] = space.idOf(ModuleHash.parse(f[0]));
      if (ids[i] < 0) {
        throw new IOException(csv + ":" + line + ": hash " + f[0] + " is not a cell of NAS-Bench-101");
      }
      try {
        long params = Long.parseLong(f[1]);
        if (params != space.parameters(ids[i])) {
          throw new IOException(csv + ":" + line + ": trainable_parameters " + params
              + " disagrees with the exact count " + space.parameters(ids[i]));
        }
        for (int b = 0; b < 4; b++) {
          val[b][i] = Double.parseDouble(f[2 + b]);
          if (!(val[b][i] >= 0 && val[b][i] <= 1)) {
            throw new IOException(csv + ":" + line + ": validation accuracy " + f[2 + b] + " not in [0,1]");
          }
        }
        time[i] = Double.parseDouble(f[6]);
        if (!(time[i] > 0) || Double.isInfinite(time[i])) {
          throw new IOException(csv + ":" + line + ": training time " + f[6] + " is not a positive number");
        }
      } catch (NumberFormatException e) {
        throw new IOException(csv + ":" + line + ": not a number (" + e.getMessage() + ")");
      }
    }
    return new RealSample(ids, hashes, val, time);
  }

  /**
   * The fixed held-out rule: a row is held out iff the last 8 hex digits of its hash, read as an unsigned
   * number, are divisible by 5 (≈ 20 % of any set of module hashes, independent of the file's sort order).
   */
  public static boolean isHeldOut(String hash) {
    return Long.parseLong(hash.substring(24), 16) % 5 == 0;
  }

  /** Row indices of the held-out (true) or fitting (false) part. */
  public int[] rows(boolean heldOut) {
    return java.util.stream.IntStream.range(0, size()).filter(i -> isHeldOut(hashes[i]) == heldOut).toArray();
  }
}
