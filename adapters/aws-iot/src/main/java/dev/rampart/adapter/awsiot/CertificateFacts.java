package dev.rampart.adapter.awsiot;

import dev.rampart.adapter.certificates.CertificateAnalyzer;
import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.CertificateStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.CACertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateValidity;

/**
 * A certificate of the AWS IoT registry, device or CA, as a {@link Certificate} fact: what its PEM
 * says, analysed, and what the registry says of it (id, status, creation date).
 */
final class CertificateFacts {

  private static final String KNOWN_STATUSES = Arrays.stream(CertificateStatus.values())
      .map(Enum::name).collect(Collectors.joining(", "));

  private CertificateFacts() {}

  /**
   * A certificate as read, with what of the answer could not be read; those fields stay unknown.
   *
   * @param certificate the certificate's facts
   * @param unknownStatus the status AWS answered when it is not one this release knows, else {@code null}
   * @param unreadablePem why the PEM AWS answered cannot be analysed, else {@code null}
   */
  record Read(Certificate certificate, @Nullable String unknownStatus, @Nullable String unreadablePem) {

    /** What is wrong with an unknown status, quoting it. */
    String statusProblem() {
      return "status '" + unknownStatus + "' is not a certificate status this release knows (" + KNOWN_STATUSES + ")";
    }
  }

  /**
   * A device certificate.
   *
   * @param issuer the registered CA certificate that issued it ({@code caCertificateId}), or
   *     {@code null} when it was registered without a CA or its CA is not readable
   */
  static Read device(CertificateDescription description, @Nullable Certificate issuer) {
    CertificateStatus status = status(description.statusAsString());
    // The registry does not say whether a CA revoked the certificate or was revoked by its own issuer
    // (Device Defender consults the issuers' CRLs): unknown, unless the registered CA is known revoked.
    Boolean issuerRevoked = issuer == null ? null : issuer.revoked();
    Boolean revoked = status == CertificateStatus.REVOKED || Boolean.TRUE.equals(issuerRevoked) ? Boolean.TRUE : null;
    Analysed analysed = analyse(description.certificatePem());
    // A certificate registered with a CA of the account was issued by a CA the organisation chose.
    Boolean organisationPki = description.caCertificateId() != null ? Boolean.TRUE
        : analysed.certificate() == null ? null : analysed.certificate().issuedByOrganisationPki();
    Certificate certificate = base(analysed.certificate(), description.validity())
        .issuedByOrganisationPki(organisationPki)
        .revoked(revoked)
        .registryId(description.certificateId())
        .registryStatus(status)
        .registeredAt(description.creationDate())
        .issuerRevoked(issuerRevoked)
        .build();
    return new Read(certificate, unknown(description.statusAsString(), status), analysed.unreadable());
  }

  /**
   * A CA certificate registered with the account. Its status in AWS IoT is ACTIVE or INACTIVE;
   * whether its own issuer revoked it the API does not say, so {@code revoked} stays unknown.
   */
  static Read ca(CACertificateDescription description) {
    CertificateStatus status = status(description.statusAsString());
    Analysed analysed = analyse(description.certificatePem());
    Certificate certificate = base(analysed.certificate(), description.validity())
        .registryId(description.certificateId())
        .registryStatus(status)
        .registeredAt(description.creationDate())
        .build();
    return new Read(certificate, unknown(description.statusAsString(), status), analysed.unreadable());
  }

  /**
   * A CA certificate as {@code iot:ListCACertificates} lists it, for when its description cannot be
   * had: its id, status and creation date; everything its PEM would tell stays unknown.
   */
  static Read listed(CACertificate listed) {
    CertificateStatus status = status(listed.statusAsString());
    Certificate certificate = Certificate.builder()
        .registryId(listed.certificateId())
        .registryStatus(status)
        .registeredAt(listed.creationDate())
        .build();
    return new Read(certificate, unknown(listed.statusAsString(), status), null);
  }

  /**
   * AWS's status as the fact model's, whose values are AWS IoT's own; {@code null} when AWS gave none
   * or one this release does not know (the SDK's {@code UNKNOWN_TO_SDK_VERSION}), which the caller reports.
   */
  private static @Nullable CertificateStatus status(@Nullable String status) {
    for (CertificateStatus known : CertificateStatus.values()) {
      if (known.name().equals(status)) {
        return known;
      }
    }
    return null;
  }

  private static @Nullable String unknown(@Nullable String answered, @Nullable CertificateStatus status) {
    return status == null && answered != null && !answered.isBlank() ? answered : null;
  }

  /** The analysed certificate, or, when its PEM cannot be read, what the API says of its validity. */
  private static Certificate.Builder base(@Nullable Certificate analysed, @Nullable CertificateValidity validity) {
    if (analysed != null) {
      return analysed.toBuilder();
    }
    return Certificate.builder()
        .notBefore(validity == null ? null : validity.notBefore())
        .notAfter(validity == null ? null : validity.notAfter());
  }

  /**
   * The certificate's own facts, or none when AWS sent no PEM or one the analyser cannot read (then
   * with the reason); the certificate then keeps what the API says (status, validity) and the rest
   * stays unknown.
   */
  private static Analysed analyse(@Nullable String pem) {
    if (pem == null || pem.isBlank()) {
      return new Analysed(null, null);
    }
    try {
      return new Analysed(CertificateAnalyzer.analyze(pem.getBytes(StandardCharsets.US_ASCII)), null);
    } catch (CertificateParseException e) {
      return new Analysed(null, e.getMessage() == null ? "it is not a certificate" : e.getMessage());
    }
  }

  private record Analysed(@Nullable Certificate certificate, @Nullable String unreadable) {}
}
