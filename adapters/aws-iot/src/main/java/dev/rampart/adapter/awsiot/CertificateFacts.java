package dev.rampart.adapter.awsiot;

import dev.rampart.adapter.certificates.CertificateAnalyzer;
import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.CertificateStatus;
import dev.rampart.spi.source.SourceProblems;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
   * A device certificate.
   *
   * @param issuer the registered CA certificate that issued it ({@code caCertificateId}), or
   *     {@code null} when it was registered without a CA or its CA is not readable
   * @param problems where a status this release does not know is reported
   */
  static Certificate device(CertificateDescription description, @Nullable Certificate issuer, SourceProblems problems) {
    CertificateStatus status = status(description.certificateArn(), description.statusAsString(), problems);
    // The registry does not say whether a CA revoked the certificate or was revoked by its own issuer
    // (Device Defender consults the issuers' CRLs): unknown, unless the registered CA is known revoked.
    Boolean issuerRevoked = issuer == null ? null : issuer.revoked();
    Boolean revoked = status == CertificateStatus.REVOKED || Boolean.TRUE.equals(issuerRevoked) ? Boolean.TRUE : null;
    Certificate analysed = analyse(description.certificatePem());
    // A certificate registered with a CA of the account was issued by a CA the organisation chose.
    Boolean organisationPki = description.caCertificateId() != null ? Boolean.TRUE
        : analysed == null ? null : analysed.issuedByOrganisationPki();
    return base(analysed, description.validity())
        .issuedByOrganisationPki(organisationPki)
        .revoked(revoked)
        .registryId(description.certificateId())
        .registryStatus(status)
        .registeredAt(description.creationDate())
        .issuerRevoked(issuerRevoked)
        .build();
  }

  /**
   * A CA certificate registered with the account. Its status in AWS IoT is ACTIVE or INACTIVE;
   * whether its own issuer revoked it the API does not say, so {@code revoked} stays unknown.
   */
  static Certificate ca(CACertificateDescription description, SourceProblems problems) {
    CertificateStatus status = status(description.certificateArn(), description.statusAsString(), problems);
    return base(analyse(description.certificatePem()), description.validity())
        .registryId(description.certificateId())
        .registryStatus(status)
        .registeredAt(description.creationDate())
        .build();
  }

  /**
   * AWS's status as the fact model's, whose values are AWS IoT's own; a status this release does
   * not know (the SDK's {@code UNKNOWN_TO_SDK_VERSION}) is a problem, never dropped.
   */
  private static @Nullable CertificateStatus status(@Nullable String arn, @Nullable String status,
      SourceProblems problems) {
    if (status == null || status.isBlank()) {
      return null;
    }
    for (CertificateStatus known : CertificateStatus.values()) {
      if (known.name().equals(status)) {
        return known;
      }
    }
    problems.add(null, arn == null ? "certificate" : arn, "status '" + status + "' is not a certificate status"
        + " this release knows (" + KNOWN_STATUSES + ")", "a newer release of Rampart may know it; until then,"
        + " read with --allow-partial to leave this source out");
    return null;
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
   * The certificate's own facts, or {@code null} when AWS sent no PEM or one the analyser cannot
   * read; the certificate then keeps what the API says (status, validity) and the rest stays unknown.
   */
  private static @Nullable Certificate analyse(@Nullable String pem) {
    if (pem == null || pem.isBlank()) {
      return null;
    }
    try {
      return CertificateAnalyzer.analyze(pem.getBytes(StandardCharsets.US_ASCII));
    } catch (CertificateParseException e) {
      return null;
    }
  }
}
