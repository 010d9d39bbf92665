package dev.rampart.adapter.nmap;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ssl-known-key} found on one port: the certificate's key is in a public list of keys that
 * are shared or compromised (Little Black Box: private keys extracted from device firmware).
 *
 * @param database the list nmap found the key in, e.g. {@code Little Black Box 0.1}
 * @param sha1 the certificate's SHA-1 fingerprint as nmap matched it, lower-case hex without spaces;
 *     {@code null} when nmap did not print it
 */
record KnownKeyScript(String database, @Nullable String sha1) {

  static final String SCRIPT = "ssl-known-key";

  // "Found in Little Black Box 0.1 - http://code.google.com/p/littleblackbox/ (SHA-1: ce25 3a40 ... 9490)"
  private static final Pattern TEXT = Pattern.compile(
      "Found in (.+?)(?: - \\S+)? \\(SHA-1: ([0-9A-Fa-f ]+)\\)");

  /** The first list the key was found in, or {@code null} when the output names none. */
  static @Nullable KnownKeyScript of(ScriptOutput script) {
    String section = script.structured().text("section");
    if (section != null) {
      String sha1 = script.structured().text("sha1");
      return new KnownKeyScript(section, hex(sha1 != null ? sha1 : script.structured().text("fingerprint")));
    }
    Matcher found = TEXT.matcher(script.output());
    return found.find() ? new KnownKeyScript(found.group(1).trim(), hex(found.group(2))) : null;
  }

  private static @Nullable String hex(@Nullable String fingerprint) {
    return fingerprint == null ? null : fingerprint.replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
