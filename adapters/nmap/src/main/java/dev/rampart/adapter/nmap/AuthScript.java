package dev.rampart.adapter.nmap;

import dev.rampart.adapter.nmap.ScriptOutput.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The authentication schemes {@code http-auth} found on one port: the scheme of every challenge of
 * the server's {@code WWW-Authenticate} header, as the service's {@code authSchemes}. The fact model
 * brings each to its canonical form ({@code Basic} is {@code basic}); a scheme it does not know stays
 * as nmap wrote it, so rules about it are UNKNOWN rather than guessing.
 */
final class AuthScript {

  static final String SCRIPT = "http-auth";

  // a challenge line of the text output: the scheme token, then its parameters, "Digest realm=x nonce=y";
  // status lines and nmap's sentences ("Server returned status 401 but no WWW-Authenticate header.") are not
  private static final Pattern CHALLENGE = Pattern.compile("^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(\\s+[^\\s=]+=.*)?$");

  private AuthScript() {}

  /** The schemes, in the server's order without repeats; {@code null} when the output names none. */
  static @Nullable List<String> schemes(ScriptOutput script) {
    Set<String> schemes = new LinkedHashSet<>();
    if (script.structured().isEmpty()) {
      for (String line : script.output().split("\\R")) {
        String challenge = line.strip();
        Matcher match = CHALLENGE.matcher(challenge);
        if (!challenge.startsWith("HTTP/") && match.matches()) {
          schemes.add(match.group(1));
        }
      }
    } else {
      // one table per challenge: <table><elem key="scheme">Basic</elem><table key="params">...</table></table>
      for (Entry entry : script.structured().entries()) {
        String scheme = entry.table() == null ? null : entry.table().text("scheme");
        if (scheme != null && !scheme.isBlank()) {
          schemes.add(scheme.strip());
        }
      }
    }
    return schemes.isEmpty() ? null : new ArrayList<>(schemes);
  }
}
