package dev.rampart.adapter.certificates;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;

/** Reads certificates and CRLs given as PEM text (one or many blocks) or as a single DER encoding. */
final class Encodings {

  private static final Pattern JAVA_CLASS_PREFIX =
      Pattern.compile("(?:[A-Za-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error): ");

  private Encodings() {}

  /** Every certificate of a PEM bundle in order, or the one DER certificate; never empty. */
  static List<X509CertificateHolder> certificates(byte[] encoded) throws CertificateParseException {
    String problem = "not a PEM or DER certificate: ";
    if (encoded.length == 0) {
      throw new CertificateParseException(problem + "the input is empty");
    }
    if (!PemBlocks.isPem(encoded)) {
      try {
        return List.of(new X509CertificateHolder(encoded));
      } catch (IOException | RuntimeException e) {
        throw new CertificateParseException(problem + "the bytes are not an X.509 certificate in DER encoding ("
            + reason(e) + ")", e);
      }
    }
    List<X509CertificateHolder> found = new ArrayList<>();
    for (Object block : pemBlocks(encoded, problem)) {
      if (block instanceof X509CertificateHolder certificate) {
        found.add(certificate);
      } else if (block instanceof X509TrustedCertificateBlock trusted) {
        found.add(trusted.getCertificateHolder());
      }
    }
    if (found.isEmpty()) {
      throw new CertificateParseException(problem + "the PEM text holds no CERTIFICATE block");
    }
    return List.copyOf(found);
  }

  /** The first CRL of PEM text, or the one DER CRL. */
  static X509CRLHolder crl(byte[] encoded) throws CertificateParseException {
    String problem = "not a PEM or DER CRL: ";
    if (encoded.length == 0) {
      throw new CertificateParseException(problem + "the input is empty");
    }
    if (!PemBlocks.isPem(encoded)) {
      try {
        return new X509CRLHolder(encoded);
      } catch (IOException | RuntimeException e) {
        throw new CertificateParseException(problem + "the bytes are not an X.509 CRL in DER encoding ("
            + reason(e) + ")", e);
      }
    }
    for (Object block : pemBlocks(encoded, problem)) {
      if (block instanceof X509CRLHolder crl) {
        return crl;
      }
    }
    throw new CertificateParseException(problem + "the PEM text holds no X509 CRL block");
  }

  private static List<Object> pemBlocks(byte[] encoded, String problem) throws CertificateParseException {
    List<Object> blocks = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(new String(encoded, StandardCharsets.US_ASCII)))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        blocks.add(block);
      }
    } catch (IOException | RuntimeException e) {
      throw new CertificateParseException(problem + "a PEM block is damaged (" + reason(e) + ")", e);
    }
    return blocks;
  }

  /**
   * Why Bouncy Castle refused the bytes, in its words but without the names of its exception
   * classes, which it puts inside messages ({@code problem parsing cert: org.bouncycastle...CertIOException: ...}).
   */
  static String reason(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "the structure cannot be decoded";
    }
    return JAVA_CLASS_PREFIX.matcher(message).replaceAll("");
  }
}
