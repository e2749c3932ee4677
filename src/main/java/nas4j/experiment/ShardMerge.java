package nas4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nas4j.util.AtomicFiles;

/**
 * {@code nas4j merge}: joins the shard folders of one experiment ({@code nas4j run FILE --shard I/N}) into the
 * outputs an unsharded run of the same config writes: runs.csv, trace.csv and summary.csv byte for byte, and
 * run.json equal except its clock fields (started, finished, wall_seconds span the shards). Refuses, naming the
 * folder, shards that are not complete, that come from another config, nas4j version or commit, or that were
 * cut into another number of shards; a shard given twice; and shards that are missing. Reads the shards' part
 * files one run at a time (and, for {@code trace: full}, their trace.csv files as parallel streams), so its memory
 * does not grow with the number of runs. Stateless.
 */
public final class ShardMerge {
  private ShardMerge() {}

  /** What a merge wrote. */
  public record Report(Path output, String name, int shards, int runs, String configHash, SummaryTable summary,
      Path report) {}

  /** One shard folder as read from its run.json. */
  private record Part(Path dir, ObjectNode json, int index, int count, String identity, PartStore store) {}

  /** Merges {@code shardDirs} into {@code out} with report.html; see {@link #merge(Path, List, boolean)}. */
  public static Report merge(Path out, List<Path> shardDirs) throws IOException {
    return merge(out, shardDirs, true);
  }

