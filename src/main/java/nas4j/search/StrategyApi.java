package nas4j.search;

/**
 * The version of the strategy contract: the types a strategy written outside nas4j may use and rely on
 * ({@link SearchStrategy}, {@link StrategyProvider}, {@link StrategyRegistry}'s loading rules,
 * {@link InvalidHandling}, {@link Sampler}; {@link nas4j.bench.Oracle} with {@link nas4j.bench.Observation},
 * {@link nas4j.bench.BudgetExhaustedException}, {@link nas4j.bench.OracleConfig}, {@link nas4j.bench.Budget};
 * {@link nas4j.space.CellSpec} with its matrix, string and 26-variable encodings, {@link nas4j.space.Op},
 * {@link nas4j.space.ModuleHash}, {@link nas4j.space.SpaceIndex}, the samplers and neighbourhoods of
 * {@code nas4j.space}) and the ask–tell protocol of the {@code external} strategy ({@code docs/ask-tell.md}).
 *
 * <p>Versioning: {@link #MAJOR} changes when a public member of those types is removed or changes meaning (a
 * plugin compiled against another major version may fail to load and is refused when its jar declares the
 * version); {@link #MINOR} changes when members are added. A plugin jar may declare the version it was built
 * against in its manifest ({@value #MANIFEST_ATTRIBUTE}{@code : 1.0}); nas4j refuses a jar whose major version
 * differs or whose minor version is newer than its own. See the Javadoc overview page.
 */
public final class StrategyApi {
  /** Major version of the strategy contract: incompatible changes. */
  public static final int MAJOR = 1;
  /** Minor version of the strategy contract: compatible additions. */
  public static final int MINOR = 0;
  /** {@code MAJOR.MINOR}. */
  public static final String VERSION = MAJOR + "." + MINOR;
  /** Manifest attribute by which a plugin jar declares the contract version it was built against. */
  public static final String MANIFEST_ATTRIBUTE = "Nas4j-Strategy-Api";

  private StrategyApi() {}

  /**
   * Null if a plugin built against {@code declared} ({@code MAJOR.MINOR}) can run on this version; otherwise the
   * reason, for an error message.
   */
  public static String incompatibility(String declared) {
    String d = declared.trim();
    if (!d.matches("\\d{1,4}\\.\\d{1,4}")) {
      return "declares " + MANIFEST_ATTRIBUTE + " '" + d + "', expected MAJOR.MINOR such as " + VERSION;
    }
    int dot = d.indexOf('.');
    int major = Integer.parseInt(d.substring(0, dot));
    int minor = Integer.parseInt(d.substring(dot + 1));
    if (major != MAJOR) {
      return "was built against strategy API " + d + ", incompatible with this nas4j's " + VERSION
          + " (major versions differ); rebuild it against this nas4j";
    }
    if (minor > MINOR) {
      return "was built against strategy API " + d + ", newer than this nas4j's " + VERSION
          + "; use a newer nas4j or rebuild the plugin against this one";
    }
    return null;
  }
}
