package nas4j.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of enum config names: case-insensitive, '-' and '_' interchangeable. */
final class Names {
  private Names() {}

  static <E extends Enum<E>> E parse(Class<E> type, String text, String parameter) {
    String known = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    if (text == null) {
      throw new IllegalArgumentException(parameter + " must be one of " + known + "; got nothing");
    }
    String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E e : type.getEnumConstants()) {
      if (e.toString().equals(key) || e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException(parameter + " must be one of " + known + "; got '" + text + "'");
  }

  /** Throws the standard message for a missing enum value. */
  static <E extends Enum<E>> E require(E value, Class<E> type, String parameter) {
    if (value == null) {
      String known = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(parameter + " must be one of " + known + "; got nothing");
    }
    return value;
  }

  static int checkRange(String parameter, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(parameter + " must be in " + min + ".." + max + "; got " + value);
    }
    return value;
  }
}