  /**
   * Merges {@code shardDirs} into {@code out} (holding its {@link OutputLock}), ending like an unsharded run
   * ({@link EndOfRun}: summary, statistics, and report.html if {@code report}); bad input throws
   * IllegalArgumentException naming the folder.
   */
  public static Report merge(Path out, List<Path> shardDirs, boolean report) throws IOException {
    if (shardDirs.isEmpty()) {
      throw new IllegalArgumentException("merge needs at least one shard folder");
    }
    List<Part> parts = new ArrayList<>();
    for (Path d : shardDirs) {
      parts.add(read(d));
    }
    Part ref = reference(parts);
    checkForeign(parts, ref);
    for (Part p : parts) {
      String status = p.json().path("status").asText("?");
      if (!"complete".equals(status)) {
        throw new IllegalArgumentException("shard " + p.dir() + " (" + p.index() + "/" + p.count() + ") is not "
            + "complete (status " + status + "); finish it with: nas4j run " + configFile(ref) + " --shard "
            + p.index() + "/" + p.count() + " --resume");
      }
    }
    int n = ref.count();
    Part[] byIndex = new Part[n + 1];
    for (Part p : parts) {
      Part other = byIndex[p.index()];
      if (other != null) {
        throw new IllegalArgumentException("shard " + p.index() + "/" + n + " is given twice: " + other.dir()
            + " and " + p.dir() + "; pass each shard once");
      }
      byIndex[p.index()] = p;
    }
    List<String> missing = new ArrayList<>();
    String hash = ref.json().path("config_hash").asText();
    for (int i = 1; i <= n; i++) {
      if (byIndex[i] == null) {
        missing.add(i + "/" + n + " (folder " + new Shard(i, n).folderName(hash) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " missing; run " + (missing.size() == 1 ? "it" : "them")
          + " with: nas4j run " + configFile(ref) + " --shard I/" + n + ", then merge all " + n + " shards");
    }

    List<RunKey> all = runsOf(ref);
    Map<RunKey, PartStore> owner = new java.util.HashMap<>();
    for (int i = 1; i <= n; i++) {
      Part p = byIndex[i];
      List<RunKey> mine = new Shard(i, n).select(all);
      int recorded = p.json().path("shard").path("runs").asInt(-1);
      if (recorded != mine.size()) {
        throw new IllegalArgumentException("shard " + p.dir() + " (" + i + "/" + n + ") records " + recorded
            + " runs but shard " + i + "/" + n + " of this config has " + mine.size());
      }
      for (int pos = i - 1; pos < all.size(); pos += n) {
        RunKey k = all.get(pos);
        PartStore.Check c = p.store().check(k, false);
        if (!c.complete()) {
          throw new IllegalArgumentException("shard " + p.dir() + " (" + i + "/" + n + ") lacks the part files of "
              + "run " + k + " (" + (c.damaged() == null ? "no manifest " + p.store().runFile(k).getParent()
              : c.damaged().file() + ": " + c.damaged().problem()) + "); re-run the shard with --shard " + i + "/" + n
              + " --resume");
        }
        owner.put(k, p.store());
      }
    }
    for (Part p : parts) {
      if (p.dir().toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("the output folder " + out + " is one of the shards; choose another");
      }
    }
    checkOutput(out, hash); // before the lock creates the folder: a user's own files are never written over
    try (OutputLock lock = OutputLock.acquire(out)) {
      checkOutput(out, hash); // again under the lock: another merge may have written it meanwhile
      // run.json as an unsharded run has it while its outputs are written ("running"), then as it finishes; a merge
      // that fails on the way says so in run.json
      ObjectNode done = mergedJson(ref, parts, all.size());
      writeRunJson(out, running(done));
      try {
        EndOfRun.Written end = writeOutputs(out, ref, all, owner, byIndex, report);
        writeRunJson(out, done);
        return new Report(out, ref.json().path("name").asText(), n, all.size(), hash, end.summary(), end.report());
      } catch (IOException | RuntimeException e) {
        ObjectNode failed = running(done);
        failed.put("status", "failed");
        failed.put("error", String.valueOf(e.getMessage()) + " (the merge failed: run nas4j merge again)");
        writeRunJson(out, failed);
        throw e;
      }
    }
  }

  private static EndOfRun.Written writeOutputs(Path out, Part ref, List<RunKey> all, Map<RunKey, PartStore> owner,
      Part[] byIndex, boolean report) throws IOException {
    PartStore.concat(out.resolve("runs.csv"), PartStore.RUNS_HEADER, all, k -> owner.get(k).runFile(k));
    String trace = ref.json().path("trace").asText();
    Path traceFile = out.resolve("trace.csv");
    if ("thinned".equals(trace)) {
      PartStore.concat(traceFile, RegretRecorder.TRACE_HEADER, all, k -> owner.get(k).stepsFile(k));
    } else if ("full".equals(trace)) {
      mergeFullTraces(traceFile, all, byIndex);
    } else {
      Files.deleteIfExists(traceFile);
    }
    return EndOfRun.write(out, all, k -> owner.get(k).steps(k), report);
  }

  private static void writeRunJson(Path out, ObjectNode json) throws IOException {
    AtomicFiles.write(out.resolve("run.json"), RunMetadata.JSON.writeValueAsString(json) + "\n");
  }

  /** A finished run.json as the runner writes it while the batch runs: status "running", no end or totals. */
  private static ObjectNode running(ObjectNode done) {
    ObjectNode m = done.deepCopy();
    m.put("status", "running");
    m.putNull("finished");
    m.remove(List.of("wall_seconds", "runs", "runs_executed", "runs_resumed", "runs_failed", "failed_runs"));
    return m;
  }

  private static Part read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder (expected a shard folder written by nas4j run "
          + "FILE --shard I/N)");
    }
    JsonNode j = RunMetadata.read(dir);
    if (j == null) {
      throw new IllegalArgumentException(dir + " is not a shard folder: it has no run.json");
    }
    if (!(j instanceof ObjectNode) || !RunMetadata.FORMAT.equals(j.path("format").asText())) {
      throw new IllegalArgumentException(dir.resolve("run.json") + " is not a nas4j run.json (format "
          + j.path("format").asText("missing") + ", expected " + RunMetadata.FORMAT + ")");
    }
    JsonNode s = j.path("shard");
    if (s.isMissingNode()) {
      throw new IllegalArgumentException(dir + " holds an unsharded run (its run.json has no \"shard\"), not a "
          + "shard; merge takes the folders written by nas4j run FILE --shard I/N");
    }
    int index = s.path("index").asInt(-1);
    int count = s.path("count").asInt(-1);
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(dir.resolve("run.json") + ": \"shard\" must have 1 ≤ index ≤ count; got "
          + s);
    }
    String identity = "config hash " + j.path("config_hash").asText("?") + ", nas4j " + j.path("nas4j_version")
        .asText("?") + " (commit " + j.path("git_commit").asText("unknown") + "), " + count + " shards, trace "
        + j.path("trace").asText("?") + ", measure_cpu " + j.path("measure_cpu").asText("?");
    return new Part(dir, (ObjectNode) j, index, count, identity, new PartStore(dir));
  }

  /** The identity most shards share (the first shard's on a tie). */
  private static Part reference(List<Part> parts) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (Part p : parts) {
      votes.merge(p.identity(), 1, Integer::sum);
    }
    String best = null;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (best == null || e.getValue() > votes.get(best)) {
        best = e.getKey();
      }
    }
    for (Part p : parts) {
      if (p.identity().equals(best)) {
        return p;
      }
    }
    throw new IllegalStateException("no shard");
  }

  private static void checkForeign(List<Part> parts, Part ref) {
    List<String> foreign = new ArrayList<>();
    for (Part p : parts) {
      if (!p.identity().equals(ref.identity())) {
        foreign.add(p.dir() + " (" + p.identity() + ")");
      }
    }
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException((foreign.size() == 1 ? "foreign shard " : "foreign shards ")
          + String.join("; ", foreign) + ": the other shards are " + ref.identity() + " (e.g. " + ref.dir()
          + "); shards of different configs, nas4j versions or shard counts cannot be merged");
    }
  }

  private static String configFile(Part ref) {
    String f = ref.json().path("config_file").asText("");
    return f.isEmpty() ? "FILE.yaml" : f;
  }

  /** Every run of the config recorded in run.json, in run order (strategies as configured, seeds as listed). */
  private static List<RunKey> runsOf(Part ref) {
    List<String> labels = labelsOf(ref);
    JsonNode seeds = ref.json().path("config").path("seeds");
    if (!seeds.isArray()) {
      throw new IllegalArgumentException(ref.dir().resolve("run.json") + ": config.seeds is not a list");
    }
    List<RunKey> all = new ArrayList<>();
    for (int si = 0; si < labels.size(); si++) {
      for (JsonNode s : seeds) {
        all.add(new RunKey(si, labels.get(si), s.asLong()));
      }
    }
    return all;
  }

  private static List<String> labelsOf(Part ref) {
    List<String> labels = new ArrayList<>();
    for (JsonNode s : ref.json().path("config").path("strategies")) {
      labels.add(s.path("label").asText());
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException(ref.dir().resolve("run.json") + ": config.strategies is empty");
    }
    return labels;
  }

  private static void checkOutput(Path out, String hash) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    ExperimentRunner.refuseForeignFolder(out);
    JsonNode prev = RunMetadata.read(out);
    if (prev != null && !hash.equals(prev.path("config_hash").asText())) {
      throw new IllegalArgumentException(out + " holds results of a different experiment (config hash "
          + prev.path("config_hash").asText("?") + "); choose another output folder or delete it");
    }
    if (prev != null && !prev.path("shard").isMissingNode()) {
      throw new IllegalArgumentException(out + " is a shard folder; merge into another folder");
    }
  }

  /** trace: full: the shards' trace.csv files read side by side, taking each run's rows from its shard. */
  private static void mergeFullTraces(Path target, List<RunKey> all, Part[] byIndex) throws IOException {
    int n = byIndex.length - 1;
    BufferedReader[] in = new BufferedReader[n + 1];
    String[] next = new String[n + 1];
    try {
      for (int i = 1; i <= n; i++) {
        Path f = byIndex[i].dir().resolve("trace.csv");
        if (!Files.isRegularFile(f)) {
          throw new IllegalArgumentException("shard " + byIndex[i].dir() + " has no trace.csv (trace: full)");
        }
        in[i] = Files.newBufferedReader(f, StandardCharsets.US_ASCII);
        String header = in[i].readLine();
        if (!RegretRecorder.TRACE_HEADER.equals(header)) {
          throw new IllegalArgumentException(f + ": line 1 is not the trace.csv header");
        }
        next[i] = in[i].readLine();
      }
      AtomicFiles.write(target, o -> {
        o.write((RegretRecorder.TRACE_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int pos = 0; pos < all.size(); pos++) {
          int i = Shard.of(pos, n);
          String prefix = all.get(pos).label() + "," + all.get(pos).seed() + ",";
          while (next[i] != null && next[i].startsWith(prefix)) {
            write(o, next[i]);
            next[i] = in[i].readLine();
          }
        }
      });
      for (int i = 1; i <= n; i++) {
        if (next[i] != null) {
          throw new IllegalArgumentException(byIndex[i].dir().resolve("trace.csv") + ": row '" + next[i]
              + "' does not belong to a run of shard " + i + "/" + n + " in run order");
        }
      }
    } finally {
      for (BufferedReader r : in) {
        if (r != null) {
          r.close();
        }
      }
    }
  }

  private static void write(OutputStream o, String line) throws IOException {
    o.write(line.getBytes(StandardCharsets.US_ASCII));
    o.write('\n');
  }

  /** run.json as the unsharded run writes it: the reference shard's, without "shard", with the batch's totals. */
  private static ObjectNode mergedJson(Part ref, List<Part> parts, int runs) {
    ObjectNode m = ref.json().deepCopy();
    m.remove("shard");
    Instant started = null;
    Instant finished = null;
    long executed = 0;
    long resumed = 0;
    for (Part p : parts) {
      Instant s = instant(p, "started");
      Instant f = instant(p, "finished");
      started = started == null || s.isBefore(started) ? s : started;
      finished = finished == null || f.isAfter(finished) ? f : finished;
      executed += p.json().path("runs_executed").asLong();
      resumed += p.json().path("runs_resumed").asLong();
    }
    m.put("started", Objects.requireNonNull(started).toString());
    m.put("finished", Objects.requireNonNull(finished).toString());
    m.put("wall_seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
    m.put("runs", runs);
    m.put("runs_executed", (int) executed);
    m.put("runs_resumed", (int) resumed);
    return m;
  }

  private static Instant instant(Part p, String field) {
    try {
      return Instant.parse(p.json().path(field).asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(p.dir().resolve("run.json") + ": \"" + field + "\" is not a time ("
          + p.json().path(field).asText() + ")");
    }
  }

  /** For messages. */
  public static String describe(Report r) {
    return String.format(Locale.ROOT, "%s: merged %d shards (%d runs, config %s) into %s", r.name(), r.shards(),
        r.runs(), r.configHash().substring(0, Math.min(12, r.configHash().length())), r.output());
  }
}
