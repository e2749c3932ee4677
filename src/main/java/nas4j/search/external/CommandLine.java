package nas4j.search.external;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words: spaces separate, single or double quotes group (no escapes, no shell). */
final class CommandLine {
  private CommandLine() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("command has an unclosed " + quote + " quote: " + line);
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }
}
