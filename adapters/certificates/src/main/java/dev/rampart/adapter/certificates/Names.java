package dev.rampart.adapter.certificates;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/** The texts a certificate fact carries: distinguished names and signature algorithm names. */
final class Names {

  private static final DefaultAlgorithmNameFinder ALGORITHMS = new DefaultAlgorithmNameFinder();
  // Names Bouncy Castle's finder does not know, in the JDK's spelling.
  private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.of(
      EdECObjectIdentifiers.id_Ed25519, "Ed25519",
      EdECObjectIdentifiers.id_Ed448, "Ed448",
      PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS");

  private Names() {}

  /**
   * The name as RFC 4514 writes it: the last relative name first, e.g. {@code CN=cam-01,O=Acme,C=DE}
   * for a name encoded as C, O, CN.
   */
  static String rfc4514(X500Name name) {
    RDN[] encoded = name.getRDNs();
    RDN[] reversed = new RDN[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      reversed[i] = encoded[encoded.length - 1 - i];
    }
    return BCStyle.INSTANCE.toString(new X500Name(reversed));
  }

  /** The JDK's name of a signature algorithm, e.g. {@code SHA256withRSA}, or its OID when unknown. */
  static String signatureAlgorithm(AlgorithmIdentifier algorithm) {
    String known = SIGNATURES.get(algorithm.getAlgorithm());
    if (known != null) {
      return known;
    }
    // The finder answers e.g. SHA256WITHECDSA, or the OID itself when it does not know the algorithm.
    return ALGORITHMS.getAlgorithmName(algorithm).replace("WITH", "with");
  }
}
