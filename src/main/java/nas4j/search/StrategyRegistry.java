package nas4j.search;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import nas4j.util.Sha256;

/**
 * The strategies known to this process, by name: every {@link StrategyProvider} on nas4j's class path (the
 * built-in ones and any the user put on the class path) and, optionally, those of plugin jars loaded from folders
 * ({@link #load(Collection)}), each jar in its own class loader whose parent is nas4j's. Immutable once loaded;
 * thread-safe.
 *
 * <p>A plugin jar lists its providers in {@code META-INF/services/nas4j.search.StrategyProvider}. Loading fails
 * with a {@link PluginException} (a clear message naming the jar, no stack trace needed) when a jar is not a jar,
 * declares no provider, a provider cannot be loaded or instantiated (missing class, wrong Java version, constructor
 * that throws, a class compiled against an incompatible strategy API), declares an incompatible
 * {@link StrategyApi#MANIFEST_ATTRIBUTE}, or uses a name already taken by a class-path strategy or another plugin.
 */
public final class StrategyRegistry {
  /** Where the service file of providers lives inside a jar. */
  public static final String SERVICE_FILE = "META-INF/services/" + StrategyProvider.class.getName();

  private final Map<String, StrategyProvider<?>> providers;

  private StrategyRegistry(Map<String, StrategyProvider<?>> providers) {
    this.providers = Collections.unmodifiableMap(providers);
  }

