package nas4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny JSON writer for command output (stable key order, {@code Locale.ROOT} numbers, no dependencies).
 * Values: null, String, Number, Boolean, Map (keys in iteration order), List, int[][]/int[], double[].
 */
public final class JsonOut {
  private JsonOut() {}

  /** One value as compact JSON text. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      string(sb, (String) v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        sb.append("null");
      } else {
        sb.append(Double.toString(d));
      }
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        append(sb, o);
      }
      sb.append(']');
    } else if (v instanceof int[][]) {
      sb.append('[');
      int[][] m = (int[][]) v;
      for (int i = 0; i < m.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, m[i]);
      }
      sb.append(']');
    } else if (v instanceof int[]) {
      sb.append('[');
      int[] a = (int[]) v;
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(a[i]);
      }
      sb.append(']');
    } else if (v instanceof double[]) {
      sb.append('[');
      double[] a = (double[]) v;
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, a[i]);
      }
      sb.append(']');
    } else {
      string(sb, v.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
