package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.value.Canonical;
import dev.rampart.spi.value.Format;
import dev.rampart.spi.value.ValueFormat;
import dev.rampart.spi.value.Vocabulary;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An X.509 certificate as analysed facts.
 *
 * @param subject subject distinguished name; {@code null} when unknown
 * @param issuer issuer distinguished name; {@code null} when unknown
 * @param serialNumber serial number, hexadecimal; {@code null} when unknown
 * @param keyAlgorithm public key algorithm: RSA, EC or Ed25519; {@code null} when unknown
 * @param keySize key size in bits (RSA modulus, EC field size); {@code null} when unknown
 * @param signatureAlgorithm signature algorithm, e.g. SHA256withRSA; {@code null} when unknown
 * @param notBefore start of validity; {@code null} when unknown
 * @param notAfter end of validity; {@code null} when unknown
 * @param selfSigned the signature verifies with the certificate's own key; {@code null} when unknown, and when the
 *     certificate names itself as issuer but its signature does not verify (a forged or damaged self-issued
 *     certificate is never "not self-signed")
 * @param issuedByOrganisationPki issued by a CA of the organisation's own PKI; {@code null} when unknown
 * @param chainValid the chain validates against the trusted anchors; {@code null} when unknown
 * @param revoked revoked: by its registry (status REVOKED), by the CRL or OCSP data at hand, or because the CA
 *     that issued it is revoked; {@code null} when unknown
 * @param ca the basic-constraints CA flag; {@code null} when unknown
 * @param subjectAltNames subject alternative names; {@code null} when unknown
 * @param sha256Fingerprint SHA-256 fingerprint of the DER encoding, 64 lower-case hex digits (openssl's
 *     {@code SHA256 Fingerprint=9B:7A:...} and upper-case thumbprints are brought to it); {@code null} when unknown
 * @param registryId the id a device registry gives the certificate (an AWS IoT certificate id, an Azure
 *     enrollment's name), so a finding can name it; {@code null} when unknown or not in a registry
 * @param registryStatus the certificate's status in the device registry that holds it (AWS IoT's ACTIVE,
 *     INACTIVE, REVOKED, ...); {@code null} when unknown or not in a registry
 * @param registeredAt when the registry created or registered the certificate, which is not its
 *     {@code notBefore}; {@code null} when unknown
 * @param issuerRevoked the CA certificate that issued it is revoked (in the registry or by its own issuer);
 *     {@code null} when unknown
 * @param keyPublished its key is in a public list of keys shared by many devices or compromised (nmap's
 *     {@code ssl-known-key}, e.g. Little Black Box), so it identifies nothing; {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Certificate(
    @Nullable String subject,
    @Nullable String issuer,
    @Nullable String serialNumber,
    @Canonical(Vocabulary.KEY_ALGORITHM) @Nullable String keyAlgorithm,
    @Format(ValueFormat.KEY_SIZE) @Nullable Integer keySize,
    @Canonical(Vocabulary.SIGNATURE_ALGORITHM) @Nullable String signatureAlgorithm,
    @Nullable Instant notBefore,
    @Nullable Instant notAfter,
    @Nullable Boolean selfSigned,
    @Nullable Boolean issuedByOrganisationPki,
    @Nullable Boolean chainValid,
    @Nullable Boolean revoked,
    @Nullable Boolean ca,
    @Nullable List<String> subjectAltNames,
    @Nullable String sha256Fingerprint,
    @Nullable String registryId,
    @Nullable CertificateStatus registryStatus,
    @Nullable Instant registeredAt,
    @Nullable Boolean issuerRevoked,
    @Nullable Boolean keyPublished) {

  public Certificate {
    subject = FieldValues.text(subject);
    issuer = FieldValues.text(issuer);
    serialNumber = FieldValues.text(serialNumber);
    keyAlgorithm = FieldValues.canonical(Vocabulary.KEY_ALGORITHM, keyAlgorithm);
    keySize = FieldValues.number("keySize", keySize, ValueFormat.KEY_SIZE);
    signatureAlgorithm = FieldValues.canonical(Vocabulary.SIGNATURE_ALGORITHM, signatureAlgorithm);
    subjectAltNames = FieldValues.texts(subjectAltNames);
    sha256Fingerprint = FieldValues.sha256(sha256Fingerprint);
    registryId = FieldValues.text(registryId);
  }

  /** Starts a certificate with every field unknown. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this one, to change a few fields. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.subject = subject;
    builder.issuer = issuer;
    builder.serialNumber = serialNumber;
    builder.keyAlgorithm = keyAlgorithm;
    builder.keySize = keySize;
    builder.signatureAlgorithm = signatureAlgorithm;
    builder.notBefore = notBefore;
    builder.notAfter = notAfter;
    builder.selfSigned = selfSigned;
    builder.issuedByOrganisationPki = issuedByOrganisationPki;
    builder.chainValid = chainValid;
    builder.revoked = revoked;
    builder.ca = ca;
    builder.subjectAltNames = subjectAltNames;
    builder.sha256Fingerprint = sha256Fingerprint;
    builder.registryId = registryId;
    builder.registryStatus = registryStatus;
    builder.registeredAt = registeredAt;
    builder.issuerRevoked = issuerRevoked;
    builder.keyPublished = keyPublished;
    return builder;
  }

  /** Builds a {@link Certificate}; fields not set stay unknown. */
  public static final class Builder {
    private @Nullable String subject;
    private @Nullable String issuer;
    private @Nullable String serialNumber;
    private @Nullable String keyAlgorithm;
    private @Nullable Integer keySize;
    private @Nullable String signatureAlgorithm;
    private @Nullable Instant notBefore;
    private @Nullable Instant notAfter;
    private @Nullable Boolean selfSigned;
    private @Nullable Boolean issuedByOrganisationPki;
    private @Nullable Boolean chainValid;
    private @Nullable Boolean revoked;
    private @Nullable Boolean ca;
    private @Nullable List<String> subjectAltNames;
    private @Nullable String sha256Fingerprint;
    private @Nullable String registryId;
    private @Nullable CertificateStatus registryStatus;
    private @Nullable Instant registeredAt;
    private @Nullable Boolean issuerRevoked;
    private @Nullable Boolean keyPublished;

    private Builder() {}

    public Builder subject(@Nullable String subject) {
      this.subject = subject;
      return this;
    }

    public Builder issuer(@Nullable String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder serialNumber(@Nullable String serialNumber) {
      this.serialNumber = serialNumber;
      return this;
    }

    public Builder keyAlgorithm(@Nullable String keyAlgorithm) {
      this.keyAlgorithm = keyAlgorithm;
      return this;
    }

    public Builder keySize(@Nullable Integer keySize) {
      this.keySize = keySize;
      return this;
    }

    public Builder signatureAlgorithm(@Nullable String signatureAlgorithm) {
      this.signatureAlgorithm = signatureAlgorithm;
      return this;
    }

    public Builder notBefore(@Nullable Instant notBefore) {
      this.notBefore = notBefore;
      return this;
    }

    public Builder notAfter(@Nullable Instant notAfter) {
      this.notAfter = notAfter;
      return this;
    }

    public Builder selfSigned(@Nullable Boolean selfSigned) {
      this.selfSigned = selfSigned;
      return this;
    }

    public Builder issuedByOrganisationPki(@Nullable Boolean issuedByOrganisationPki) {
      this.issuedByOrganisationPki = issuedByOrganisationPki;
      return this;
    }

    public Builder chainValid(@Nullable Boolean chainValid) {
      this.chainValid = chainValid;
      return this;
    }

    public Builder revoked(@Nullable Boolean revoked) {
      this.revoked = revoked;
      return this;
    }

    public Builder ca(@Nullable Boolean ca) {
      this.ca = ca;
      return this;
    }

    public Builder subjectAltNames(@Nullable List<String> subjectAltNames) {
      this.subjectAltNames = subjectAltNames;
      return this;
    }

    public Builder sha256Fingerprint(@Nullable String sha256Fingerprint) {
      this.sha256Fingerprint = sha256Fingerprint;
      return this;
    }

    public Builder registryId(@Nullable String registryId) {
      this.registryId = registryId;
      return this;
    }

    public Builder registryStatus(@Nullable CertificateStatus registryStatus) {
      this.registryStatus = registryStatus;
      return this;
    }

    public Builder registeredAt(@Nullable Instant registeredAt) {
      this.registeredAt = registeredAt;
      return this;
    }

    public Builder issuerRevoked(@Nullable Boolean issuerRevoked) {
      this.issuerRevoked = issuerRevoked;
      return this;
    }

    public Builder keyPublished(@Nullable Boolean keyPublished) {
      this.keyPublished = keyPublished;
      return this;
    }

    public Certificate build() {
      return new Certificate(subject, issuer, serialNumber, keyAlgorithm, keySize, signatureAlgorithm, notBefore,
          notAfter, selfSigned, issuedByOrganisationPki, chainValid, revoked, ca, subjectAltNames, sha256Fingerprint,
          registryId, registryStatus, registeredAt, issuerRevoked, keyPublished);
    }
  }
}
