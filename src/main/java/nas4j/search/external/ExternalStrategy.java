package nas4j.search.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.UnknownBudgetException;
import nas4j.search.StrategyApi;
import nas4j.search.StrategyFailedException;
import nas4j.space.CellException;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.Op;

/**
 * Runs one external process per run and answers its ask–tell requests through the run's oracle
 * ({@code docs/ask-tell.md}). The process gets a seed drawn from the run's generator, so the run is reproducible if
 * the program is. A process that cannot be started, exits with an error, stays silent longer than the timeout,
 * writes a line that is not a JSON request, or asks for a malformed cell makes the run fail with a
 * {@link StrategyFailedException} saying which; the process is then killed.
 */
final class ExternalStrategy implements nas4j.search.SearchStrategy {
  /** Protocol name sent in the hello message. */
  static final String PROTOCOL = "nas4j-ask-tell";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final List<String> OPS = List.of("query", "check", "budget", "stop");

  private final ExternalParameters params;
  private final List<String> argv;

  ExternalStrategy(ExternalParameters params) {
    this.params = params;
    this.argv = CommandLine.split(params.command());
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    long seed = rng.nextLong() >>> 11; // 53 bits: exact in every JSON reader, doubles included
    try (ExternalProcess p = new ExternalProcess(argv, params.command())) {
      new Session(oracle, p).run(seed);
    }
  }

  /** The conversation of one run. */
  private final class Session {
    private final Oracle oracle;
    private final ExternalProcess p;
    private long requests;

    Session(Oracle oracle, ExternalProcess p) {
      this.oracle = oracle;
      this.p = p;
    }

    void run(long seed) {
      send(hello(seed));
      while (true) {
        String line = p.next(params.timeoutSeconds(), requests == 0 ? "its first request" : "request "
            + (requests + 1));
        if (line == null) {
          ended();
          return;
        }
        requests++;
        if (line.isBlank()) {
          requests--;
          continue;
        }
        JsonNode req = parse(line);
        JsonNode id = req.get("id");
        String op = req.path("op").asText("");
        switch (op) {
          case "query":
            CellSpec spec = cell(req, line);
            int epochs = epochs(req, line);
            Observation o;
            try {
              o = oracle.query(spec, epochs);
            } catch (BudgetExhaustedException e) {
              ObjectNode r = reply(id, false);
              r.put("error", "budget_exhausted");
              r.put("message", "the budget is spent; the run is over");
              r.set("budget", budget());
              send(r);
              p.finish(params.timeoutSeconds());
              throw e;
            } catch (UnknownBudgetException e) {
              throw bad(line, e.getMessage());
            }
            send(observation(id, o));
            break;
          case "check":
            CellSpec c = cell(req, line);
            ObjectNode r = reply(id, true);
            ModuleHash h = oracle.hashOf(c);
            r.put("valid", h != null);
            r.put("hash", h == null ? null : h.toString());
            send(r);
            break;
          case "budget":
            ObjectNode b = reply(id, true);
            b.set("budget", budget());
            send(b);
            break;
          case "stop":
            send(reply(id, true));
            p.finish(params.timeoutSeconds());
            return;
          default:
            throw bad(line, req.has("op") ? "unknown op '" + req.get("op").asText() + "'; known: "
                + String.join(", ", OPS) : "a request needs \"op\": one of " + String.join(", ", OPS));
        }
      }
    }

