package nas4j.search.jenetics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lower-case, dash-separated names of enum constants ({@code RECORD_AND_DROP} ↔ {@code record-and-drop}). */
final class FriendlyNames {
  private FriendlyNames() {}

  static String of(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> E parse(Class<E> type, String parameter, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(t)) {
        return e;
      }
    }
    throw new IllegalArgumentException(parameter + " '" + text + "' is not one of: "
        + Arrays.stream(type.getEnumConstants()).map(FriendlyNames::of).collect(Collectors.joining(", ")));
  }
}
