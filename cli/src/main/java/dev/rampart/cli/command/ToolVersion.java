package dev.rampart.cli.command;

import picocli.CommandLine.IVersionProvider;

/** The version of rampart, from the jar manifest's {@code Implementation-Version}. */
public final class ToolVersion implements IVersionProvider {

  /** The version reported when rampart runs from classes rather than its jar, as in tests. */
  public static final String UNRELEASED = "dev";

  /** This build's version, or {@value #UNRELEASED} outside a jar. */
  public static String current() {
    String version = ToolVersion.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? UNRELEASED : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"rampart " + current()};
  }
}
