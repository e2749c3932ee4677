package nas4j.bench.surrogate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nas4j.bench.Benchmark;
import nas4j.space.SpaceIndex;

/**
 * Fits the surrogate: reads {@code nb101/sample-20k.csv} and {@code nb101/complete-records.json}, holds out 20 %
 * of the sample (fixed rule {@link RealSample#isHeldOut}), fits one gradient-boosted-tree model per target on
 * the rest (validation accuracy at 4/12/36/108 epochs, log training time at 108), predicts all 423,624 cells,
 * estimates the {@link NoiseModel}, and writes the resource and a fit report. Same inputs ⇒ same bytes
 * (single-threaded, seeded learner). Immutable settings.
 *
 * @param learners one learner per target: validation at 4, 12, 36, 108 epochs, then log time at 108
 * @param labelFloors training labels below the floor are raised to it (robustness to broken runs); time: unused
 */
public record SurrogateFitter(List<Learner> learners, double[] labelFloors) {

  /** The file names written into the output folder. */
  public static final String RESOURCE_FILE = "nb101-surrogate-v1.bin";
  public static final String REPORT_FILE = "fit-report.md";

  /** The settings the committed resource was made with (chosen on the held-out numbers; see the README). */
  public static SurrogateFitter defaults() {
    return new SurrogateFitter(List.of(
        new Learner(1000, 0.05, 63, "reg:squarederror", 0.01, 0.8, 0.8),
        new Learner(1000, 0.05, 63, "reg:squarederror", 0.01, 0.8, 0.8),
        new Learner(1000, 0.05, 63, "reg:pseudohubererror", 0.02, 0.8, 0.8),
        new Learner(1000, 0.05, 63, "reg:squarederror", 0.01, 0.8, 0.8),
        new Learner(1000, 0.05, 63, "reg:squarederror", 0.01, 0.8, 0.8)),
        new double[] {0, 0, 0, NoiseModel.BROKEN_THRESHOLD, 0});
  }

  /** What a fit produced. */
  public record Result(Path resource, Path report, String resourceSha256, long resourceBytes,
      FidelityReport fidelity) {}

