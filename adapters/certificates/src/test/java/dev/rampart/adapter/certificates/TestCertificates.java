package dev.rampart.adapter.certificates;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and CRLs made on the spot with Bouncy Castle, so every field a test asserts is one it chose. */
final class TestCertificates {

  static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2035-01-01T00:00:00Z");
  private static final Provider BC = new BouncyCastleProvider();

  private TestCertificates() {}

  static KeyPair rsa(int bits) {
    return generate("RSA", generator -> generator.initialize(bits));
  }

  static KeyPair ecP256() {
    return generate("EC", generator -> generator.initialize(new ECGenParameterSpec("secp256r1")));
  }

  static KeyPair ed25519() {
    return generate("Ed25519", generator -> { });
  }

  /** Starts a certificate for the subject, given as encoded (C first, CN last), e.g. {@code C=DE,O=Acme,CN=cam-01}. */
  static Builder subject(String encodedName, KeyPair keys) {
    return new Builder(new X500Name(encodedName), keys);
  }

  /** A CRL of the issuer listing the given serial numbers. */
  static X509CRLHolder crl(Issued issuer, BigInteger... revoked) {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.holder().getSubject(), Date.from(NOT_BEFORE));
    builder.setNextUpdate(Date.from(NOT_AFTER));
    for (BigInteger serial : revoked) {
      builder.addCRLEntry(serial, Date.from(NOT_BEFORE), CRLReason.keyCompromise);
    }
    return builder.build(signer(signatureFor(issuer.keys()), issuer.keys()));
  }

  static String pem(Object... objects) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object instanceof Issued issued ? issued.holder() : object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** A certificate and the key pair of its subject. */
  record Issued(X509CertificateHolder holder, KeyPair keys) {

    byte[] der() {
      try {
        return holder.getEncoded();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] pemBytes() {
      return pem(this).getBytes(StandardCharsets.US_ASCII);
    }
  }

  static final class Builder {
    private final X500Name subject;
    private final KeyPair keys;
    private BigInteger serial = BigInteger.valueOf(0x1001);
    private Instant notBefore = NOT_BEFORE;
    private Instant notAfter = NOT_AFTER;
    private String signature;
    private boolean ca;
    private final List<GeneralName> altNames = new ArrayList<>();

    private Builder(X500Name subject, KeyPair keys) {
      this.subject = subject;
      this.keys = keys;
      this.signature = signatureFor(keys);
    }

    Builder serial(long value) {
      this.serial = BigInteger.valueOf(value);
      return this;
    }

    Builder validity(Instant from, Instant to) {
      this.notBefore = from;
      this.notAfter = to;
      return this;
    }

    Builder signature(String algorithm) {
      this.signature = algorithm;
      return this;
    }

    Builder ca() {
      this.ca = true;
      return this;
    }

    Builder dns(String name) {
      altNames.add(new GeneralName(GeneralName.dNSName, name));
      return this;
    }

    Builder ip(String address) {
      altNames.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    Builder uri(String uri) {
      altNames.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
      return this;
    }

    Builder email(String address) {
      altNames.add(new GeneralName(GeneralName.rfc822Name, address));
      return this;
    }

    Issued selfSigned() {
      return issue(subject, keys, signature);
    }

    Issued issuedBy(Issued issuer) {
      return issue(issuer.holder().getSubject(), issuer.keys(), signatureFor(issuer.keys()));
    }

    /** Names the issuer but signs with an unrelated key, as a forger would. */
    Issued claimingIssuer(X500Name issuer, KeyPair signingKeys) {
      return issue(issuer, signingKeys, signatureFor(signingKeys));
    }

    private Issued issue(X500Name issuer, KeyPair signingKeys, String algorithm) {
      try {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
            issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        if (ca) {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        if (!altNames.isEmpty()) {
          builder.addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(altNames.toArray(GeneralName[]::new)));
        }
        return new Issued(builder.build(signer(algorithm, signingKeys)), keys);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String signatureFor(KeyPair keys) {
    return switch (keys.getPublic().getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> "Ed25519";
    };
  }

  private static ContentSigner signer(String algorithm, KeyPair keys) {
    try {
      return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Init {
    void apply(KeyPairGenerator generator) throws GeneralSecurityException;
  }

  private static KeyPair generate(String algorithm, Init init) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      init.apply(generator);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
