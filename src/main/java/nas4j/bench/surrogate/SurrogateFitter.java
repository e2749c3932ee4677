package nas4j.bench.surrogate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  public static final String RESOURCE_FILE = "nb101-surrogate-v2.bin";
  /** Weight of the neighbours' mean in the one smoothing step of the 108-epoch prediction. */
  static final double SMOOTHING = 0.3;
  /** Smoothing steps. */
  static final int SMOOTHING_STEPS = 1;
  /** Seed of the simulated repeats of the marginal deconvolution. */
  static final long MAP_SEED = 20241101L;
  private static final long TEST_SALT = 0x7465737447617073L; // "testGaps"
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
    return fit(dataDir, outDir, null, log);
  }

  /**
   * Runs the fit; {@code log} receives progress lines. With a {@code treeCache} file the trees' predictions are
   * read from it if it exists (and written to it otherwise), so the landscape step can be refitted in a minute.
   */
  public Result fit(Path dataDir, Path outDir, Path treeCache, Consumer<String> log) throws IOException {
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
    int n = space.size();
    double[][] validation = new double[4][];
    double[] time = new double[n];
    if (treeCache != null && Files.isRegularFile(treeCache)) {
      log.accept("tree predictions read from " + treeCache);
      readTrees(treeCache, validation, time);
    } else {
      predictWithTrees(space, sample, fitRows, validation, time, log);
      if (treeCache != null) {
        writeTrees(treeCache, validation, time);
      }
    }
    Map<?, ?> records = NoiseEstimator.readRecords(json);
    NoiseModel noise = NoiseEstimator.estimate(records, json);
    java.util.List<double[][]> runs108 = NoiseEstimator.runs108(records, json);
    LevelNoise level = NoiseEstimator.levelNoise(runs108, json);
    double[] gap = NoiseEstimator.testGap(runs108);
    // the landscape: smooth the 108-epoch prediction over the one-edit graph, then give the cells the real
    // distribution of means (order kept), topped at the published best mean
    long t0 = System.nanoTime();
    EditGraph graph = EditGraph.of(space);
    log.accept(String.format(java.util.Locale.ROOT, "one-edit graph of %d cells in %.1f s", n,
        (System.nanoTime() - t0) / 1e9));
    double[] score = validation[3];
    for (int step = 0; step < SMOOTHING_STEPS; step++) {
      score = graph.smooth(score, SMOOTHING);
    }
    double[] fitVal108 = new double[fitRows.length];
    for (int i = 0; i < fitRows.length; i++) {
      fitVal108[i] = sample.validation()[3][fitRows[i]];
    }
    validation[3] = MarginalMap.means(score, fitVal108, level, nas4j.bench.Optimum.PUBLISHED_BEST_VALIDATION,
        MAP_SEED);
    double[] test = testMeans(space, validation[3], gap, log);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("identity", SurrogateBenchmark.RESOURCE_IDENTITY);
    props.put("input.sample_20k_sha256", nas4j.util.Sha256.ofFile(csv));
    props.put("input.complete_records_sha256", nas4j.util.Sha256.ofFile(json));
    props.put("split.held_out_rule", "Long.parseLong(hash.substring(24), 16) % 5 == 0");
    props.put("split.fit_cells", Integer.toString(fitRows.length));
    props.put("split.held_out_cells", Integer.toString(sample.size() - fitRows.length));
    props.put("features", String.join(",", CellFeatures.names()));
    props.put("landscape.smoothing", SMOOTHING + " (one step over the one-edit graph, 108 epochs)");
    props.put("landscape.marginal", "fitting cells' single repeats, deconvolved (" + MarginalMap.ROUNDS
        + " rounds), top " + MarginalMap.TAIL_POINTS + " values replaced by a tail to "
        + nas4j.bench.Optimum.PUBLISHED_BEST_VALIDATION);
    props.put("landscape.test_gap", "mean gap " + gap[0] + ", cell spread " + gap[1]
        + "; widening above the median set so the best mean test is " + nas4j.bench.Optimum.PUBLISHED_BEST_TEST);
    for (int t = 0; t < 5; t++) {
      props.put("learner." + target(t), learners.get(t) + " label_floor=" + labelFloors[t]);
    }
    SurrogateResource res = SurrogateResource.of(props, validation, test, time, noise, level);
    byte[] bytes = res.toBytes(SurrogateResource.fingerprint(space));
    Files.createDirectories(outDir);
    Path resource = outDir.resolve(RESOURCE_FILE);
    nas4j.util.AtomicFiles.write(resource, bytes);
    // fidelity of what was written (re-read, exactly as load() will see it)
    SurrogateResource back;
    try (InputStream in = Files.newInputStream(resource)) {
      back = SurrogateResource.read(new java.io.BufferedInputStream(in), resource.toString(), space);
    }
    Benchmark bench = SurrogateBenchmark.build(space, back);
    FidelityReport fidelity = FidelityReport.of(bench, back, sample);
    String sha = nas4j.util.Sha256.hex(bytes);
    StringBuilder md = new StringBuilder();
    md.append("# Surrogate fit report (").append(SurrogateBenchmark.RESOURCE_IDENTITY).append(")\n\n");
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
    level.toProperties().forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
    md.append("\n## Landscape, real vs surrogate\n\n").append(LandscapeFidelity.measure(bench, csv, json).toText());
    Path report = outDir.resolve(REPORT_FILE);
    nas4j.util.AtomicFiles.write(report, md.toString().getBytes(StandardCharsets.UTF_8));
    return new Result(resource, report, sha, bytes.length, fidelity);
  }

  /**
   * Mean test accuracy per cell: {@code μ + gap + widen·max(0, μ − median) + s·e}, with {@code gap} the complete
   * records' mean (test − validation), {@code s} their cell-level spread of that gap beyond the repeats' own
   * noise, {@code e} standard normal from the cell's hash, and {@code widen} the one value for which the best mean
   * test accuracy over all cells is the published one (bisection). The gap widens with the level above the median
   * as the best records show (their gaps are 0.001–0.002 more negative than the middle ones'): a cell's mean
   * validation accuracy carries luck of its own on the one fixed validation split, and the best cells by validation
   * are selected partly for it.
   */
  static double[] testMeans(SpaceIndex space, double[] mu, double[] gap, Consumer<String> log) {
    int n = mu.length;
    double[] e = new double[n];
    for (int id = 0; id < n; id++) {
      e[id] = gap[1] == 0 ? 0
          : new java.util.SplittableRandom(RunSampler.seed(space.hash(id)) ^ TEST_SALT).nextGaussian();
    }
    double[] sorted = mu.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted[n / 2];
    double lo = -1;
    double hi = 1;
    for (int it = 0; it < 80; it++) {
      double widen = (lo + hi) / 2;
      if (bestTest(mu, e, gap, median, widen) > nas4j.bench.Optimum.PUBLISHED_BEST_TEST) {
        hi = widen;
      } else {
        lo = widen;
      }
    }
    double widen = (lo + hi) / 2;
    log.accept(String.format(java.util.Locale.ROOT, "test model: mean gap %.5f, cell spread %.5f, widening %.5f "
        + "per point above the median %.5f", gap[0], gap[1], widen, median));
    double[] t = new double[n];
    for (int id = 0; id < n; id++) {
      t[id] = Math.min(1, Math.max(0, testMean(mu[id], e[id], gap, median, widen)));
    }
    return t;
  }

  private static double testMean(double mu, double e, double[] gap, double median, double widen) {
    return mu + gap[0] + widen * Math.max(0, mu - median) + gap[1] * e;
  }

  private static double bestTest(double[] mu, double[] e, double[] gap, double median, double widen) {
    double best = Double.NEGATIVE_INFINITY;
    for (int id = 0; id < mu.length; id++) {
      best = Math.max(best, testMean(mu[id], e[id], gap, median, widen));
    }
    return best;
  }

  private void predictWithTrees(SpaceIndex space, RealSample sample, int[] fitRows, double[][] validation,
      double[] time, Consumer<String> log) {
    int n = space.size();
    int f = CellFeatures.COUNT;
    float[] x = new float[fitRows.length * f];
    for (int i = 0; i < fitRows.length; i++) {
      CellFeatures.write(space, sample.ids()[fitRows[i]], x, i * f);
    }
    float[] all = new float[n * f];
    for (int id = 0; id < n; id++) {
      CellFeatures.write(space, id, all, id * f);
    }
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
  }

  private static void writeTrees(Path file, double[][] validation, double[] time) throws IOException {
    try (java.io.DataOutputStream d = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
        Files.newOutputStream(file)))) {
      d.writeInt(time.length);
      for (double[] col : validation) {
        for (double v : col) {
          d.writeDouble(v);
        }
      }
      for (double v : time) {
        d.writeDouble(v);
      }
    }
  }

  private static void readTrees(Path file, double[][] validation, double[] time) throws IOException {
    try (java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(
        Files.newInputStream(file)))) {
      if (d.readInt() != time.length) {
        throw new IOException(file + ": tree cache for another space size");
      }
      for (int b = 0; b < 4; b++) {
        validation[b] = new double[time.length];
        for (int i = 0; i < time.length; i++) {
          validation[b][i] = d.readDouble();
        }
      }
      for (int i = 0; i < time.length; i++) {
        time[i] = d.readDouble();
      }
    }
  }

  static String target(int t) {
    return t < 4 ? "validation_accuracy_" + RealSample.BUDGETS[t] : "log_training_time_108";
  }
}
