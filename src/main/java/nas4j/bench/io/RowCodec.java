package nas4j.bench.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON row of a record, {@code ["<hash>", <epochs>, "<adjacency>", "<ops>", "<base64>"]}: a whitespace- and
 * escape-tolerant parser working on the raw UTF-8 bytes, a strict base64 decoder that skips line breaks (real or
 * JSON-escaped), and the exact official serialization (separators {@code ", "}, base64 in 76-character lines each
 * followed by an escaped newline). Stateless; thread-safe.
 */
final class RowCodec {
  private static final byte[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
      .getBytes(StandardCharsets.US_ASCII);
  private static final int[] B64_VALUE = new int[256];
  private static final int INVALID = -1;
  private static final int WS = -2;
  private static final int PAD = -3;
  private static final int ESC = -4;
  /** Value 0..63 for alphabet characters, else INVALID / WS / PAD / ESC. */
  private static final int[] B64_CLASS = new int[256];

  static {
    Arrays.fill(B64_VALUE, INVALID);
    for (int i = 0; i < B64.length; i++) {
      B64_VALUE[B64[i]] = i;
    }
    System.arraycopy(B64_VALUE, 0, B64_CLASS, 0, 256);
    B64_CLASS['\n'] = WS;
    B64_CLASS['\r'] = WS;
    B64_CLASS[' '] = WS;
    B64_CLASS['\t'] = WS;
    B64_CLASS['='] = PAD;
    B64_CLASS['\\'] = ESC;
  }

  private RowCodec() {}

  /**
   * Spans of the five elements of a row in a byte range. For string elements {@code start[k]..end[k]} is the raw
   * content between the quotes (escapes not yet resolved), {@code escaped[k]} tells if it has a backslash.
   */
  static final class Spans {
    final int[] start = new int[5];
    final int[] end = new int[5];
    final boolean[] escaped = new boolean[5];
    long epochs;
  }

  /** Parses the row structure; throws {@link RowFormatException} naming the position in the payload. */
  static void parse(byte[] b, int off, int len, Spans s) {
    int end = off + len;
    int p = ws(b, off, end);
    expect(b, p, end, '[', off);
    p++;
    for (int k = 0; k < 5; k++) {
      p = ws(b, p, end);
      if (k == 1) {
        int q = p;
        long v = 0;
        if (q < end && b[q] == '-') {
          throw fail("element 1 (epochs) must be a positive integer", q - off);
        }
        while (q < end && b[q] >= '0' && b[q] <= '9') {
          v = v * 10 + (b[q] - '0');
          if (v > Integer.MAX_VALUE) {
            throw fail("element 1 (epochs) is too large", p - off);
          }
          q++;
        }
        if (q == p) {
          throw fail("element 1 (epochs) must be an integer, found " + describe(b, p, end), p - off);
        }
        // tolerate an integral float such as 108.0
        if (q < end && b[q] == '.') {
          q++;
          while (q < end && b[q] == '0') {
            q++;
          }
          if (q < end && b[q] >= '0' && b[q] <= '9') {
            throw fail("element 1 (epochs) must be an integer", p - off);
          }
        }
        s.epochs = v;
        s.start[k] = p;
        s.end[k] = q;
        p = q;
      } else {
        expect(b, p, end, '"', off, k);
        int q = p + 1;
        boolean esc = false;
        while (true) {
          if (q >= end) {
            throw fail("unterminated string in element " + k, p - off);
          }
          byte c = b[q];
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            esc = true;
            q++;
          }
          q++;
        }
        s.start[k] = p + 1;
        s.end[k] = q;
        s.escaped[k] = esc;
        p = q + 1;
      }
      p = ws(b, p, end);
      if (k < 4) {
        if (p < end && b[p] == ']') {
          throw fail("the row has " + (k + 1) + " elements; expected 5 (hash, epochs, adjacency, ops, metrics)",
              p - off);
        }
        expect(b, p, end, ',', off);
        p++;
      }
    }
    if (p < end && b[p] == ',') {
      throw fail("the row has more than 5 elements; expected 5 (hash, epochs, adjacency, ops, metrics)", p - off);
    }
    expect(b, p, end, ']', off);
    p = ws(b, p + 1, end);
    if (p != end) {
      throw fail("unexpected " + describe(b, p, end) + " after the closing ']'", p - off);
    }
  }

  /** The text of string element {@code k}, with JSON escapes resolved. */
  static String string(byte[] b, Spans s, int k) {
    if (!s.escaped[k]) {
      return new String(b, s.start[k], s.end[k] - s.start[k], StandardCharsets.UTF_8);
    }
    return unescape(b, s.start[k], s.end[k]);
  }

  static String unescape(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int runStart = from;
    int i = from;
    while (i < to) {
      if (b[i] != '\\') {
        i++;
        continue;
      }
      sb.append(new String(b, runStart, i - runStart, StandardCharsets.UTF_8));
      if (i + 1 >= to) {
        throw fail("dangling backslash in a string", i);
      }
      byte c = b[i + 1];
      switch (c) {
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case '/': sb.append('/'); break;
        case '\\': sb.append('\\'); break;
        case '"': sb.append('"'); break;
        case 'u':
          if (i + 6 > to) {
            throw fail("truncated \\u escape", i);
          }
          sb.append((char) hex4(b, i + 2));
          i += 4;
          break;
        default:
          throw fail("invalid escape \\" + (char) c + " in a string", i);
      }
      i += 2;
      runStart = i;
    }
    sb.append(new String(b, runStart, to - runStart, StandardCharsets.UTF_8));
    return sb.toString();
  }

