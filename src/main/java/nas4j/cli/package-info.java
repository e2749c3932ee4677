/**
 * The {@code nas4j} command line: thin picocli commands (parse, call the library, print), registered in
 * {@link nas4j.cli.Main}. User errors print one message and exit with code 2 ({@code UserErrors}); every command
 * that prints results takes {@code --json} ({@link nas4j.cli.JsonOut}, stable snake_case fields).
 *
 * <p>May depend on every nas4j package; nothing depends on it. The only place for picocli.
 */
package nas4j.cli;
