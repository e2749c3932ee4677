package nas4j.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nas4j.bench.Benchmark;
import nas4j.bench.TableBenchmark;
import nas4j.bench.io.DatasetWriter;
import nas4j.bench.io.Datasets;
import nas4j.bench.io.LoadOptions;
import nas4j.bench.io.LoadedDataset;
import nas4j.bench.io.SyntheticBenchmarks;
import nas4j.bench.io.Variant;
import nas4j.space.SpaceIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nas4j bench}: measurements of the data layer. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures loading speed and memory.",
    subcommands = {BenchCommand.Load.class, BenchCommand.Generate.class})
final class BenchCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code nas4j bench load FILE}. */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = {"Times decoding FILE (no cache), then writing and loading its cache; prints records/s, "
          + "seconds and the heap held by the loaded table."})
  static final class Load implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .tfrecord file or nas4j cache to time.")
    Path file;

    @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: all cores).")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Timed runs of each step.")
    int repeat;

    @Option(names = "--no-crc", description = "Skip the CRC checks.")
    boolean noCrc;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      SpaceIndex space = SpaceIndex.shared();
      LoadOptions o = LoadOptions.noCache().withCheckCrc(!noCrc);
      if (threads != null) {
        o = o.withThreads(threads);
      }
      long base = heapAfterGc();
      double decode = Double.MAX_VALUE;
      double cpu = Double.MAX_VALUE;
      long heap = 0;
      long records = 0;
      int cells = 0;
      int[] budgets = null;
      long tableBytes = 0;
      for (int i = 0; i < Math.max(1, repeat); i++) {
        Decoded d = decodeOnce(o, space, base);
        cpu = Math.min(cpu, d.cpu());
        decode = Math.min(decode, d.seconds());
        heap = d.heap();
        records = d.records();
        cells = d.cells();
        budgets = d.budgets();
        tableBytes = d.tableBytes();
        heapAfterGc(); // the table just measured is garbage: collect it before the next step allocates another
      }
      Path dir = Files.createTempDirectory("nas4j-bench");
      Path cache = dir.resolve(file.getFileName() + ".nas4j-cache");
      double cacheSeconds = Double.MAX_VALUE;
      double cacheCpu = Double.MAX_VALUE;
      try {
        Datasets.convert(file, cache, o);
        for (int i = 0; i < Math.max(1, repeat); i++) {
          heapAfterGc();
          double[] t = cacheLoadOnce(cache, space);
          cacheSeconds = Math.min(cacheSeconds, t[0]);
          cacheCpu = Math.min(cacheCpu, t[1]);
        }
      } finally {
        Files.deleteIfExists(cache);
        Files.deleteIfExists(dir);
      }
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("records", records);
        m.put("cells", cells);
        m.put("budgets", budgets);
        m.put("threads", o.threads());
        m.put("crc", !noCrc);
        m.put("decode_seconds", decode);
        m.put("records_per_second", records / decode);
        m.put("decode_cpu_seconds", cpu);
        m.put("cache_load_seconds", cacheSeconds);
        m.put("cache_load_cpu_seconds", cacheCpu);
        m.put("table_bytes", tableBytes);
        m.put("heap_bytes", heap);
        out.println(JsonOut.write(m));
      } else {
        out.printf(Locale.ROOT, "decode  %s: %,d records, %,d cells, budgets %s%n", file.getFileName(), records,
            cells, java.util.Arrays.toString(budgets));
        out.printf(Locale.ROOT, "        %.3f s (%,.0f records/s), %.3f s CPU, %d threads, CRC %s, SHA-256 on%n",
            decode, records / decode, cpu, o.threads(), noCrc ? "off" : "on");
        out.printf(Locale.ROOT, "cache   load %.3f s (%.3f s CPU)%n", cacheSeconds, cacheCpu);
        out.printf(Locale.ROOT, "memory  table values %.1f MB; heap held after loading %.1f MB%n",
            tableBytes / 1e6, heap / 1e6);
      }
      out.flush();
      return 0;
    }

    /** What one decode measured; the table itself is dropped when {@link #decodeOnce} returns. */
    private record Decoded(double seconds, double cpu, long heap, long records, int cells, int[] budgets,
        long tableBytes) {}

    /**
     * Decodes once and measures; the loaded table is referenced only in this frame, so at most one table is
     * alive at a time and the process's peak memory is one table's, not one per step.
     */
    private Decoded decodeOnce(LoadOptions o, SpaceIndex space, long base) {
      long c0 = processCpuNanos();
      LoadedDataset d = Datasets.load(file, o, space);
      double cpu = (processCpuNanos() - c0) / 1e9;
      Benchmark b = d.benchmark();
      return new Decoded(d.report().seconds(), cpu, heapAfterGc() - base, d.report().records(), b.cellCount(),
          b.epochBudgets(), b.table().bytes());
    }

    /** Loads the cache once: {wall seconds, CPU seconds}. */
    private static double[] cacheLoadOnce(Path cache, SpaceIndex space) {
      long c0 = processCpuNanos();
      LoadedDataset c = Datasets.load(cache, LoadOptions.defaults(), space);
      double cpu = (processCpuNanos() - c0) / 1e9;
      if (!c.report().fromCache()) {
        throw new IllegalStateException("cache was not used");
      }
      return new double[] {c.report().seconds(), cpu};
    }

    /** CPU time of the whole process (all threads, GC included), or 0 where unsupported. */
    private static long processCpuNanos() {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean) {
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
      }
      return 0;
    }

    private static long heapAfterGc() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }

  /** {@code nas4j bench generate}: full-size synthetic files for measurements. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {"Writes a synthetic (pseudo-random, NOT NAS-Bench-101) file in the official layout for "
          + "speed and memory measurements: every cell of the space (or every STRIDE-th)."})
  static final class Generate implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--variant", required = true, paramLabel = "only108|full", converter = VariantConverter.class,
        description = "Layout: only108 (3 records per cell, 108 epochs) or full (12 per cell: 4, 12, 36 and 108"
            + " epochs × 3 repeats), as the two official files.")
    Variant variant;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "Where to write the synthetic file (in the official layout).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
        description = "Seed of the synthetic values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stride", defaultValue = "1", paramLabel = "K", description = "Keep every K-th cell (K > 1 writes a partial file, which experiments refuse).")
    int stride;

    @Override
    public Integer call() throws Exception {
      long t0 = System.nanoTime();
      TableBenchmark b = SyntheticBenchmarks.create(SpaceIndex.shared(), variant.budgets(), seed, stride);
      DatasetWriter.write(b, variant, out);
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %,d cells × %d records, %,d bytes in %.1f s%n",
          out, b.cellCount(), variant.recordsPerCell(), Files.size(out), (System.nanoTime() - t0) / 1e9);
      return 0;
    }
  }

  static final class VariantConverter implements picocli.CommandLine.ITypeConverter<Variant> {
    @Override
    public Variant convert(String value) {
      return Variant.parse(value);
    }
  }
}
