package dev.rampart.adapter.inventory;

import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.adapter.certificates.TrustMaterial;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns the contents of trust anchor and CRL files into the {@link TrustMaterial} certificates are judged against. */
final class TrustFiles {

  private static final String PEM_MARKER = "-----BEGIN ";

  private TrustFiles() {}

  /** Checks that one anchor file holds certificates; the message says why not. */
  static void checkAnchor(byte[] anchor) throws CertificateParseException {
    TrustMaterial.anchors(anchor);
  }

  /** Checks that a file holds a CRL; the message says why not. */
  static void checkCrl(byte[] crl) throws CertificateParseException {
    TrustMaterial.none().withCrl(crl);
  }

  /**
   * The trust material of checked anchor files (each PEM or DER) and an optional CRL.
   *
   * @param organisationPki whether a chain to the anchors means the organisation's PKI issued the certificate
   */
  static TrustMaterial of(List<byte[]> anchors, boolean organisationPki, byte @Nullable [] crl)
      throws CertificateParseException {
    TrustMaterial material = TrustMaterial.none();
    if (!anchors.isEmpty()) {
      byte[] bundle = bundle(anchors);
      material = organisationPki ? TrustMaterial.organisationPki(bundle) : TrustMaterial.anchors(bundle);
    }
    return crl == null ? material : material.withCrl(crl);
  }

  /** One PEM bundle of all anchors, since the trust material takes one encoding. */
  private static byte[] bundle(List<byte[]> anchors) {
    ByteArrayOutputStream pem = new ByteArrayOutputStream();
    for (byte[] anchor : anchors) {
      if (new String(anchor, StandardCharsets.ISO_8859_1).contains(PEM_MARKER)) {
        pem.writeBytes(anchor);
        pem.write('\n');
      } else {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(anchor);
        pem.writeBytes(("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n")
            .getBytes(StandardCharsets.US_ASCII));
      }
    }
    return pem.toByteArray();
  }
}
