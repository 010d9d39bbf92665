package dev.rampart.adapter.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Certificates damaged where Bouncy Castle only looks when asked: refused as unreadable, never a crash. */
class HostileCertificateTest {

  @Test
  void aValidityTimeThatIsNoTimeIsRefused() {
    // Found by NmapScanFuzzTest (crash-certificate-with-malformed-time.xml): the holder parses, and
    // reading notBefore threw an IllegalStateException out of the analyser.
    byte[] der = TestCertificates.subject("CN=cam-01", TestCertificates.ecP256()).selfSigned().der();
    byte[] utcTime = "250101000000Z".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(der, utcTime);
    der[at + 6] = (byte) 0xff;

    CertificateParseException e = assertThrows(CertificateParseException.class, () -> CertificateAnalyzer.analyze(der));

    assertEquals("not a readable certificate: invalid date string: Unparseable date: \"20250101\u00ff00000GMT+00:00\"",
        e.getMessage());
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      boolean match = true;
      for (int j = 0; j < part.length && match; j++) {
        match = bytes[i + j] == part[j];
      }
      if (match) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }
}
