package dev.asap.trial;

import java.net.InetAddress;

/** Names the process that runs a trial as {@code host:pid}, so that other processes can tell when it died. */
public final class Owner {
  private static final String HOST = hostName();
  private static final String CURRENT = HOST + ":" + ProcessHandle.current().pid();

  private Owner() {}

  public static String current() {
    return CURRENT;
  }

  public static String host() {
    return HOST;
  }

  /**
   * True when {@code owner} names a process on this host that no longer exists. False when it lives, runs
   * elsewhere, or the owner string cannot be read: then only heartbeats can tell.
   */
  public static boolean isDeadLocalProcess(String owner) {
    if (owner == null) {
      return false;
    }
    int colon = owner.lastIndexOf(':');
    if (colon <= 0 || !owner.substring(0, colon).equals(HOST)) {
      return false;
    }
    try {
      long pid = Long.parseLong(owner.substring(colon + 1));
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }
}