    private ObjectNode hello(long seed) {
      ObjectNode m = JSON.createObjectNode();
      m.put("type", "start");
      m.put("protocol", PROTOCOL);
      m.put("version", StrategyApi.VERSION);
      m.put("seed", seed);
      ObjectNode space = m.putObject("space");
      space.put("name", "nasbench101");
      space.put("max_vertices", CellSpec.MAX_VERTICES);
      space.put("max_edges", CellSpec.MAX_EDGES);
      space.put("input", Op.INPUT.officialName());
      space.put("output", Op.OUTPUT.officialName());
      ArrayNode ops = space.putArray("ops");
      Op.INTERIOR.forEach(op -> ops.add(op.officialName()));
      space.put("cells", oracle.space().size());
      space.put("validity", oracle.config().validity().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      m.put("epochs", oracle.epochs());
      ArrayNode budgets = m.putArray("epoch_budgets");
      for (int e : oracle.epochBudgets()) {
        budgets.add(e);
      }
      m.put("duplicates", oracle.config().duplicates().name().toLowerCase(Locale.ROOT));
      m.put("repeat", oracle.config().repeatPolicy().toString());
      m.set("budget", budget());
      return m;
    }

    private ObjectNode budget() {
      ObjectNode b = JSON.createObjectNode();
      b.put("kind", oracle.config().budget().kind().name().toLowerCase(Locale.ROOT));
      if (oracle.config().budget().kind() == Budget.Kind.SECONDS) {
        b.put("limit", oracle.config().budget().limit());
        b.put("used", oracle.used());
        b.put("remaining", oracle.remaining());
      } else { // counts of queries or epochs: whole numbers
        b.put("limit", (long) oracle.config().budget().limit());
        b.put("used", (long) oracle.used());
        b.put("remaining", (long) oracle.remaining());
      }
      b.put("exhausted", oracle.exhausted());
      b.put("queries", oracle.queries());
      b.put("charged", oracle.chargedQueries());
      return b;
    }

    private ObjectNode reply(JsonNode id, boolean ok) {
      ObjectNode r = JSON.createObjectNode();
      if (id != null) {
        r.set("id", id);
      }
      r.put("ok", ok);
      return r;
    }

    private ObjectNode observation(JsonNode id, Observation o) {
      ObjectNode r = reply(id, true);
      r.put("query", o.sequence());
      r.put("status", o.status().name().toLowerCase(Locale.ROOT));
      r.put("valid", o.valid());
      r.put("duplicate", o.duplicate());
      r.put("hash", o.hash() == null ? null : o.hash().toString());
      r.put("epochs", o.epochs());
      if (o.hasData()) {
        r.put("validation_accuracy", o.validationAccuracy());
        r.put("training_time", o.trainingTime());
      } else {
        r.putNull("validation_accuracy");
        r.putNull("training_time");
      }
      r.put("cost", o.cost());
      r.set("budget", budget());
      return r;
    }

    private void send(ObjectNode message) {
      String text;
      try {
        text = JSON.writeValueAsString(message);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      if (!p.send(text)) {
        ended();
        throw failure("stopped reading its input (closed stdin)");
      }
    }

    /** The process closed its output: fine after a clean exit, a crash otherwise. */
    private void ended() {
      Integer code = p.finish(params.timeoutSeconds());
      if (code == null) {
        throw failure("closed its output but did not exit within " + ExternalProcess.seconds(params.timeoutSeconds())
            + "; the process was killed");
      }
      if (code != 0) {
        throw failure("exited with code " + code + " after " + requests + " request" + (requests == 1 ? "" : "s")
            + " (crashed?)");
      }
    }

    private JsonNode parse(String line) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw bad(line, "not JSON (" + e.getOriginalMessage() + ")");
      }
      if (n == null || !n.isObject()) {
        throw bad(line, "not a JSON object");
      }
      return n;
    }

    private int epochs(JsonNode req, String line) {
      JsonNode e = req.get("epochs");
      if (e == null || e.isNull()) {
        return oracle.epochs();
      }
      if (!e.canConvertToInt() || !e.isIntegralNumber()) {
        throw bad(line, "\"epochs\" must be an integer; got " + e);
      }
      return e.intValue();
    }

    /** The cell of a query or check: {@code matrix} + {@code ops}, or {@code hash}. */
    private CellSpec cell(JsonNode req, String line) {
      JsonNode hash = req.get("hash");
      JsonNode matrix = req.get("matrix");
      JsonNode ops = req.get("ops");
      if (hash != null && (matrix != null || ops != null)) {
        throw bad(line, "give either \"hash\" or \"matrix\" + \"ops\", not both");
      }
      if (hash != null) {
        String h = hash.asText("");
        if (!hash.isTextual() || !ModuleHash.looksLikeHash(h)) {
          throw bad(line, "\"hash\" must be a 32-digit hex module hash; got " + hash);
        }
        int id = oracle.space().idOf(ModuleHash.parse(h));
        if (id < 0) {
          throw bad(line, "hash " + h + " is not a cell of the NAS-Bench-101 space");
        }
        return oracle.space().cell(id);
      }
      if (matrix == null || ops == null) {
        throw bad(line, "a cell needs \"matrix\" (a list of 0/1 rows) and \"ops\" (a list of op names), or \"hash\"");
      }
      if (!matrix.isArray() || !ops.isArray()) {
        throw bad(line, "\"matrix\" must be a list of rows and \"ops\" a list of op names");
      }
      int[][] m = new int[matrix.size()][];
      for (int i = 0; i < m.length; i++) {
        JsonNode row = matrix.get(i);
        if (!row.isArray()) {
          throw bad(line, "matrix row " + i + " is not a list");
        }
        m[i] = new int[row.size()];
        for (int j = 0; j < m[i].length; j++) {
          JsonNode x = row.get(j);
          if (!x.isIntegralNumber() && !x.isBoolean()) {
            throw bad(line, "matrix entry [" + i + "][" + j + "] is " + x + "; entries must be 0 or 1");
          }
          m[i][j] = x.isBoolean() ? (x.booleanValue() ? 1 : 0) : x.canConvertToInt() ? x.intValue() : 2;
        }
      }
      List<String> names = new ArrayList<>();
      for (Iterator<JsonNode> it = ops.elements(); it.hasNext();) {
        JsonNode x = it.next();
        if (!x.isTextual()) {
          throw bad(line, "op " + x + " is not a name");
        }
        names.add(x.asText());
      }
      try {
        return CellSpec.of(m, names);
      } catch (CellException e) {
        throw bad(line, "malformed cell: " + e.getMessage());
      }
    }

    private StrategyFailedException bad(String line, String why) {
      p.close();
      String shown = line.length() > 200 ? line.substring(0, 200) + "…" : line;
      return new StrategyFailedException("external: '" + p.command() + "' request " + requests + " is invalid: "
          + why + "; the line was: " + shown + "; the process was killed" + p.stderr());
    }

    private StrategyFailedException failure(String what) {
      return new StrategyFailedException("external: '" + p.command() + "' " + what + p.stderr());
    }
  }
}
