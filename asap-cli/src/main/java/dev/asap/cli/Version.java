package dev.asap.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version packaged in the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = AsapCommand.class.getPackage().getImplementationVersion();
    return new String[] {"asap " + (v == null ? "(development build)" : v)};
  }
}
