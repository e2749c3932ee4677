package nas4j.search;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The strategies known to this process, by name: every {@link StrategyProvider} on the class path
 * ({@link ServiceLoader}). Immutable once loaded; thread-safe.
 */
public final class StrategyRegistry {
  private final Map<String, StrategyProvider<?>> providers;

  private StrategyRegistry(Map<String, StrategyProvider<?>> providers) {
    this.providers = Collections.unmodifiableMap(providers);
  }

  /** Loads every provider visible to this class's loader; duplicate names are an error. */
  public static StrategyRegistry load() {
    Map<String, StrategyProvider<?>> m = new TreeMap<>();
    for (StrategyProvider<?> p : ServiceLoader.load(StrategyProvider.class, StrategyRegistry.class.getClassLoader())) {
      StrategyProvider<?> old = m.putIfAbsent(p.name(), p);
      if (old != null) {
        throw new IllegalStateException("two strategies are named '" + p.name() + "': "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new StrategyRegistry(m);
  }

  /** The provider of this name; an unknown name fails listing the known ones. */
  public StrategyProvider<?> provider(String name) {
    StrategyProvider<?> p = providers.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + String.join(", ", names()));
    }
    return p;
  }

  /** The providers, sorted by name. */
  public List<StrategyProvider<?>> providers() {
    return List.copyOf(providers.values());
  }

  /** Known names, sorted. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }
}
