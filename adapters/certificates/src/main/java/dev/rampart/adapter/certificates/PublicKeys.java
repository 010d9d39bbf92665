package dev.rampart.adapter.certificates;

import java.io.IOException;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * The algorithm and size of a certificate's public key.
 *
 * @param algorithm RSA, EC, Ed25519, Ed448 or DSA; the OID for other algorithms
 * @param size bits of the RSA modulus, the EC field or the DSA prime; 256 for Ed25519 and 448 for
 *     Ed448; {@code null} when the key does not say
 */
record PublicKeys(String algorithm, @Nullable Integer size) {

  private static final Map<ASN1ObjectIdentifier, PublicKeys> FIXED = Map.of(
      EdECObjectIdentifiers.id_Ed25519, new PublicKeys("Ed25519", 256),
      EdECObjectIdentifiers.id_Ed448, new PublicKeys("Ed448", 448));

  static PublicKeys of(SubjectPublicKeyInfo key) {
    ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
    PublicKeys fixed = FIXED.get(oid);
    if (fixed != null) {
      return fixed;
    }
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)
        || oid.equals(X509ObjectIdentifiers.id_ea_rsa)) {
      return new PublicKeys("RSA", rsaModulusBits(key));
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return new PublicKeys("EC", ecFieldBits(key));
    }
    if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
      return new PublicKeys("DSA", dsaPrimeBits(key));
    }
    return new PublicKeys(oid.getId(), null);
  }

  private static @Nullable Integer rsaModulusBits(SubjectPublicKeyInfo key) {
    try {
      return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Integer ecFieldBits(SubjectPublicKeyInfo key) {
    try {
      X962Parameters parameters = X962Parameters.getInstance(key.getAlgorithm().getParameters());
      X9ECParameters curve;
      if (parameters.isNamedCurve()) {
        curve = ECNamedCurveTable.getByOID(ASN1ObjectIdentifier.getInstance(parameters.getParameters()));
      } else if (parameters.isImplicitlyCA()) {
        return null;
      } else {
        curve = X9ECParameters.getInstance(parameters.getParameters());
      }
      return curve == null ? null : curve.getCurve().getFieldSize();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Integer dsaPrimeBits(SubjectPublicKeyInfo key) {
    ASN1Primitive parameters = key.getAlgorithm().getParameters() == null
        ? null : key.getAlgorithm().getParameters().toASN1Primitive();
    try {
      return parameters == null ? null : DSAParameter.getInstance(parameters).getP().bitLength();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
