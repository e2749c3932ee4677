package nas4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.analysis.AnalysisCsv;
import nas4j.analysis.AnalysisOptions;
import nas4j.analysis.LandscapeAnalysis;
import nas4j.analysis.LandscapeReport;
import nas4j.analysis.LandscapeValues;
import nas4j.analysis.ReportFormat;
import nas4j.analysis.SampleCsv;
import nas4j.bench.Benchmark;
import nas4j.bench.surrogate.SurrogateBenchmark;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nas4j analyze}: landscape statistics of a benchmark (and of a real sample), as CSV files and a report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Landscape statistics of a benchmark: random-walk autocorrelation, locality by edit distance, "
        + "operation effects, depth/width effects, distribution; side by side with a real sample if given. "
        + "Writes CSV files into --out and prints a short report (or JSON with --json).")
final class AnalyzeCommand implements Callable<Integer> {
  /** The real sample used when present and --sample-csv is not given. */
  static final Path DEFAULT_SAMPLE = Paths.get("data/nb101/sample-20k.csv");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true)
  Source source;

  static final class Source {
    @Option(names = "--data", paramLabel = "FILE", description = "Official NAS-Bench-101 .tfrecord file.")
    Path data;

    @Option(names = "--benchmark", paramLabel = "NAME", description = "Named benchmark: surrogate (default).")
    String benchmark;
  }

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/analysis",
      description = "Folder for the CSV files (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "108", description = "Epoch budget (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of all random choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--walks", paramLabel = "N", defaultValue = "100", description = "Random walks (default: ${DEFAULT-VALUE}).")
  int walks;

  @Option(names = "--walk-length", paramLabel = "N", defaultValue = "1000",
      description = "Recorded steps per walk (default: ${DEFAULT-VALUE}).")
  int walkLength;

  @Option(names = "--burn-in", paramLabel = "N", defaultValue = "100",
      description = "Steps discarded at the start of each walk (default: ${DEFAULT-VALUE}).")
  int burnIn;

  @Option(names = "--max-lag", paramLabel = "N", defaultValue = "20", description = "Largest RWA lag (default: ${DEFAULT-VALUE}).")
  int maxLag;

  @Option(names = "--locality-stride", paramLabel = "N", defaultValue = "16",
      description = "Every n-th walk cell starts locality pairs (default: ${DEFAULT-VALUE}).")
  int localityStride;

  @Option(names = "--locality-steps", paramLabel = "N", defaultValue = "16",
      description = "Pair a start with the cells 1..n steps later (default: ${DEFAULT-VALUE}).")
  int localitySteps;

  @Option(names = "--max-distance", paramLabel = "N", defaultValue = "8",
      description = "Largest edit distance reported (default: ${DEFAULT-VALUE}).")
  int maxDistance;

  @Option(names = "--random-pairs", paramLabel = "N", defaultValue = "10000",
      description = "Random pairs of the locality baseline (default: ${DEFAULT-VALUE}).")
  int randomPairs;

  @Option(names = "--sample-csv", paramLabel = "FILE",
      description = "Real values in the layout of sample-20k.csv (default: " + "data/nb101/sample-20k.csv"
          + " when present).")
  Path sampleCsv;

  @Option(names = "--no-sample", description = "Do not compare with a real sample.")
  boolean noSample;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    AnalysisOptions options = new AnalysisOptions(epochs, seed, walks, walkLength, burnIn, maxLag, localityStride,
        localitySteps, maxDistance, randomPairs);
    Benchmark benchmark = resolveBenchmark();
    if (benchmark.cellCount() < nas4j.space.SpaceIndex.UNIQUE_CELLS) {
      spec.commandLine().getErr().printf(java.util.Locale.ROOT, "nas4j: warning: %s is a partial table (%,d of %,d"
          + " cells): walks and neighbour pairs need cells with data, so statistics of a sparse table come out empty"
          + " (NaN) or from few cells; analyze a complete file or the surrogate for the landscape%n",
          source != null && source.data != null ? source.data : benchmark.identity(), benchmark.cellCount(),
          nas4j.space.SpaceIndex.UNIQUE_CELLS);
    }
    LandscapeValues sample = null;
    Path samplePath = noSample ? null : sampleCsv != null ? sampleCsv
        : Files.isRegularFile(DEFAULT_SAMPLE) ? DEFAULT_SAMPLE : null;
    if (samplePath != null) {
      if (!Files.isRegularFile(samplePath)) {
        throw new java.nio.file.NoSuchFileException(samplePath.toString());
      }
      sample = SampleCsv.read(samplePath, benchmark.space(), epochs);
    }
    LandscapeReport report = LandscapeAnalysis.run(benchmark, sample, options);
    List<Path> files = AnalysisCsv.write(report, out);
    if (json) {
      Map<String, Object> m = ReportFormat.toMap(report);
      m.put("out", out.toString());
      m.put("csv_files", files.stream().map(Path::toString).toList());
      stdout.println(JsonOut.write(m));
    } else {
      stdout.print(ReportFormat.toText(report));
      stdout.println("CSV files in " + out + ": " + String.join(", ", AnalysisCsv.FILES));
    }
    stdout.flush();
    return 0;
  }

  private Benchmark resolveBenchmark() {
    return BenchmarkOption.resolve(source == null ? null : source.data, source == null ? null : source.benchmark,
        false);
  }
}
