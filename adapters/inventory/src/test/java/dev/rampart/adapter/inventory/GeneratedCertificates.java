package dev.rampart.adapter.inventory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and a CRL made with Bouncy Castle for the tests, so every analysed field is one they chose. */
final class GeneratedCertificates {

  static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2035-01-01T00:00:00Z");

  /** The organisation's CA: RSA 2048, self-signed. */
  static final Issued CA = selfSigned("CN=Harbourside Device CA,O=Harbourside", rsa(2048), "SHA256withRSA", 1, true,
      NOT_BEFORE, NOT_AFTER);
  /** A camera's EC P-256 certificate issued by the CA. */
  static final Issued CAMERA = issued("CN=cam-01,O=Harbourside", ec(), 0x1001, NOT_BEFORE, NOT_AFTER);
  /** A certificate issued by the CA that expired in 2025. */
  static final Issued EXPIRED = issued("CN=cam-02,O=Harbourside", ec(), 0x1002, NOT_BEFORE,
      Instant.parse("2025-06-30T00:00:00Z"));
  /** A certificate issued by the CA and then revoked. */
  static final Issued REVOKED = issued("CN=cam-03,O=Harbourside", ec(), 0x1003, NOT_BEFORE, NOT_AFTER);
  /** A vendor's factory certificate: self-signed, RSA 1024, SHA-1. */
  static final Issued WEAK = selfSigned("CN=factory,O=Acme Cameras", rsa(1024), "SHA1withRSA", 7, false,
      NOT_BEFORE, NOT_AFTER);

  private GeneratedCertificates() {}

  /** A certificate and its subject's keys. */
  record Issued(X509CertificateHolder holder, KeyPair keys) {

    String pem() {
      return GeneratedCertificates.pem(holder);
    }

    byte[] der() {
      try {
        return holder.getEncoded();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The CA's CRL, listing {@link #REVOKED}. */
  static String crl() {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(CA.holder().getSubject(), Date.from(NOT_BEFORE));
    builder.setNextUpdate(Date.from(NOT_AFTER));
    builder.addCRLEntry(REVOKED.holder().getSerialNumber(), Date.from(NOT_BEFORE), CRLReason.keyCompromise);
    X509CRLHolder crl = builder.build(signer("SHA256withRSA", CA.keys()));
    return pem(crl);
  }

  static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static Issued issued(String subject, KeyPair keys, long serial, Instant from, Instant to) {
    return build(CA.holder().getSubject(), new X500Name(subject), keys, CA.keys(), "SHA256withRSA", serial, false, from, to);
  }

  private static Issued selfSigned(String subject, KeyPair keys, String signature, long serial, boolean ca,
      Instant from, Instant to) {
    X500Name name = new X500Name(subject);
    return build(name, name, keys, keys, signature, serial, ca, from, to);
  }

  private static Issued build(X500Name issuer, X500Name subject, KeyPair keys, KeyPair signing, String signature,
      long serial, boolean ca, Instant from, Instant to) {
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial),
          Date.from(from), Date.from(to), subject, keys.getPublic());
      if (ca) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      }
      return new Issued(builder.build(signer(signature, signing)), keys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.bouncycastle.operator.ContentSigner signer(String algorithm, KeyPair keys) {
    try {
      return new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
