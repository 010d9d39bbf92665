package dev.rampart.spi.fact;

import dev.rampart.spi.value.Canonical;
import dev.rampart.spi.value.Vocabulary;
import java.time.Instant;
import java.util.List;
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
 * @param selfSigned the signature verifies with the certificate's own key; {@code null} when unknown
 * @param issuedByOrganisationPki issued by a CA of the organisation's own PKI; {@code null} when unknown
 * @param chainValid the chain validates against the trusted anchors; {@code null} when unknown
 * @param revoked revoked according to the CRL or OCSP data at hand; {@code null} when unknown
 * @param ca the basic-constraints CA flag; {@code null} when unknown
 * @param subjectAltNames subject alternative names; {@code null} when unknown
 * @param sha256Fingerprint SHA-256 fingerprint of the DER encoding, hexadecimal; {@code null} when unknown
 */
public record Certificate(
    @Nullable String subject,
    @Nullable String issuer,
    @Nullable String serialNumber,
    @Canonical(Vocabulary.KEY_ALGORITHM) @Nullable String keyAlgorithm,
    @Nullable Integer keySize,
    @Canonical(Vocabulary.SIGNATURE_ALGORITHM) @Nullable String signatureAlgorithm,
    @Nullable Instant notBefore,
    @Nullable Instant notAfter,
    @Nullable Boolean selfSigned,
    @Nullable Boolean issuedByOrganisationPki,
    @Nullable Boolean chainValid,
    @Nullable Boolean revoked,
    @Nullable Boolean ca,
    @Nullable List<String> subjectAltNames,
    @Nullable String sha256Fingerprint) {

  public Certificate {
    subjectAltNames = Collections2.copyOrNull(subjectAltNames);
  }
}
