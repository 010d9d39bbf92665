package dev.rampart.engine.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.PackSignatureException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Verified loading on its own, with no signing tool: packs signed once and committed (with
 * rampart-pack-signing, whose private key was then thrown away; their .gitattributes keeps them byte
 * for byte), and the public key that signed them. The signing round trip and every refusal are
 * specified in rampart-pack-signing's PackSigningTest.
 */
class VerifiedChainTest {

  private static final Path FIXTURES = Path.of("src/test/resources/dev/rampart/engine/signing");

  @Test
  void anUnsignedBuiltInBaseIsRefused() throws Exception {
    // tailored is signed, on its base test-baseline, a built-in pack of the test class path that is not
    Path tailored = FIXTURES.resolve("tailored");
    TrustedKeys trusted = TrustedKeys.of(VerifyingKey.read(FIXTURES.resolve("signer.pub")));

    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> RulePacks.loadVerified(tailored, trusted));

    assertEquals(PackSignatureException.Reason.UNSIGNED, refused.reason());
    assertEquals(("""
        rule pack classpath:dev/rampart/packs/test-baseline/pack.yaml, the base of {tailored}/pack.yaml, is refused:\
         it is not signed
        1. classpath:dev/rampart/packs/test-baseline/pack.sig: there is no signature file (this rampart-rule-packs\
         jar was built without signing its packs; use a jar built by Maven, which signs them)""")
        .replace("{tailored}", tailored.toString()), text(refused));
  }

  private static String text(Exception e) {
    return e.getMessage().replace(System.lineSeparator(), "\n");
  }
}