  private static int hex4(byte[] b, int p) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(b[p + i], 16);
      if (d < 0) {
        throw fail("invalid \\u escape", p);
      }
      v = v << 4 | d;
    }
    return v;
  }

  /**
   * Decodes the base64 text of a raw JSON string range: standard alphabet, {@code =} padding only at the end;
   * whitespace (real or JSON-escaped {@code \n}, {@code \r}, {@code \t}) is skipped; anything else is an error.
   */
  static byte[] base64(byte[] b, int from, int to) {
    byte[] out = new byte[(to - from) * 3 / 4 + 3];
    int n = base64(b, from, to, out);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Decodes into {@code out} (at least {@code (to − from) × 3/4 + 3} bytes); returns the byte count. */
  static int base64(byte[] b, int from, int to, byte[] out) {
    int o = 0;
    int acc = 0;
    int bits = 0;
    int chars = 0;
    int pad = 0;
    int[] table = B64_CLASS;
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      int v = table[c];
      if (v >= 0) {
        if (pad > 0) {
          throw fail("bad base64: data after '=' padding", i - from);
        }
        acc = acc << 6 | v;
        bits += 6;
        chars++;
        if (bits >= 8) {
          bits -= 8;
          out[o++] = (byte) (acc >>> bits);
        }
        continue;
      }
      if (v == WS) {
        continue;
      }
      if (v == PAD) {
        chars++;
        if (++pad > 2) {
          throw fail("bad base64: more than two '=' padding characters", i - from);
        }
        continue;
      }
      if (v == ESC) {
        if (i + 1 >= to) {
          throw fail("dangling backslash in the base64 text", i - from);
        }
        int e = b[++i];
        if (e == 'n' || e == 'r' || e == 't') {
          continue;
        }
        if (e == '/') {
          c = '/';
        } else if (e == 'u' && i + 4 < to) {
          c = hex4(b, i + 1);
          i += 4;
          if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
            continue;
          }
        } else {
          throw fail("invalid escape \\" + (char) e + " in the base64 text", i - from);
        }
        v = c < 256 ? B64_VALUE[c] : -1;
        if (v < 0 && c != '=') {
          throw fail("bad base64: character U+" + Integer.toHexString(c) + " is not in the base64 alphabet",
              i - from);
        }
        if (c == '=') {
          chars++;
          if (++pad > 2) {
            throw fail("bad base64: more than two '=' padding characters", i - from);
          }
          continue;
        }
        if (pad > 0) {
          throw fail("bad base64: data after '=' padding", i - from);
        }
        acc = acc << 6 | v;
        bits += 6;
        chars++;
        if (bits >= 8) {
          bits -= 8;
          out[o++] = (byte) (acc >>> bits);
        }
        continue;
      }
      throw fail("bad base64: character " + (c >= 0x20 && c < 0x7F ? "'" + (char) c + "'"
          : String.format("0x%02X", c)) + " is not in the base64 alphabet", i - from);
    }
    if (chars % 4 != 0) {
      throw fail("bad base64: " + chars + " characters, not a multiple of 4 (truncated?)", to - from);
    }
    if ((chars - pad) % 4 == 1) {
      throw fail("bad base64: dangling final character", to - from);
    }
    return o;
  }

  /** Base64 in lines of 76 characters, each followed by a newline (Python's {@code base64.encodebytes}). */
  static String base64Lines(byte[] data) {
    String flat = java.util.Base64.getEncoder().encodeToString(data);
    StringBuilder sb = new StringBuilder(flat.length() + flat.length() / 76 + 2);
    for (int i = 0; i < flat.length(); i += 76) {
      sb.append(flat, i, Math.min(flat.length(), i + 76)).append('\n');
    }
    return sb.toString();
  }

  /** The official row: {@code ["hash", epochs, "adjacency", "ops", "base64 with \n escapes"]}. */
  static byte[] format(String hash, int epochs, String adjacency, String ops, byte[] metrics) {
    String b64 = base64Lines(metrics).replace("\n", "\\n");
    String row = "[\"" + hash + "\", " + epochs + ", \"" + adjacency + "\", \"" + ops + "\", \"" + b64 + "\"]";
    return row.getBytes(StandardCharsets.UTF_8);
  }

  private static int ws(byte[] b, int p, int end) {
    while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  private static void expect(byte[] b, int p, int end, char c, int off) {
    if (p >= end || b[p] != c) {
      throw fail("bad JSON row: expected '" + c + "' but found " + describe(b, p, end), p - off);
    }
  }

  private static void expect(byte[] b, int p, int end, char c, int off, int element) {
    if (p >= end || b[p] != c) {
      throw fail("bad JSON row: element " + element + " must be a string, found " + describe(b, p, end), p - off);
    }
  }

  private static String describe(byte[] b, int p, int end) {
    if (p >= end) {
      return "the end of the payload";
    }
    int c = b[p] & 0xFF;
    return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
  }

  private static RowFormatException fail(String msg, int pos) {
    return new RowFormatException(msg + " (payload position " + pos + ")");
  }
}
