package dev.rampart.adapter.nmap;

import dev.rampart.adapter.nmap.ScriptOutput.Entry;
import dev.rampart.adapter.nmap.ScriptOutput.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@code sslv2} found on one port: whether the server speaks SSL 2.0, and the cipher suites it
 * offers with it.
 *
 * @param supported nmap wrote "SSLv2 supported"
 * @param ciphers the SSL 2.0 cipher suites offered ({@code SSL2_RC4_128_EXPORT40_WITH_MD5} ...), in nmap's order
 */
record SslV2Script(boolean supported, List<String> ciphers) {

  static final String SCRIPT = "sslv2";

  private static final String SUPPORTED = "SSLv2 supported";
  private static final Pattern CIPHER = Pattern.compile("SSL2_\\w+");

  SslV2Script {
    ciphers = List.copyOf(ciphers);
  }

  /** Reads the structured output (nmap 6.49 and later) and the text, which every version writes. */
  static SslV2Script of(ScriptOutput script) {
    Set<String> ciphers = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>();
    collect(script.structured(), texts);
    texts.add(script.output());
    boolean supported = false;
    for (String text : texts) {
      supported |= text.contains(SUPPORTED);
      Matcher cipher = CIPHER.matcher(text);
      while (cipher.find()) {
        ciphers.add(cipher.group());
      }
    }
    return new SslV2Script(supported || !ciphers.isEmpty(), List.copyOf(ciphers));
  }

  /**
   * Every SSL 2.0 cipher suite is weak: each authenticates with MD5, and the rest are export-grade,
   * RC4, RC2, DES or 3DES (RFC 6176 forbids the protocol). {@code null} when nmap listed none.
   */
  @Nullable Boolean weakCiphers() {
    return ciphers.isEmpty() ? null : Boolean.TRUE;
  }

  private static void collect(Table table, List<String> texts) {
    for (Entry entry : table.entries()) {
      if (entry.text() != null) {
        texts.add(entry.text());
      } else if (entry.table() != null) {
        collect(entry.table(), texts);
      }
    }
  }
}
