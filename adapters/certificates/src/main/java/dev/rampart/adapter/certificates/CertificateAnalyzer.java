package dev.rampart.adapter.certificates;

import dev.rampart.spi.fact.Certificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jspecify.annotations.Nullable;

/**
 * Turns an X.509 certificate, PEM or DER, into a {@link Certificate} fact.
 *
 * <p>Everything the certificate itself says is filled in; {@code selfSigned} means the signature
 * really verifies with the certificate's own key, and is unknown for a certificate that names itself
 * as its issuer but whose signature does not verify with its own key. Chain validity, PKI origin and revocation depend
 * on what the caller trusts, so they stay {@code null} (unknown) unless {@link TrustMaterial} is given.
 */
public final class CertificateAnalyzer {

  private CertificateAnalyzer() {}

  /**
   * Analyses a certificate on its own.
   *
   * @param encoded a DER certificate, or PEM text with one or more certificates, of which the first
   *     (the leaf) is analysed
   * @throws CertificateParseException when the bytes hold no readable certificate
   */
  public static Certificate analyze(byte[] encoded) throws CertificateParseException {
    return analyze(encoded, TrustMaterial.none());
  }

  /**
   * Analyses a certificate and judges its chain and revocation against what the caller trusts.
   *
   * @param encoded a DER certificate, or PEM text whose first certificate is the leaf and whose
   *     further certificates are intermediates that may be used to build the chain
   * @param trust anchors and CRL to judge {@code chainValid}, {@code issuedByOrganisationPki} and
   *     {@code revoked}; {@link TrustMaterial#none()} leaves them unknown
   * @throws CertificateParseException when the bytes hold no readable certificate
   */
  public static Certificate analyze(byte[] encoded, TrustMaterial trust) throws CertificateParseException {
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(trust, "trust");
    List<X509CertificateHolder> bundle = Encodings.certificates(encoded);
    return analyze(bundle.get(0), bundle.subList(1, bundle.size()), trust);
  }

  /**
   * Analyses a certificate already decoded, with the certificates that may complete its chain.
   *
   * @throws CertificateParseException when a field Bouncy Castle decodes only when asked is malformed
   */
  static Certificate analyze(X509CertificateHolder leaf, List<X509CertificateHolder> intermediates, TrustMaterial trust)
      throws CertificateParseException {
    List<X509CertificateHolder> bundle = new ArrayList<>();
    bundle.add(leaf);
    bundle.addAll(intermediates);
    try {
      return analyze(bundle, trust);
    } catch (RuntimeException e) {
      throw new CertificateParseException("not a readable certificate: " + e.getMessage(), e);
    }
  }

  // Bouncy Castle decodes some fields (such as the validity times) only when asked, and reports a
  // malformed one with an unchecked exception: the certificate's fault, not ours.
  private static Certificate analyze(List<X509CertificateHolder> bundle, TrustMaterial trust) {
    X509CertificateHolder leaf = bundle.get(0);
    List<X509CertificateHolder> intermediates = bundle.subList(1, bundle.size());
    PublicKeys key = PublicKeys.of(leaf.getSubjectPublicKeyInfo());

    Boolean chainValid = trust.anchorCertificates().isEmpty()
        ? null : Chains.buildsToAnchor(leaf, intermediates, trust.anchorCertificates());
    Boolean organisationPki = trust.isOrganisationPki() ? chainValid : null;
    X509CRLHolder crl = trust.crl();
    Boolean revoked = crl == null ? null : Chains.revoked(leaf, crl, issuerCandidates(bundle, trust));

    return Certificate.builder()
        .subject(Names.rfc4514(leaf.getSubject()))
        .issuer(Names.rfc4514(leaf.getIssuer()))
        .serialNumber(leaf.getSerialNumber().toString(16))
        .keyAlgorithm(key.algorithm())
        .keySize(key.size())
        .signatureAlgorithm(Names.signatureAlgorithm(leaf.getSignatureAlgorithm()))
        .notBefore(leaf.getNotBefore().toInstant())
        .notAfter(leaf.getNotAfter().toInstant())
        .selfSigned(selfSigned(leaf))
        .issuedByOrganisationPki(organisationPki)
        .chainValid(chainValid)
        .revoked(revoked)
        .ca(isCa(leaf))
        .subjectAltNames(subjectAltNames(leaf))
        .sha256Fingerprint(sha256(leaf))
        .build();
  }

  /**
   * Whether the signature verifies with the certificate's own key. A certificate that names itself as
   * its issuer but whose signature does not verify is damaged, forged, or issued by another CA of the
   * same name; the certificate alone cannot tell which, so it is unknown, never "not self-signed".
   */
  private static @Nullable Boolean selfSigned(X509CertificateHolder certificate) {
    Boolean verifies = Chains.signedBy(certificate, certificate);
    if (Boolean.FALSE.equals(verifies) && certificate.getSubject().equals(certificate.getIssuer())) {
      return null;
    }
    return verifies;
  }

  private static List<X509CertificateHolder> issuerCandidates(List<X509CertificateHolder> bundle, TrustMaterial trust) {
    List<X509CertificateHolder> candidates = new ArrayList<>(bundle);
    candidates.addAll(trust.anchorCertificates());
    return candidates;
  }

  static boolean isCa(X509CertificateHolder certificate) {
    // RFC 5280: without the basic-constraints extension the subject is not a CA.
    BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
    return constraints != null && constraints.isCA();
  }

  /** DNS names, IP addresses and URIs; an empty list when the certificate has none. */
  private static List<String> subjectAltNames(X509CertificateHolder certificate) {
    GeneralNames names = GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName);
    if (names == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (GeneralName name : names.getNames()) {
      String text = switch (name.getTagNo()) {
        case GeneralName.dNSName, GeneralName.uniformResourceIdentifier -> ((ASN1String) name.getName()).getString();
        case GeneralName.iPAddress -> ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets());
        default -> null;
      };
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  private static @Nullable String ipAddress(byte[] octets) {
    try {
      return InetAddress.getByAddress(octets).getHostAddress();
    } catch (UnknownHostException e) {
      // Neither 4 nor 16 bytes (a name constraint's address and mask does not belong in a SAN).
      return null;
    }
  }

  private static String sha256(X509CertificateHolder certificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | IOException e) {
      // Every JDK has SHA-256, and a parsed holder re-encodes without failure.
      throw new IllegalStateException("cannot compute a SHA-256 fingerprint", e);
    }
  }
}
