package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void theValueIsScrubbedFromAnyTextAndNeverShown() {
    Secret secret = new Secret("s3cr3t", "$NETBOX_TOKEN");

    assertEquals("Malformed header 'Token [secret]', again [secret]", secret.redact("Malformed header 'Token s3cr3t', again s3cr3t"));
    assertEquals("secret from $NETBOX_TOKEN", secret.toString());
    assertEquals("$NETBOX_TOKEN", secret.place());
  }

  @Test
  void anEmptySecretScrubsNothing() {
    assertEquals("text", new Secret("", "$EMPTY").redact("text"));
  }
}