  /** Runs the fit; {@code log} receives progress lines. */
  public Result fit(Path dataDir, Path outDir, Consumer<String> log) throws IOException {
    Path csv = dataDir.resolve("nb101/sample-20k.csv");
    Path json = dataDir.resolve("nb101/complete-records.json");
    for (Path p : new Path[] {csv, json}) {
      if (!Files.isRegularFile(p)) {
        throw new IOException(p + ": not found (give the shared data folder with --data DIR)");
      }
    }
    SpaceIndex space = SpaceIndex.shared();
    RealSample sample = RealSample.read(csv, space);
    int[] fitRows = sample.rows(false);
    log.accept("sample: " + sample.size() + " cells, fitting on " + fitRows.length + ", holding out "
        + (sample.size() - fitRows.length));
    int f = CellFeatures.COUNT;
    float[] x = new float[fitRows.length * f];
    for (int i = 0; i < fitRows.length; i++) {
      CellFeatures.write(space, sample.ids()[fitRows[i]], x, i * f);
    }
    int n = space.size();
    float[] all = new float[n * f];
    for (int id = 0; id < n; id++) {
      CellFeatures.write(space, id, all, id * f);
    }
    double[][] validation = new double[4][];
    double[] time = new double[n];
    for (int t = 0; t < 5; t++) {
      float[] y = new float[fitRows.length];
      for (int i = 0; i < fitRows.length; i++) {
        double v = t < 4 ? sample.validation()[t][fitRows[i]] : StrictMath.log(sample.time108()[fitRows[i]]);
        y[i] = (float) Math.max(v, labelFloors[t]);
      }
      long t0 = System.nanoTime();
      float[] p = learners.get(t).fitPredict(x, fitRows.length, y, all, n);
      log.accept(String.format(java.util.Locale.ROOT, "fitted target %d/5 (%s) in %.1f s", t + 1, target(t),
          (System.nanoTime() - t0) / 1e9));
      if (t < 4) {
        validation[t] = new double[n];
        for (int id = 0; id < n; id++) {
          validation[t][id] = p[id];
        }
      } else {
        for (int id = 0; id < n; id++) {
          time[id] = StrictMath.exp(p[id]);
        }
      }
    }
    double[] fitVal108 = new double[fitRows.length];
    for (int i = 0; i < fitRows.length; i++) {
      fitVal108[i] = sample.validation()[3][fitRows[i]];
    }
    int below = 0;
    for (int id = 0; id < n; id++) {
      if (validation[3][id] < NoiseModel.BROKEN_THRESHOLD) {
        below++;
      }
    }
    NoiseModel noise = NoiseModel.estimate(json, fitVal108, below / (double) n);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("identity", SurrogateBenchmark.IDENTITY);
    props.put("input.sample_20k_sha256", sha256(Files.readAllBytes(csv)));
    props.put("input.complete_records_sha256", sha256(Files.readAllBytes(json)));
    props.put("split.held_out_rule", "Long.parseLong(hash.substring(24), 16) % 5 == 0");
    props.put("split.fit_cells", Integer.toString(fitRows.length));
    props.put("split.held_out_cells", Integer.toString(sample.size() - fitRows.length));
    props.put("features", String.join(",", CellFeatures.names()));
    for (int t = 0; t < 5; t++) {
      props.put("learner." + target(t), learners.get(t) + " label_floor=" + labelFloors[t]);
    }
    SurrogateResource res = SurrogateResource.of(props, validation, time, noise);
    byte[] bytes = res.toBytes(SurrogateResource.fingerprint(space));
    Files.createDirectories(outDir);
    Path resource = outDir.resolve(RESOURCE_FILE);
    writeAtomically(resource, bytes);
    // fidelity of what was written (re-read, exactly as load() will see it)
    SurrogateResource back;
    try (InputStream in = Files.newInputStream(resource)) {
      back = SurrogateResource.read(new java.io.BufferedInputStream(in), resource.toString(), space);
    }
    Benchmark bench = SurrogateBenchmark.build(space, back);
    FidelityReport fidelity = FidelityReport.of(bench, back, sample);
    String sha = sha256(bytes);
    StringBuilder md = new StringBuilder();
    md.append("# Surrogate fit report (").append(SurrogateBenchmark.IDENTITY).append(")\n\n");
    md.append("Written by `nas4j surrogate fit`; reproducible (same inputs, same bytes).\n\n");
    md.append("- resource: `").append(RESOURCE_FILE).append("`, ").append(bytes.length).append(" bytes, sha256 `")
        .append(sha).append("`\n");
    props.forEach((k, v) -> {
      if (!k.equals("features")) {
        md.append("- ").append(k).append(": `").append(v).append("`\n");
      }
    });
    md.append("- features (").append(CellFeatures.COUNT).append("): ").append(String.join(", ", CellFeatures.names()))
        .append("\n\n## Fidelity on the held-out cells\n\n").append(fidelity.toText());
    md.append("\n## Noise model (estimated from complete-records.json; broken runs from the fitting sample)\n\n");
    md.append("Arrays are per budget 4, 12, 36, 108 epochs.\n\n");
    noise.toProperties().forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
    Path report = outDir.resolve(REPORT_FILE);
    writeAtomically(report, md.toString().getBytes(StandardCharsets.UTF_8));
    return new Result(resource, report, sha, bytes.length, fidelity);
  }

  static String target(int t) {
    return t < 4 ? "validation_accuracy_" + RealSample.BUDGETS[t] : "log_training_time_108";
  }

  static String sha256(byte[] b) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
      StringBuilder sb = new StringBuilder();
      for (byte x : d) {
        sb.append(String.format("%02x", x));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createFile(target.toAbsolutePath().getParent().resolve("." + target.getFileName().toString() + "." + Long.toUnsignedString(
        java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp")); // umask permissions, not 0600
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
