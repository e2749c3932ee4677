package nas4j.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nas4j.bench.Budget;
import nas4j.bench.DuplicatePolicy;
import nas4j.bench.RepeatPolicy;
import nas4j.space.ValidityRule;
import nas4j.util.ConfigNames;

/**
 * Reads experiment YAML files into {@link ExperimentConfig} with Jackson, turning every problem (YAML syntax,
 * unknown key, wrong type, bad value) into a {@link ConfigException} naming the file, line, column, key path
 * and the allowed values. Stateless; thread-safe.
 */
public final class ConfigReader {
  private ConfigReader() {}

  /** A parsed file: the config plus where its parts were written. Immutable by convention. */
  public record Parsed(Path file, String text, ExperimentConfig config, Map<String, ConfigLocation> topLevelKeys,
      IdentityHashMap<StrategySpec, ConfigLocation> strategyLocations) {

    /** Where a top-level key's value was written (line 0 if absent). */
    public ConfigLocation at(String key) {
      return topLevelKeys.getOrDefault(key, ConfigLocation.UNKNOWN);
    }

    /** Where a strategies entry was written. */
    public ConfigLocation at(StrategySpec s) {
      return strategyLocations.getOrDefault(s, ConfigLocation.UNKNOWN);
    }
  }

  /** Reads and checks the syntax and types of a file (strategies are bound later, in {@link Experiment}). */
  public static Parsed read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, null, "no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigException(file, null, "is not UTF-8 text; save the experiment file as UTF-8");
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new ConfigException(file, null, "is a folder; give the experiment's .yaml file");
      }
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /** Parses config text; {@code file} is used in messages and may be null. */
  public static Parsed parse(Path file, String text) {
    if (text.isBlank()) {
      throw new ConfigException(file, null, "the file is empty; an experiment needs at least name, budget,"
          + " strategies and seeds");
    }
    IdentityHashMap<StrategySpec, ConfigLocation> locations = new IdentityHashMap<>();
    ObjectMapper mapper = mapper(locations);
    Map<String, ConfigLocation> paths = Map.of();
    Map<String, ConfigLocation> keys;
    ExperimentConfig config;
    try {
      paths = keyPaths(file, mapper, text);
      keys = topLevel(paths);
      config = mapper.readValue(text, ExperimentConfig.class);
    } catch (JsonProcessingException e) {
      throw translate(file, e, paths);
    } catch (IOException e) {
      throw new ConfigException(file, null, "cannot read: " + e.getMessage());
    }
    if (config == null) {
      throw new ConfigException(file, null, "the file holds no experiment (expected a map of keys)");
    }
    return new Parsed(file, text, config, keys, locations);
  }

  /** Where every key was written, by path ("strategies[1].label"), from the YAML token stream. */
  private static Map<String, ConfigLocation> keyPaths(Path file, ObjectMapper mapper, String text)
      throws IOException {
    Map<String, ConfigLocation> keys = new LinkedHashMap<>();
    java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>(); // container paths
    java.util.ArrayDeque<int[]> index = new java.util.ArrayDeque<>(); // array counters (null-like for objects)
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      String pending = ""; // path of the value about to start
      JsonToken t;
      int depth = 0;
      boolean seenDocument = false;
      while ((t = p.nextToken()) != null) {
        if (depth == 0 && seenDocument) {
          throw new ConfigException(file, loc(p.currentTokenLocation()), "a second YAML document (after '---');"
              + " an experiment file holds one experiment: put the next one in its own file");
        }
        if (t != JsonToken.FIELD_NAME && p.getTypeId() != null) {
          throw new ConfigException(file, loc(p.currentTokenLocation()), "YAML tag '" + tag(p.getTypeId())
              + "' is not allowed: experiment files hold plain values; remove the tag");
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        }
        if (depth == 0) {
          seenDocument = true;
        }
        if (t == JsonToken.FIELD_NAME) {
          String parent = stack.isEmpty() ? "" : stack.peek();
          pending = parent.isEmpty() ? p.currentName() : parent + "." + p.currentName();
          keys.putIfAbsent(pending, loc(p.currentTokenLocation()));
          continue;
        }
        if (!index.isEmpty() && index.peek()[0] >= 0 && !(t == JsonToken.END_ARRAY)) {
          int i = index.peek()[0]++;
          pending = stack.peek() + "[" + i + "]";
        }
        if (t == JsonToken.START_OBJECT) {
          stack.push(pending);
          index.push(new int[] {-1});
        } else if (t == JsonToken.START_ARRAY) {
          stack.push(pending);
          index.push(new int[] {0});
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          stack.pop();
          index.pop();
        }
      }
    }
    return keys;
  }

  private static String tag(Object typeId) {
    String t = String.valueOf(typeId);
    return t.startsWith("tag:yaml.org,2002:") ? "!!" + t.substring("tag:yaml.org,2002:".length()) : t;
  }

  /** Top-level keys only. */
  private static Map<String, ConfigLocation> topLevel(Map<String, ConfigLocation> paths) {
    Map<String, ConfigLocation> m = new LinkedHashMap<>();
    paths.forEach((k, v) -> {
      if (!k.contains(".") && !k.contains("[")) {
        m.put(k, v);
      }
    });
    return m;
  }

  static ConfigLocation loc(JsonLocation l) {
    return l == null || l.getLineNr() <= 0 ? ConfigLocation.UNKNOWN : new ConfigLocation(l.getLineNr(), l.getColumnNr());
  }

  private static ObjectMapper mapper(IdentityHashMap<StrategySpec, ConfigLocation> locations) {
    SimpleModule m = new SimpleModule("nas4j-config");
    m.addDeserializer(RepeatPolicy.class, new RepeatDeser());
    m.addDeserializer(Budget.class, new BudgetDeser());
    m.addDeserializer(DuplicatePolicy.class, new ChoiceDeser<>(DuplicatePolicy.class));
    m.addDeserializer(ValidityRule.class, new ChoiceDeser<>(ValidityRule.class));
    m.addDeserializer(TraceMode.class, new ChoiceDeser<>(TraceMode.class));
    m.addDeserializer(Protocol.class, new ChoiceDeser<>(Protocol.class));
    m.addDeserializer(TestReport.class, new ChoiceDeser<>(TestReport.class));
    m.addDeserializer(IncumbentRule.class, new ChoiceDeser<>(IncumbentRule.class));
    m.addDeserializer(Checkpoints.class, new CheckpointsDeser());
    m.addDeserializer(Seeds.class, new SeedsDeser());
    m.addDeserializer(StrategyParams.class, new ParamsDeser());
    m.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
          JsonDeserializer<?> deserializer) {
        if (desc.getBeanClass() == StrategySpec.class) {
          return new LocatingDeser(deserializer, locations);
        }
        return deserializer;
      }
    });
    return YAMLMapper.builder(YAMLFactory.builder().build())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(m)
        .build();
  }

  /** A JSON mapper for binding strategy parameter records (snake_case keys, strict). */
  static ObjectMapper paramsMapper() {
    SimpleModule friendlyEnums = new SimpleModule("nas4j-friendly-enums");
    friendlyEnums.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config,
          com.fasterxml.jackson.databind.JavaType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new FriendlyEnumDeserializer((Class) type.getRawClass());
      }
    });
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
        .addModule(friendlyEnums)
        .build();
  }

  /**
   * Strategy-parameter enums as users write them: the config name ({@code toString()}, e.g.
   * {@code record-and-drop}) or the constant's name, in any case, with '-' and '_' interchangeable.
   */
  static final class FriendlyEnumDeserializer extends JsonDeserializer<Enum<?>> {
    private final Class<? extends Enum<?>> type;

    FriendlyEnumDeserializer(Class<? extends Enum<?>> type) {
      this.type = type;
    }

    private static String norm(String t) {
      return t.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Enum<?>) ctxt.handleUnexpectedToken(type, p);
      }
      String n = norm(text);
      for (Enum<?> c : type.getEnumConstants()) {
        if (norm(c.name()).equals(n) || norm(c.toString()).equals(n)) {
          return c;
        }
      }
      throw ctxt.weirdStringException(text, type, "not one of " + java.util.Arrays.stream(type.getEnumConstants())
          .map(Object::toString).collect(Collectors.joining(", ")));
    }
  }

  // ---------------------------------------------------------------- error translation

  /** A value problem found by one of our deserializers; its message is final. */
  static final class BadValue extends JsonMappingException {
    BadValue(JsonParser p, String msg) {
      super(p, msg);
    }
  }

  static ConfigException translate(Path file, JsonProcessingException e, Map<String, ConfigLocation> keyPaths) {
    ConfigLocation at = loc(e.getLocation());
    String path = e instanceof JsonMappingException ? path((JsonMappingException) e) : "";
    if (e instanceof UnrecognizedPropertyException && keyPaths.containsKey(path)) {
      at = keyPaths.get(path); // records buffer their properties, so Jackson reports the end of the map
    }
    String prefix = path.isEmpty() ? "" : path + ": ";
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      String parent = path.contains(".") || path.contains("[") ? path.substring(0, cut(path)) : "";
      return new ConfigException(file, at, "unknown key '" + u.getPropertyName() + "'"
          + (parent.isEmpty() ? "" : " in " + parent) + "; allowed keys: " + known(u.getKnownPropertyIds()));
    }
    if (e instanceof BadValue) {
      return new ConfigException(file, at, prefix + e.getOriginalMessage());
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof ExperimentConfig.KeyProblem) {
      ExperimentConfig.KeyProblem k = (ExperimentConfig.KeyProblem) e.getCause();
      return new ConfigException(file, keyPaths.getOrDefault(k.key, ConfigLocation.UNKNOWN), k.getMessage());
    }
    if (e instanceof ValueInstantiationException) {
      Throwable c = e.getCause();
      String msg = c != null && c.getMessage() != null ? c.getMessage() : e.getOriginalMessage();
      return new ConfigException(file, at, prefix + msg);
    }
    if (e instanceof InvalidFormatException) {
      InvalidFormatException f = (InvalidFormatException) e;
      return new ConfigException(file, at, prefix + "'" + f.getValue() + "' is not " + kind(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException) {
      MismatchedInputException m = (MismatchedInputException) e;
      String orig = e.getOriginalMessage();
      if (orig != null && orig.startsWith("No content")) {
        return new ConfigException(file, at, "the file holds no experiment");
      }
      String found = found(orig);
      String got = found == null ? "" : "; found " + found;
      return new ConfigException(file, at, prefix + "expected " + kind(m.getTargetType()) + got);
    }
    if (e instanceof JsonMappingException) {
      return new ConfigException(file, at, prefix + e.getOriginalMessage());
    }
    String msg = e.getOriginalMessage();
    if (msg != null && msg.startsWith("Duplicate field")) {
      return new ConfigException(file, at, "key written twice: " + msg.replace("Duplicate field ", ""));
    }
    return new ConfigException(file, at, "not valid YAML: " + firstLine(msg));
  }

  /** What Jackson says it found ("... from Array value (token `JsonToken.START_ARRAY`)"), in config words. */
  static String found(String jacksonMessage) {
    if (jacksonMessage == null) {
      return null;
    }
    String[][] words = {{"START_ARRAY", "a list"}, {"START_OBJECT", "a map"}, {"VALUE_STRING", "a text value"},
        {"VALUE_NUMBER_INT", "an integer"}, {"VALUE_NUMBER_FLOAT", "a number with a fraction"},
        {"VALUE_TRUE", "true"}, {"VALUE_FALSE", "false"}, {"VALUE_NULL", "nothing (null)"},
        {"VALUE_EMBEDDED_OBJECT", "a tagged or binary value"}};
    for (String[] w : words) {
      if (jacksonMessage.contains(w[0])) {
        return w[1];
      }
    }
    return null;
  }

  private static int cut(String path) {
    int dot = path.lastIndexOf('.');
    int br = path.lastIndexOf('[');
    return Math.max(0, Math.max(dot, br));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  private static String known(Collection<Object> ids) {
    if (ids == null) {
      return "(none)";
    }
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static String kind(Class<?> t) {
    if (t == null) {
      return "a value of the right type";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class) {
      return "an integer";
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return "a number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "a list";
    }
    if (t.isEnum()) {
      return "one of " + java.util.Arrays.stream(t.getEnumConstants()).map(Object::toString)
          .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
    return "a map of keys";
  }

  // ---------------------------------------------------------------- deserializers

  /** Scalar text of the current token, or an error naming what was expected. */
  private static String scalar(JsonParser p, String expected) throws IOException {
    JsonToken t = p.currentToken();
    if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
      return p.getText();
    }
    throw new BadValue(p, "expected " + expected + "; found " + describe(t));
  }

  private static String describe(JsonToken t) {
    if (t == JsonToken.START_OBJECT) {
      return "a map";
    }
    if (t == JsonToken.START_ARRAY) {
      return "a list";
    }
    if (t == JsonToken.VALUE_NULL) {
      return "nothing (null)";
    }
    return String.valueOf(t);
  }

  /** Enums written in lower case with '-' (or '_'), e.g. {@code raw-edges-first}. */
  static final class ChoiceDeser<E extends Enum<E>> extends JsonDeserializer<E> {
    private final Class<E> type;

    ChoiceDeser(Class<E> type) {
      this.type = type;
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String allowed = ConfigNames.allOf(type);
      String s = scalar(p, "one of " + allowed);
      E e = ConfigNames.find(type, s);
      if (e == null) {
        throw new BadValue(p, "'" + s.trim() + "' is not allowed; allowed: " + allowed);
      }
      return e;
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }

  static final class RepeatDeser extends JsonDeserializer<RepeatPolicy> {
    @Override
    public RepeatPolicy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = scalar(p, "sample, mean, mean-distinct or fixed:<index>");
      try {
        RepeatPolicy r = RepeatPolicy.parse(s);
        if (r.kind() == RepeatPolicy.Kind.FIXED && r.index() > 2) {
          throw new BadValue(p, "fixed repeat index " + r.index() + " is out of range; NAS-Bench-101 has repeats 0, 1, 2");
        }
        return r;
      } catch (IllegalArgumentException e) {
        throw new BadValue(p, "'" + s + "' is not allowed; allowed: sample, mean, mean-distinct, fixed:0, fixed:1, fixed:2");
      }
    }
  }

  static final class BudgetDeser extends JsonDeserializer<Budget> {
    private static final double MAX_BUDGET = 1e15;
    private static final String EXAMPLE = "a map with exactly one of seconds, queries, epochs"
        + " (e.g. {seconds: 1e7} or {queries: 150})";

    @Override
    public Budget deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new BadValue(p, "expected " + EXAMPLE + "; found " + describe(p.currentToken())
            + (p.currentToken() != null && p.currentToken().isScalarValue() ? " '" + p.getText() + "'" : ""));
      }
      Budget result = null;
      JsonLocation start = p.currentTokenLocation();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Budget.Kind kind;
        switch (key) {
          case "seconds":
            kind = Budget.Kind.SECONDS;
            break;
          case "queries":
            kind = Budget.Kind.QUERIES;
            break;
          case "epochs":
            kind = Budget.Kind.EPOCHS;
            break;
          default:
            throw new BadValue(p, "unknown key '" + key + "' in budget; allowed keys: seconds, queries, epochs");
        }
        JsonToken vt = p.nextToken();
        String text = scalar(p, "a positive number");
        if (vt != JsonToken.VALUE_NUMBER_INT && vt != JsonToken.VALUE_NUMBER_FLOAT) {
          throw new BadValue(p, key + ": expected a number; found " + (vt == JsonToken.VALUE_STRING
              ? "the text '" + text + "' (write numbers without quotes)" : describe(vt)));
        }
        double v = p.getDoubleValue();
        if (!(v > 0) || Double.isInfinite(v)) {
          throw new BadValue(p, key + " must be a positive finite number; got " + text);
        }
        if (kind != Budget.Kind.SECONDS && v != Math.rint(v)) {
          throw new BadValue(p, key + " must be a whole number; got " + text);
        }
        if (v > MAX_BUDGET) {
          throw new BadValue(p, key + ": " + text + " is larger than nas4j supports (at most 1e15)");
        }
        if (result != null) {
          throw new BadValue(p, "budget has two limits (" + result.kind().name().toLowerCase(Locale.ROOT) + " and "
              + key + "); give exactly one of seconds, queries, epochs");
        }
        result = new Budget(kind, v);
      }
      if (result == null) {
        throw JsonMappingException.from(p, "empty budget; expected " + EXAMPLE);
      }
      return result;
    }
  }

  /**
   * {@code checkpoints: {queries: [10, 20, 150], seconds: {step: 1e4}}}; an axis may also be {@code log}.
   */
  static final class CheckpointsDeser extends JsonDeserializer<Checkpoints> {
    private static final String EXAMPLE = "a map of axes (seconds, queries) to a list of points, {step: <number>}"
        + " or log (e.g. {queries: [10, 20, 150]} or {queries: {step: 10}})";

    @Override
    public Checkpoints deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new BadValue(p, "expected " + EXAMPLE + "; found " + describe(p.currentToken()));
      }
      Checkpoints.Grid seconds = null;
      Checkpoints.Grid queries = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (!key.equals("seconds") && !key.equals("queries")) {
          throw new BadValue(p, "unknown key '" + key + "' in checkpoints; allowed keys: seconds, queries");
        }
        p.nextToken();
        Checkpoints.Grid g = grid(p, key);
        if (key.equals("seconds")) {
          seconds = g;
        } else {
          queries = g;
        }
      }
      return new Checkpoints(seconds, queries);
    }

    private static Checkpoints.Grid grid(JsonParser p, String axis) throws IOException {
      JsonToken t = p.currentToken();
      try {
        if (t == JsonToken.VALUE_STRING && p.getText().trim().equalsIgnoreCase("log")) {
          return Checkpoints.Grid.LOG;
        }
        if (t == JsonToken.START_ARRAY) {
          List<Double> points = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            points.add(number(p, axis));
          }
          return wholeIfQueries(p, axis, Checkpoints.Grid.of(points));
        }
        if (t == JsonToken.START_OBJECT) {
          Double step = null;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (!p.currentName().equals("step")) {
              throw new BadValue(p, "unknown key '" + p.currentName() + "' in checkpoints." + axis
                  + "; allowed key: step");
            }
            p.nextToken();
            step = number(p, axis);
          }
          if (step == null) {
            throw new BadValue(p, "checkpoints." + axis + ": empty map; expected {step: <number>}");
          }
          return wholeIfQueries(p, axis, Checkpoints.Grid.every(step));
        }
      } catch (IllegalArgumentException e) {
        throw new BadValue(p, "checkpoints." + axis + ": " + e.getMessage());
      }
      throw new BadValue(p, "checkpoints." + axis + ": expected a list of points, {step: <number>} or log; found "
          + describe(t) + (t != null && t.isScalarValue() ? " '" + p.getText() + "'" : ""));
    }

    private static double number(JsonParser p, String axis) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      if (t == JsonToken.VALUE_STRING) {
        try {
          return Double.parseDouble(p.getText().trim().replace("_", ""));
        } catch (NumberFormatException e) {
          // fall through
        }
      }
      throw new BadValue(p, "checkpoints." + axis + ": '" + p.getText() + "' is not a number");
    }

    private static Checkpoints.Grid wholeIfQueries(JsonParser p, String axis, Checkpoints.Grid g) throws IOException {
      if (axis.equals("queries") && !g.whole()) {
        throw new BadValue(p, "checkpoints.queries: query counts must be whole numbers");
      }
      return g;
    }
  }

  static final class SeedsDeser extends JsonDeserializer<Seeds> {
    @Override
    public Seeds deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        long n = p.getLongValue();
        if (n < 1 || n > 1_000_000) {
          throw new BadValue(p, "seeds count must be between 1 and 1000000; got " + n);
        }
        return Seeds.count((int) n);
      }
      if (t == JsonToken.START_ARRAY) {
        List<Long> values = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new BadValue(p, "seed values must be non-negative integers; found '" + p.getText() + "'");
          }
          long v = p.getLongValue();
          if (v < 0) {
            throw new BadValue(p, "seed values must be non-negative; got " + v);
          }
          if (!seen.add(v)) {
            throw new BadValue(p, "seed " + v + " is listed twice");
          }
          values.add(v);
        }
        if (values.isEmpty()) {
          throw new BadValue(p, "the seed list is empty");
        }
        return new Seeds(values, false);
      }
      throw new BadValue(p, "expected a count (seeds: 20) or a list of integers (seeds: [0, 1, 5]); found "
          + describe(t) + (t != null && t.isScalarValue() ? " '" + p.getText() + "'" : ""));
    }
  }

  static final class ParamsDeser extends JsonDeserializer<StrategyParams> {
    @Override
    public StrategyParams deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      ConfigLocation start = loc(p.currentTokenLocation());
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new BadValue(p, "expected a map of parameter names to values (e.g. params: {population_size: 100});"
            + " found " + describe(p.currentToken()));
      }
      ObjectNode node = ctxt.getNodeFactory().objectNode();
      Map<String, ConfigLocation> keys = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        keys.put(key, loc(p.currentTokenLocation()));
        JsonNode value = ctxt.readTree(p);
        node.set(key, value);
      }
      return new StrategyParams(node, keys, start);
    }

    @Override
    public StrategyParams getNullValue(DeserializationContext ctxt) {
      return null;
    }
  }

  /** Records where each strategies entry starts. */
  static final class LocatingDeser extends DelegatingDeserializer {
    private final IdentityHashMap<StrategySpec, ConfigLocation> locations;

    LocatingDeser(JsonDeserializer<?> d, IdentityHashMap<StrategySpec, ConfigLocation> locations) {
      super(d);
      this.locations = locations;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new LocatingDeser(newDelegatee, locations);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      ConfigLocation at = loc(p.currentTokenLocation());
      Object o = super.deserialize(p, ctxt);
      if (o instanceof StrategySpec) {
        locations.put((StrategySpec) o, at);
      }
      return o;
    }
  }
}
