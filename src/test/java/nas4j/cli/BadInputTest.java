package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nas4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the command line: exit 2, one line naming the file (and the line of the key concerned), never a
 * stack trace. The expected lines are counted by hand in the configs below.
 */
class BadInputTest extends CommandTestSupport {
  @TempDir
  Path tmp;

  static final String HEAD = "name: t\nbudget: {queries: 20}\n";
  static final String STRATEGIES = "strategies:\n  - {strategy: random-search}\n";
  static final String SEEDS = "seeds: 2\n";

  /** Validates {@code yaml} and returns stderr, checking the exit code, the single line and the file name. */
  String refused(String yaml) throws Exception {
    Path f = tmp.resolve("exp.yaml");
    Files.writeString(f, yaml);
    int code = run("validate", f.toString());
    String e = err.toString();
    err.getBuffer().setLength(0);
    assertThat(code).as(e).isEqualTo(2);
    assertThat(e.lines().count()).as(e).isEqualTo(1);
    assertThat(e).startsWith("nas4j: " + f).doesNotContain("\tat ").doesNotContain("Exception");
    return e;
  }

  String at(int line) {
    return "nas4j: " + tmp.resolve("exp.yaml") + ":" + line + ":";
  }

  @Test
  void valueProblemsAreReportedAtTheirOwnLine() throws Exception {
    assertThat(refused(HEAD + "epochs: 50\n" + STRATEGIES + SEEDS)).startsWith(at(3))
        .contains("epochs must be one of the NAS-Bench-101 budgets 4, 12, 36, 108; got 50");
    assertThat(refused("budget: {queries: 20}\nname: \"a b\"\n" + STRATEGIES + SEEDS)).startsWith(at(2))
        .contains("name 'a b' may only use");
    String empty = refused(HEAD + "strategies: []\n" + SEEDS);
    assertThat(empty).startsWith(at(3)).contains("strategies: the list is empty").doesNotContain("missing");
    assertThat(refused(HEAD + SEEDS)).contains("missing key 'strategies'");
  }

  @Test
  void numbersWrittenAsTextOrTooLargeAreRefused() throws Exception {
    assertThat(refused("name: t\nbudget: {queries: \"20\"}\n" + STRATEGIES + SEEDS)).startsWith(at(2))
        .contains("budget: queries: expected a number; found the text '20'");
    assertThat(refused("name: t\nbudget: {queries: 1e30}\n" + STRATEGIES + SEEDS)).startsWith(at(2))
        .contains("1e30 is larger than nas4j supports");
    assertThat(refused(HEAD + "strategies:\n  - {strategy: regularized-evolution, params: {population_size: \"20\"}}\n"
        + SEEDS)).startsWith(at(4)).contains("population_size");
  }

  @Test
  void yamlTagsAndSecondDocumentsAreRefused() throws Exception {
    assertThat(refused("name: !!java.io.File t\nbudget: {queries: 20}\n" + STRATEGIES + SEEDS)).startsWith(at(1))
        .contains("YAML tag '!!java.io.File' is not allowed");
    assertThat(refused(HEAD + STRATEGIES + SEEDS + "---\nname: u\n")).startsWith(at(7))
        .contains("a second YAML document");
  }

  @Test
  void messagesUseConfigWordsNotParserOrJavaNames() throws Exception {
    String list = refused("name: [a]\nbudget: {queries: 20}\n" + STRATEGIES + SEEDS);
    assertThat(list).startsWith(at(1)).endsWith("name: expected a text value; found a list" + System.lineSeparator());
    String java = refused(HEAD + "strategies:\n  - {strategy: regularized-evolution, params: {population_size: 1}}\n"
        + SEEDS);
    assertThat(java).startsWith(at(4)).contains("population_size must be").doesNotContain("populationSize");
    assertThat(refused("name: t\nbudget: [1]\n" + STRATEGIES + SEEDS)).doesNotContain("ExperimentConfig")
        .doesNotContain("VALUE_").doesNotContain("token");
  }

  @Test
  void aConfigThatIsNotUtf8OrIsAFolderIsNamed() throws Exception {
    Path bin = tmp.resolve("bin.yaml");
    Files.write(bin, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(run("validate", bin.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("nas4j: " + bin + ": is not UTF-8 text");
    err.getBuffer().setLength(0);
    assertThat(run("validate", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("nas4j: " + tmp + ": is a folder");
  }

  @Test
  void aPartialBenchmarkIsRefusedBeforeTheRunStarts() throws Exception {
    Path sample = SharedData.require("nb101/only108-sample.tfrecord");
    Path f = tmp.resolve("partial.yaml");
    Files.writeString(f, "name: partial\nbenchmark: " + sample.toAbsolutePath() + "\n" + "budget: {queries: 20}\n"
        + STRATEGIES + SEEDS);
    Path out = tmp.resolve("out");
    int code = run("run", f.toString(), "--out", out.toString(), "--progress", "none");
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("nas4j: " + sample.toAbsolutePath() + " is a partial benchmark (")
        .contains(" of 423,624 cells").doesNotContain("\tat ");
    assertThat(out.resolve("run.json")).doesNotExist();
  }

  @Test
  void analyzeOnAPartialFileWarnsFirst() throws Exception {
    Path sample = SharedData.require("nb101/only108-sample.tfrecord");
    int code = run("analyze", "--data", sample.toString(), "--no-sample", "--walks", "2", "--walk-length", "20", "--max-lag", "5",
        "--burn-in", "5", "--random-pairs", "50", "--locality-stride", "64", "--out", tmp.resolve("an").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).startsWith("nas4j: warning: " + sample + " is a partial table (34 of 423,624 cells)");
  }

  @Test
  void aFolderOrADamagedCacheGivenAsDataIsNamed() throws Exception {
    assertThat(run("query", "--data", tmp.toString(), "00005c142e6f48ac74fdcf73e3439874")).isEqualTo(2);
    assertThat(err.toString()).startsWith("nas4j: " + tmp + ": is a folder");
    err.getBuffer().setLength(0);
    Path cache = tmp.resolve("nasbench_only108.tfrecord.nas4j-cache");
    Files.copy(SharedData.require("nb101/only108-sample.tfrecord"), cache); // no cache magic number
    assertThat(run("query", "--data", cache.toString(), "00005c142e6f48ac74fdcf73e3439874")).isEqualTo(2);
    assertThat(err.toString()).startsWith("nas4j: " + cache + ": byte offset 0: named like a nas4j cache but does"
        + " not start with the cache's magic number").doesNotContain("\tat ");
  }

  @Test
  void aBadOptionValueGivesOneLineAndTheHelpHint() throws Exception {
    Path f = tmp.resolve("exp.yaml");
    Files.writeString(f, HEAD + STRATEGIES + SEEDS);
    assertThat(run("run", f.toString(), "--threads", "many")).isEqualTo(2);
    assertThat(err.toString().lines().toList()).hasSize(2);
    assertThat(err.toString()).startsWith("nas4j: Invalid value for option '--threads': 'many' is not an int")
        .contains("Try 'nas4j run --help' for usage.");
  }
}
