package dev.rampart.adapter.nmap;

import dev.rampart.adapter.nmap.ScriptOutput.Entry;
import dev.rampart.adapter.nmap.ScriptOutput.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ssl-enum-ciphers} found on one port: the protocol versions offered and whether any
 * cipher suite is weak.
 *
 * @param tlsVersions versions as the fact model writes them ({@code ssl3}, {@code 1.0} ... {@code 1.3}), in
 *     nmap's order; empty when the script found none
 * @param weakCiphers {@code true} when nmap graded any offered suite below A (or, before nmap 6.49, called
 *     one weak); {@code false} when every graded suite is A; {@code null} when no suite was graded
 */
record CipherScan(List<String> tlsVersions, @Nullable Boolean weakCiphers) {

  static final String SCRIPT = "ssl-enum-ciphers";

  private static final Pattern VERSION = Pattern.compile("(SSLv[23]|TLSv1\\.[0-3]|TLSv1)");
  private static final Pattern TEXT_VERSION = Pattern.compile("^\\s*(SSLv[23]|TLSv1(?:\\.[0-3])?):\\s*$");
  // "TLS_RSA_WITH_AES_128_CBC_SHA (rsa 2048) - A" since nmap 6.49; "TLS_RSA_WITH_RC4_128_MD5 - strong" before.
  private static final Pattern TEXT_CIPHER = Pattern.compile("^\\s*\\w+.*\\s-\\s+([A-F]|strong|weak|unknown)\\s*$");
  private static final Pattern TEXT_LEAST = Pattern.compile("^\\s*least strength:\\s*(\\S+)\\s*$");

  CipherScan {
    tlsVersions = List.copyOf(tlsVersions);
  }

  /** Reads the script's structured output when there is one, else its text. */
  static CipherScan of(ScriptOutput script) {
    return script.structured().isEmpty() ? fromText(script.output()) : fromTables(script.structured());
  }

  private static CipherScan fromTables(Table root) {
    Set<String> versions = new LinkedHashSet<>();
    List<String> grades = new ArrayList<>();
    for (Entry entry : root.entries()) {
      String version = entry.key() == null ? null : version(entry.key());
      if (version != null && entry.table() != null) {
        versions.add(version);
        for (Entry cipher : entry.table().table("ciphers").entries()) {
          if (cipher.table() != null && cipher.table().text("strength") != null) {
            grades.add(cipher.table().text("strength"));
          }
        }
      }
    }
    String least = root.text("least strength");
    if (least != null) {
      grades.add(least);
    }
    return new CipherScan(List.copyOf(versions), weak(grades));
  }

  private static CipherScan fromText(String output) {
    Set<String> versions = new LinkedHashSet<>();
    List<String> grades = new ArrayList<>();
    for (String line : output.split("\\R")) {
      Matcher version = TEXT_VERSION.matcher(line);
      Matcher cipher = TEXT_CIPHER.matcher(line);
      Matcher least = TEXT_LEAST.matcher(line);
      if (version.matches()) {
        versions.add(version(version.group(1)));
      } else if (least.matches()) {
        grades.add(least.group(1));
      } else if (cipher.matches()) {
        grades.add(cipher.group(1));
      }
    }
    return new CipherScan(List.copyOf(versions), weak(grades));
  }

  /** {@code TLSv1.2} as {@code 1.2}, {@code SSLv3} as {@code ssl3}; {@code null} for keys that are no version. */
  static @Nullable String version(String nmapName) {
    if (!VERSION.matcher(nmapName).matches()) {
      return null;
    }
    if (nmapName.startsWith("SSLv")) {
      return "ssl" + nmapName.substring(4);
    }
    return nmapName.equals("TLSv1") ? "1.0" : nmapName.substring(4);
  }

  private static @Nullable Boolean weak(List<String> grades) {
    boolean graded = false;
    for (String grade : grades) {
      String normal = grade.trim().toLowerCase(Locale.ROOT);
      if (normal.equals("a") || normal.equals("strong")) {
        graded = true;
      } else if (normal.matches("[b-f]") || normal.equals("weak")) {
        return true;
      }
    }
    return graded ? false : null;
  }
}
