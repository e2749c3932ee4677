package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's help, as {@code nas4j ... --help} prints it at picocli's default 80 columns: each option and
 * positional argument (help/version aside) says what it is, and no file name or option is cut over two lines (a
 * line ending in "name-", "name/" or "1..", or in "name." with the next line going on in lower case, e.g. {@code FILE.} / {@code nas4j-cache}).
 */
class HelpTextTest {
  /** A line end that always cuts a word: after a hyphen or slash inside a word, or inside "..". */
  private static final Pattern ALWAYS_CUT = Pattern.compile("(\\w[-/]|[^.]\\.\\.)$");
  /** A line end that cuts a word when the next line goes on in lower case ("FILE." / "nas4j-cache"). */
  private static final Pattern DOT = Pattern.compile("\\w\\.$");
  /** A next line that goes on in lower case, not a subcommand's entry (two spaces, then its name). */
  private static final Pattern GOES_ON = Pattern.compile("^(?!  [a-z])\\s*[a-z0-9]");

  private static List<CommandLine> all(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>(List.of(cl));
    cl.getSubcommands().values().stream().distinct().forEach(sub -> out.addAll(all(sub)));
    return out;
  }

  @Test
  void noWordIsCutAcrossTwoLinesInAnyHelp() {
    List<String> cut = new ArrayList<>();
    for (CommandLine cl : all(Main.commandLine())) {
      String[] lines = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n");
      for (int i = 0; i + 1 < lines.length; i++) {
        String end = lines[i].stripTrailing();
        if (!lines[i + 1].isBlank() && (ALWAYS_CUT.matcher(end).find()
            || DOT.matcher(end).find() && GOES_ON.matcher(lines[i + 1]).find())) {
          cut.add(cl.getCommandSpec().qualifiedName() + ": \"" + lines[i].strip() + "\" / \"" + lines[i + 1].strip()
              + "\"");
        }
      }
    }
    assertThat(cut).as("help lines that cut a word").isEmpty();
  }

  @Test
  void everyOptionAndArgumentIsDescribed() {
    List<String> bare = new ArrayList<>();
    int seen = 0;
    for (CommandLine cl : all(Main.commandLine())) {
      for (ArgSpec a : cl.getCommandSpec().args()) {
        if (a instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) {
          continue;
        }
        seen++;
        if (a.description().length == 0 || String.join("", a.description()).isBlank()) {
          bare.add(cl.getCommandSpec().qualifiedName() + " " + a.paramLabel()
              + (a instanceof OptionSpec o ? " (" + o.longestName() + ")" : ""));
        }
      }
    }
    assertThat(seen).as("options and arguments checked").isGreaterThan(50);
    assertThat(bare).as("options or arguments without a description").isEmpty();
  }
}
