package nas4j.bench.surrogate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for {@code complete-records.json} (objects → LinkedHashMap, arrays → List, numbers →
 * Double, strings, booleans, null). Errors name the source and character offset. Not a general-purpose parser.
 */
final class MiniJson {
  private final String text;
  private final String source;
  private int pos;

  private MiniJson(String text, String source) {
    this.text = text;
    this.source = source;
  }

  static Object parse(String text, String source) throws IOException {
    MiniJson p = new MiniJson(text, source);
    Object v = p.value();
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw p.error("trailing characters after the JSON value");
    }
    return v;
  }

  private IOException error(String rule) {
    return new IOException(source + ": character offset " + pos + ": " + rule);
  }

  private void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private Object value() throws IOException {
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{': {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipWhitespace();
        if (peek('}')) {
          pos++;
          return m;
        }
        while (true) {
          skipWhitespace();
          if (!peek('"')) {
            throw error("expected a string key");
          }
          String k = string();
          skipWhitespace();
          expect(':');
          m.put(k, value());
          skipWhitespace();
          if (peek(',')) {
            pos++;
          } else {
            expect('}');
            return m;
          }
        }
      }
      case '[': {
        pos++;
        List<Object> l = new ArrayList<>();
        skipWhitespace();
        if (peek(']')) {
          pos++;
          return l;
        }
        while (true) {
          l.add(value());
          skipWhitespace();
          if (peek(',')) {
            pos++;
          } else {
            expect(']');
            return l;
          }
        }
      }
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        return number();
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) throws IOException {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void literal(String w) throws IOException {
    if (!text.startsWith(w, pos)) {
      throw error("expected " + w);
    }
    pos += w.length();
  }

  private String string() throws IOException {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n': sb.append('\n'); break;
          case 't': sb.append('\t'); break;
          case 'r': sb.append('\r'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'u':
            if (pos + 4 > text.length()) {
              throw error("truncated \\u escape");
            }
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          default: sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private Double number() throws IOException {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character '" + text.charAt(pos) + "'");
    }
    try {
      return Double.valueOf(text.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("malformed number");
    }
  }
}
