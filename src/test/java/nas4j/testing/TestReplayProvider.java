package nas4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import nas4j.bench.Oracle;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;

/**
 * Test-only strategy {@code test-replay}: issues, in order, the queries an external process logged (one JSON
 * request per line in {@code <log_dir>/<seed>.jsonl}, the seed being the one the {@code external} strategy sends:
 * the run generator's first {@code nextLong() >>> 11}), each by matrix + ops or by hash, then returns. A built-in
 * strategy issuing the same cells, to compare traces with.
 */
public final class TestReplayProvider implements StrategyProvider<TestReplayProvider.Params> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parameters: the folder of the logs. */
  public record Params(String logDir) {}

  @Override
  public String name() {
    return "test-replay";
  }

  @Override
  public String description() {
    return "test-only: replays the queries an external process logged";
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Params defaults() {
    return new Params("");
  }

  @Override
  public SearchStrategy create(Params p) {
    return (Oracle oracle, RandomGenerator rng) -> {
      long seed = rng.nextLong() >>> 11;
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(p.logDir()).resolve(seed + ".jsonl"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines) {
        JsonNode req;
        try {
          req = JSON.readTree(line);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        CellSpec spec;
        if (req.has("hash")) {
          spec = oracle.space().cell(oracle.space().idOf(ModuleHash.parse(req.get("hash").asText())));
        } else {
          int[][] m = JSON.convertValue(req.get("matrix"), int[][].class);
          List<String> ops = new ArrayList<>();
          req.get("ops").forEach(o -> ops.add(o.asText()));
          spec = CellSpec.of(m, ops);
        }
        oracle.query(spec, req.has("epochs") ? req.get("epochs").asInt() : oracle.epochs());
      }
    };
  }
}
