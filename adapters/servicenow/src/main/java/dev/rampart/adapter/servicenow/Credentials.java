package dev.rampart.adapter.servicenow;

import dev.rampart.adaptersupport.http.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How requests authenticate: HTTP basic with a user and a password, or an OAuth bearer token. The
 * secret is read from the environment; messages name only the variable.
 */
final class Credentials {

  private final String authorization;
  private final Secret secret;
  private final String fix;

  private Credentials(String authorization, Secret secret, String fix) {
    this.authorization = authorization;
    this.secret = secret;
    this.fix = fix;
  }

  /** HTTP basic: the user name and the password. */
  static Credentials basic(String user, Secret password) {
    String pair = Base64.getEncoder().encodeToString((user + ":" + password.value()).getBytes(StandardCharsets.UTF_8));
    return new Credentials("Basic " + pair, password,
        "check the user '" + user + "' and the password in " + password.place());
  }

  /** An OAuth bearer token. */
  static Credentials bearer(Secret token) {
    return new Credentials("Bearer " + token.value(), token,
        "check that the token in " + token.place() + " is valid and has not expired");
  }

  /** The value of the {@code Authorization} header. */
  String authorization() {
    return authorization;
  }

  /** What to check when the instance refuses the credentials. */
  String fix() {
    return fix;
  }

  /** The text with the secret and the header's credential scrubbed out. */
  String redact(String text) {
    String credential = authorization.substring(authorization.indexOf(' ') + 1);
    return secret.redact(text).replace(credential, "[secret]");
  }

  @Override
  public String toString() {
    return authorization.substring(0, authorization.indexOf(' ')) + " credentials from " + secret.place();
  }
}
