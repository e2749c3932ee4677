package nas4j.cli;

import static nas4j.cli.CommandTestSupport.capture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nas4j.cli.CommandTestSupport.Result;
import nas4j.search.StrategyApi;
import nas4j.testing.JarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin project ({@code examples/strategy-plugin/}) built into a jar (its sources compiled against
 * this nas4j with javax.tools, its manifest entry taken from its pom), dropped into a {@code plugins/} folder beside
 * an experiment file and run from it; and the clear errors of broken or clashing plugins.
 */
class StrategyPluginTest {
  static final Path EXAMPLE = Path.of("examples/strategy-plugin");

  @TempDir
  static Path tmp;
  static Path jar;

  static String pomProperty(Path pom, String name) throws IOException {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(Files.readString(pom));
    assertThat(m.find()).as(name + " in " + pom).isTrue();
    return m.group(1).trim();
  }

  @BeforeAll
  static void buildTheExamplePlugin() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("build"));
    jar = JarBuilder.build(EXAMPLE.resolve("src/main/java"), EXAMPLE.resolve("src/main/resources"),
        Map.of(StrategyApi.MANIFEST_ATTRIBUTE, pomProperty(EXAMPLE.resolve("pom.xml"), "nas4j.strategy.api")),
        work.resolve("annealing-plugin.jar"));
  }

  @Test
  void theApiVersionIsTheOneThePomsDeclare() throws IOException {
    assertThat(pomProperty(Path.of("pom.xml"), "nas4j.strategy.api")).isEqualTo("1.0").isEqualTo(StrategyApi.VERSION);
    assertThat(pomProperty(EXAMPLE.resolve("pom.xml"), "nas4j.strategy.api")).isEqualTo(StrategyApi.VERSION);
    assertThat(pomProperty(EXAMPLE.resolve("pom.xml"), "nas4j.version"))
        .isEqualTo(pomProperty(Path.of("pom.xml"), "version"));
  }

  @Test
  void theExamplePluginRunsFromAPluginsFolderBesideTheConfig() throws Exception {
    Path exp = Files.createDirectories(tmp.resolve("exp"));
    Path plugins = Files.createDirectories(exp.resolve("plugins"));
    Path dropped = Files.copy(jar, plugins.resolve("annealing-plugin.jar"));
    Path yaml = exp.resolve("sa.yaml");
    Files.writeString(yaml, String.join("\n",
        "name: sa",
        "budget: {queries: 80}",
        "strategies:",
        "  - {strategy: simulated-annealing, label: SA, params: {cooling: 0.95}}",
        "  - {strategy: random-search, label: RS}",
        "seeds: 3",
        ""));
    Path out = tmp.resolve("sa-out");
    Result r = capture("run", yaml.toString(), "--out", out.toString(), "--progress", "none", "--threads", "1");
    assertThat(r.code()).as(r.err()).isZero();

    List<String[]> runs = Files.readAllLines(out.resolve("runs.csv")).stream().skip(1).map(l -> l.split(",", -1))
        .toList();
    assertThat(runs).hasSize(6);
    assertThat(runs.stream().filter(x -> x[0].equals("SA"))).hasSize(3)
        .allSatisfy(x -> assertThat(x[3]).as("charged").isEqualTo("80"))
        .allSatisfy(x -> assertThat(x[13]).as("stop").isEqualTo("budget"));
    assertThat(Files.readAllLines(out.resolve("trace.csv")).stream().filter(l -> l.startsWith("SA,"))).isNotEmpty();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dropped)));
    String runJson = Files.readString(out.resolve("run.json"));
    assertThat(runJson).contains("\"plugin\" : \"annealing-plugin.jar sha256:" + sha + "\"")
        .contains("\"origin\" : \"plugin " + dropped.toAbsolutePath().normalize() + "\"")
        .contains("\"cooling\" : 0.95");

    // the listing shows the plugin with its origin; the same jar named by --plugins
    Result listed = capture("strategies", "--plugins", plugins.toString());
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("simulated-annealing — example plugin")
        .contains("origin: plugin " + dropped.toAbsolutePath().normalize())
        .contains("random-search — ").contains("origin: built-in")
        .contains("preset slow-cooling");
    Result without = capture("strategies");
    assertThat(without.out()).doesNotContain("simulated-annealing");

    // a config key names a folder elsewhere
    Path other = Files.createDirectories(tmp.resolve("elsewhere/jars"));
    Files.copy(jar, other.resolve("sa.jar"));
    Path keyed = Files.createDirectories(tmp.resolve("keyed")).resolve("k.yaml");
    Files.writeString(keyed, "name: k\nbudget: {queries: 10}\nplugins: ../elsewhere/jars\n"
        + "strategies: [{strategy: simulated-annealing}]\nseeds: 1\n");
    Result v = capture("validate", keyed.toString());
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("simulated-annealing");
    Files.writeString(keyed, "name: k\nbudget: {queries: 10}\nplugins: ../nowhere\n"
        + "strategies: [{strategy: simulated-annealing}]\nseeds: 1\n");
    Result missing = capture("validate", keyed.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("k.yaml:3:").contains("plugin folder").contains("nowhere")
        .contains("does not exist");
  }

  static final String CLASH_SOURCE = String.join("\n",
      "package clash;",
      "public final class Clash implements nas4j.search.StrategyProvider<Clash.P> {",
      "  public record P(int x) {}",
      "  public String name() { return \"NAME\"; }",
      "  public String description() { return \"a clash\"; }",
      "  public Class<P> parametersType() { return P.class; }",
      "  public P defaults() { return new P(1); }",
      "  public nas4j.search.SearchStrategy create(P p) { return (o, r) -> { }; }",
      "}",
      "");

  static Path provider(String dir, String name, Map<String, String> manifest) throws IOException {
    Path src = Files.createDirectories(tmp.resolve(dir + "/src/clash"));
    Files.writeString(src.resolve("Clash.java"), CLASH_SOURCE.replace("NAME", name));
    Path res = Files.createDirectories(tmp.resolve(dir + "/res/META-INF/services"));
    Files.writeString(res.resolve("nas4j.search.StrategyProvider"), "clash.Clash\n");
    Path plugins = Files.createDirectories(tmp.resolve(dir + "/plugins"));
    return JarBuilder.build(tmp.resolve(dir + "/src"), tmp.resolve(dir + "/res"), manifest,
        plugins.resolve(name + ".jar"));
  }

  static void assertClearError(Result r, String... parts) {
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("nas4j: ").contains(parts).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void brokenOrClashingPluginsGetAClearError() throws IOException {
    Path clash = provider("clash", "random-search", Map.of());
    assertClearError(capture("strategies", "--plugins", clash.getParent().toString()), "plugin " + clash,
        "strategy 'random-search' (clash.Clash) has the name of a built-in strategy", "rename it");

    Path twice = Files.createDirectories(tmp.resolve("twice"));
    Files.copy(jar, twice.resolve("a.jar"));
    Files.copy(jar, twice.resolve("b.jar"));
    assertClearError(capture("strategies", "--plugins", twice.toString()), "b.jar", "'simulated-annealing'",
        "has the name of a strategy of plugin", "a.jar");

    Path newer = provider("newer", "from-the-future", Map.of(StrategyApi.MANIFEST_ATTRIBUTE, "1.7"));
    assertClearError(capture("strategies", "--plugins", newer.getParent().toString()),
        "was built against strategy API 1.7, newer than this nas4j's " + StrategyApi.VERSION);
    Path major = provider("major", "old-major", Map.of(StrategyApi.MANIFEST_ATTRIBUTE, "0.9"));
    assertClearError(capture("strategies", "--plugins", major.getParent().toString()), "(major versions differ)");

    Path bad = Files.createDirectories(tmp.resolve("bad"));
    JarBuilder.of(Map.of("META-INF/services/nas4j.search.StrategyProvider", "com.example.Missing\n"),
        bad.resolve("missing.jar"));
    assertClearError(capture("strategies", "--plugins", bad.toString()), "missing.jar", "a strategy cannot be loaded",
        "com.example.Missing");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    JarBuilder.of(Map.of("readme.txt", "no strategy here"), empty.resolve("none.jar"));
    assertClearError(capture("strategies", "--plugins", empty.toString()), "none.jar", "declares no strategy",
        "META-INF/services/nas4j.search.StrategyProvider");

    Path notJar = Files.createDirectories(tmp.resolve("notjar"));
    Files.writeString(notJar.resolve("text.jar"), "this is not a zip file");
    assertClearError(capture("strategies", "--plugins", notJar.toString()), "text.jar", "is not a jar (zip) file");

    assertClearError(capture("strategies", "--plugins", tmp.resolve("absent").toString()), "absent",
        "does not exist");

    // the same errors stop `nas4j run` before anything is loaded or written
    Path yaml = clash.getParent().getParent().resolve("c.yaml");
    Files.writeString(yaml, "name: c\nbudget: {queries: 10}\nstrategies: [{strategy: random-search}]\nseeds: 1\n");
    Path out = tmp.resolve("c-out");
    assertClearError(capture("run", yaml.toString(), "--out", out.toString(), "--progress", "none"),
        "has the name of a built-in strategy");
    assertThat(out).doesNotExist();
  }
}
