package dev.rampart.adapter.certificates;

import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jspecify.annotations.Nullable;

/**
 * What a certificate is checked against: trust anchors (the organisation's PKI or other trusted
 * CAs) and a CRL, each optional. Without anchors a chain cannot be judged; without a CRL neither
 * can revocation, and the analysis leaves those fields unknown.
 */
public final class TrustMaterial {

  private static final TrustMaterial NONE = new TrustMaterial(List.of(), false, null);

  private final List<X509CertificateHolder> anchors;
  private final boolean organisationPki;
  private final @Nullable X509CRLHolder crl;

  private TrustMaterial(List<X509CertificateHolder> anchors, boolean organisationPki, @Nullable X509CRLHolder crl) {
    this.anchors = List.copyOf(anchors);
    this.organisationPki = organisationPki;
    this.crl = crl;
  }

  /** No anchors and no CRL: chain validity, PKI origin and revocation stay unknown. */
  public static TrustMaterial none() {
    return NONE;
  }

  /**
   * The root (or issuing) CAs of the organisation's own PKI, as PEM (one or more certificates) or
   * DER. A certificate whose chain builds to one of them is both {@code chainValid} and
   * {@code issuedByOrganisationPki}; one whose chain does not is neither.
   */
  public static TrustMaterial organisationPki(byte[] anchorCertificates) throws CertificateParseException {
    return new TrustMaterial(Encodings.certificates(requireNonNull(anchorCertificates)), true, null);
  }

  /**
   * Trusted CAs that are not the organisation's own (a public or vendor PKI), as PEM or DER. Only
   * {@code chainValid} is judged; whether the organisation's PKI issued the certificate stays unknown.
   */
  public static TrustMaterial anchors(byte[] anchorCertificates) throws CertificateParseException {
    return new TrustMaterial(Encodings.certificates(requireNonNull(anchorCertificates)), false, null);
  }

  /**
   * The same anchors with a CRL (PEM or DER). A certificate is {@code revoked} when the CRL was
   * issued by the certificate's issuer, its signature verifies with that issuer's key, and it lists
   * the certificate's serial number; otherwise revocation stays unknown.
   */
  public TrustMaterial withCrl(byte[] crl) throws CertificateParseException {
    return new TrustMaterial(anchors, organisationPki, Encodings.crl(requireNonNull(crl)));
  }

  List<X509CertificateHolder> anchorCertificates() {
    return anchors;
  }

  boolean isOrganisationPki() {
    return organisationPki;
  }

  @Nullable X509CRLHolder crl() {
    return crl;
  }

  private static byte[] requireNonNull(byte[] bytes) {
    return Objects.requireNonNull(bytes, "bytes");
  }
}
