package nas4j.util;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The config spelling of enum constants, the one rule every config file, command-line option and output uses:
 * the constant's name in lower case with '-' for '_' ({@code RECORD_AND_DROP} ↔ {@code record-and-drop}). When
 * reading, case is ignored and '-' and '_' are interchangeable. Stateless.
 */
public final class ConfigNames {
  private ConfigNames() {}

  /** The config spelling of a constant. */
  public static String of(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The config spellings of all constants of a type, comma-separated, in declaration order. */
  public static <E extends Enum<E>> String allOf(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigNames::of).collect(Collectors.joining(", "));
  }

  /** The constant spelled {@code text}, or null if there is none. */
  public static <E extends Enum<E>> E find(Class<E> type, String text) {
    String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(key)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The constant spelled {@code text}; otherwise an {@link IllegalArgumentException} naming the parameter and the
   * allowed spellings ({@code sampler must be one of matrix, uniform; got 'sobol'}).
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String text, String parameter) {
    E e = text == null ? null : find(type, text);
    if (e == null) {
      throw new IllegalArgumentException(parameter + " must be one of " + allOf(type) + "; got "
          + (text == null ? "nothing" : "'" + text + "'"));
    }
    return e;
  }

  /** {@code value}, or the standard message for a missing one. */
  public static <E extends Enum<E>> E require(E value, Class<E> type, String parameter) {
    if (value == null) {
      throw new IllegalArgumentException(parameter + " must be one of " + allOf(type) + "; got nothing");
    }
    return value;
  }
}
