package nas4j.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"nas4j " + (v == null ? "dev" : v)};
  }
}