  /** A plugin jar could not be used; the message names the jar and the reason. */
  public static final class PluginException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
      super(message);
    }
  }

  /**
   * Where a provider comes from: {@code built-in} (nas4j itself), {@code class-path} (another class-path entry) or
   * {@code plugin} (a jar loaded by {@link #load(Collection)}, with its SHA-256).
   *
   * @param location the jar or folder the provider class was loaded from (may be null)
   * @param sha256 hex SHA-256 of a plugin jar, else null
   */
  public record Origin(String kind, Path location, String sha256) {
    /** For listings: {@code built-in}, {@code class-path <location>} or {@code plugin <jar>}. */
    @Override
    public String toString() {
      return location == null || kind.equals("built-in") ? kind : kind + " " + location;
    }

    /** True for a provider loaded from a plugin jar. */
    public boolean isPlugin() {
      return kind.equals("plugin");
    }
  }

  /** Loads every provider visible to this class's loader (no plugin jars); duplicate names are an error. */
  public static StrategyRegistry load() {
    return load(List.of());
  }

  /**
   * Loads the class-path providers, then those of each plugin jar (in the order given).
   *
   * @throws PluginException if a jar cannot be used (see the class comment)
   */
  public static StrategyRegistry load(Collection<Path> pluginJars) {
    Map<String, StrategyProvider<?>> m = new TreeMap<>();
    for (StrategyProvider<?> p : ServiceLoader.load(StrategyProvider.class, StrategyRegistry.class.getClassLoader())) {
      StrategyProvider<?> old = m.putIfAbsent(p.name(), p);
      if (old != null) {
        throw new IllegalStateException("two strategies are named '" + p.name() + "': "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    for (Path jar : new LinkedHashSet<>(pluginJars)) {
      for (StrategyProvider<?> p : loadJar(jar)) {
        StrategyProvider<?> old = m.putIfAbsent(p.name(), p);
        if (old != null) {
          Origin o = origin(old);
          throw new PluginException("plugin " + jar + ": its strategy '" + p.name() + "' ("
              + p.getClass().getName() + ") has the name of " + (o.isPlugin() ? "a strategy of plugin "
              + o.location() : "a " + o.kind() + " strategy") + " (" + old.getClass().getName()
              + "); rename it (StrategyProvider.name())");
        }
      }
    }
    return new StrategyRegistry(m);
  }

  /**
   * The {@code *.jar} files of a folder, sorted by name.
   *
   * @throws PluginException if the folder does not exist or cannot be listed
   */
  public static List<Path> jarsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new PluginException("plugin folder " + folder + " does not exist or is not a folder");
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new PluginException("plugin folder " + folder + " cannot be listed: " + e.getMessage());
    }
  }

  /** The jars of several folders, in order, without repeats. */
  public static List<Path> jarsIn(Collection<Path> folders) {
    Set<Path> jars = new LinkedHashSet<>();
    for (Path f : folders) {
      for (Path j : jarsIn(f)) {
        jars.add(j.toAbsolutePath().normalize());
      }
    }
    return List.copyOf(jars);
  }

  private static List<StrategyProvider<?>> loadJar(Path jar) {
    String sha = checkJar(jar);
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new PluginException("plugin " + jar + ": not a usable path (" + e.getMessage() + ")");
    }
    PluginClassLoader loader = new PluginClassLoader(jar, sha, url, StrategyRegistry.class.getClassLoader());
    if (loader.findResource(SERVICE_FILE) == null) {
      throw new PluginException("plugin " + jar + " declares no strategy: it has no " + SERVICE_FILE
          + " listing its StrategyProvider classes");
    }
    List<StrategyProvider<?>> found = new ArrayList<>();
    @SuppressWarnings("rawtypes")
    Iterator<StrategyProvider> it = ServiceLoader.load(StrategyProvider.class, loader).iterator();
    while (true) {
      StrategyProvider<?> p;
      try {
        if (!it.hasNext()) {
          break;
        }
        p = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        throw new PluginException("plugin " + jar + ": a strategy cannot be loaded: " + reason(e));
      }
      if (p.getClass().getClassLoader() != loader) {
        continue; // a class-path provider seen through the parent loader
      }
      String name;
      try {
        name = p.name();
        p.description();
        p.defaults();
        p.parametersType();
        p.presets();
      } catch (RuntimeException | LinkageError e) {
        throw new PluginException("plugin " + jar + ": strategy class " + p.getClass().getName()
            + " fails to describe itself: " + reason(e));
      }
      if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new PluginException("plugin " + jar + ": strategy class " + p.getClass().getName() + " has the name '"
            + name + "'; names are lower case words joined by '-' (e.g. simulated-annealing)");
      }
      found.add(p);
    }
    if (found.isEmpty()) {
      throw new PluginException("plugin " + jar + " declares no strategy of its own in " + SERVICE_FILE);
    }
    return found;
  }

  /** Checks the jar is a readable jar with a compatible declared API version; returns its SHA-256. */
  private static String checkJar(Path jar) {
    try (JarFile jf = new JarFile(jar.toFile())) {
      Manifest mf = jf.getManifest();
      String declared = mf == null ? null : mf.getMainAttributes().getValue(StrategyApi.MANIFEST_ATTRIBUTE);
      if (declared != null) {
        String why = StrategyApi.incompatibility(declared);
        if (why != null) {
          throw new PluginException("plugin " + jar + " " + why);
        }
      }
    } catch (ZipException e) {
      throw new PluginException("plugin " + jar + " is not a jar (zip) file: " + e.getMessage());
    } catch (IOException | SecurityException e) {
      throw new PluginException("plugin " + jar + " cannot be read: " + e.getMessage());
    }
    try {
      return Sha256.ofFile(jar);
    } catch (IOException e) {
      throw new PluginException("plugin " + jar + " cannot be read: " + e.getMessage());
    }
  }

  private static String reason(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = new LinkedHashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String msg = t.getMessage();
      String kind = t instanceof ServiceConfigurationError ? "" : t.getClass().getSimpleName();
      if (sb.length() > 0) {
        sb.append(": ");
      }
      if (t instanceof UnsupportedClassVersionError) {
        sb.append("compiled for a newer Java than this one (").append(System.getProperty("java.version"))
            .append("): ").append(msg);
      } else if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
        sb.append("missing class ").append(msg == null ? "" : msg.replace('/', '.'))
            .append(" (a dependency of the plugin that is neither in its jar nor in nas4j)");
      } else if (t instanceof NoSuchMethodError || t instanceof AbstractMethodError
          || t instanceof IncompatibleClassChangeError) {
        sb.append("built against an incompatible nas4j (strategy API ").append(StrategyApi.VERSION).append("): ")
            .append(kind).append(' ').append(msg);
      } else {
        sb.append(kind.isEmpty() ? "" : kind + (msg == null ? "" : " ")).append(msg == null ? "" : msg);
      }
    }
    return sb.toString();
  }

  /** Where a provider was loaded from. */
  public static Origin origin(StrategyProvider<?> provider) {
    ClassLoader cl = provider.getClass().getClassLoader();
    if (cl instanceof PluginClassLoader) {
      PluginClassLoader pl = (PluginClassLoader) cl;
      return new Origin("plugin", pl.jar, pl.sha256);
    }
    Path here = location(StrategyRegistry.class);
    Path there = location(provider.getClass());
    if (there == null || there.equals(here)) {
      return new Origin("built-in", there, null);
    }
    return new Origin("class-path", there, null);
  }

  private static Path location(Class<?> c) {
    try {
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      return cs == null || cs.getLocation() == null ? null : Path.of(cs.getLocation().toURI());
    } catch (Exception e) {
      return null;
    }
  }

  /** A plugin jar's class loader: remembers the jar (and its SHA-256) for {@link #origin}. */
  private static final class PluginClassLoader extends URLClassLoader {
    static {
      ClassLoader.registerAsParallelCapable();
    }

    final Path jar;
    final String sha256;

    PluginClassLoader(Path jar, String sha256, URL url, ClassLoader parent) {
      super("nas4j-plugin:" + jar.getFileName(), new URL[] {url}, parent);
      this.jar = jar;
      this.sha256 = sha256;
    }
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
