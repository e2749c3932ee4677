package nas4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas4j.search.SearchStrategy;
import nas4j.search.StrategyProvider;

/**
 * Binds a strategy's YAML {@code params:} map generically: the provider's {@code defaults()} record is turned
 * into a map (snake_case keys), the user's keys are laid over it, and the result is converted back to the
 * provider's {@code parametersType()}, whose constructor validates it. Unknown names fail listing the known
 * ones; every error names the file, line and column. Stateless; thread-safe.
 */
public final class StrategyBinder {
  private static final ObjectMapper MAPPER = ConfigReader.paramsMapper();

  private StrategyBinder() {}

  /** The epoch budgets a strategy with these (bound) parameters queries; empty for single-fidelity ones. */
  public static int[] fidelities(StrategyProvider<?> provider, Record params) {
    return fidelitiesTyped(provider, params);
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> int[] fidelitiesTyped(StrategyProvider<P> provider, Record params) {
    return provider.fidelities((P) params).clone();
  }

  /** The default parameters of a provider as a map (snake_case keys, JSON-like values). */
  public static Map<String, Object> defaultsAsMap(StrategyProvider<?> provider) {
    return asMap(provider.defaults());
  }

  /** A parameter record as a map (snake_case keys, JSON-like values), for metadata. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Record params) {
    return MAPPER.convertValue(params, LinkedHashMap.class);
  }

  /** The parameters for one strategies entry (user map over the defaults), validated by the record. */
  public static Record bind(StrategyProvider<?> provider, String preset, StrategyParams params, Path file,
      ConfigLocation entry, String label) {
    return bindTyped(provider, preset, params, file, entry, label);
  }

  private static <P extends Record> P bindTyped(StrategyProvider<P> provider, String preset, StrategyParams params,
      Path file, ConfigLocation entry, String label) {
    String who = "strategy '" + provider.name() + "'" + (label.equals(provider.name()) ? "" : " (label " + label + ")");
    P base;
    try {
      base = preset == null ? provider.defaults() : provider.preset(preset);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, entry, who + ": " + own(provider, e.getMessage()));
    }
    ObjectNode merged;
    try {
      merged = MAPPER.valueToTree(base);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(who + ": its default parameters cannot be written as a map: " + e.getMessage(), e);
    }
    if (params == null) {
      return base;
    }
    List<String> known = new ArrayList<>();
    merged.fieldNames().forEachRemaining(known::add);
    for (Iterator<Map.Entry<String, JsonNode>> it = params.values().fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!merged.has(e.getKey())) {
        throw new ConfigException(file, params.keyLocations().get(e.getKey()), who + " has no parameter '"
            + e.getKey() + "'; known parameters: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
      }
      merged.set(e.getKey(), e.getValue());
    }
    try {
      return MAPPER.treeToValue(merged, provider.parametersType());
    } catch (ValueInstantiationException e) {
      Throwable c = e.getCause();
      String msg = c != null && c.getMessage() != null ? c.getMessage() : e.getOriginalMessage();
      throw new ConfigException(file, mentioned(params, msg), who + ": invalid parameters: "
          + configNames(provider.parametersType(), own(provider, msg)));
    } catch (JsonMappingException e) {
      String name = ConfigReader.path(e);
      String top = name.split("[.\\[]", 2)[0];
      ConfigLocation at = params.keyLocations().getOrDefault(top, params.start());
      String what;
      if (e instanceof InvalidFormatException) {
        what = "'" + ((InvalidFormatException) e).getValue() + "' is not "
            + ConfigReader.kind(((InvalidFormatException) e).getTargetType());
      } else if (e instanceof MismatchedInputException) {
        what = "expected " + ConfigReader.kind(((MismatchedInputException) e).getTargetType());
      } else {
        what = e.getOriginalMessage();
      }
      throw new ConfigException(file, at, who + ": parameter '" + name + "': " + what);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file, params.start(), who + ": invalid parameters: " + e.getOriginalMessage());
    }
  }

  /** Instantiates the strategy once, so configs that construct badly fail at validation. */
  public static SearchStrategy create(StrategyProvider<?> provider, Record params) {
    return createTyped(provider, params);
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> SearchStrategy createTyped(StrategyProvider<P> provider, Record params) {
    return provider.create((P) params);
  }

  /** A provider's message without its own "strategy 'name': " prefix (the caller adds who it is). */
  private static String own(StrategyProvider<?> provider, String msg) {
    String prefix = "strategy '" + provider.name() + "'";
    String m = msg == null ? "" : msg;
    return m.startsWith(prefix + ": ") ? m.substring(prefix.length() + 2) : m.startsWith(prefix + " ")
        ? m.substring(prefix.length() + 1) : m;
  }

  /** A parameter record's message with its Java component names written as configs spell them (snake_case). */
  static String configNames(Class<? extends Record> type, String msg) {
    String m = msg;
    com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase snake =
        (com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase)
            com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE;
    for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
      String config = snake.translate(c.getName());
      if (!config.equals(c.getName())) {
        m = m.replaceAll("\\b" + java.util.regex.Pattern.quote(c.getName()) + "\\b",
            java.util.regex.Matcher.quoteReplacement(config));
      }
    }
    return m;
  }

  private static ConfigLocation mentioned(StrategyParams params, String msg) {
    ConfigLocation hit = null;
    int hits = 0;
    for (Map.Entry<String, ConfigLocation> e : params.keyLocations().entrySet()) {
      if (msg != null && (msg.contains(e.getKey()) || msg.contains(camel(e.getKey())))) {
        hit = e.getValue();
        hits++;
      }
    }
    return hits == 1 ? hit : params.start();
  }

  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
