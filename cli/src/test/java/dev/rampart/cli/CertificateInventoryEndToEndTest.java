package dev.rampart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates referenced from an inventory, made here with Bouncy Castle, are analysed against
 * the inventory's trust section, and the built-in iot-baseline pack flags each weakness.
 */
class CertificateInventoryEndToEndTest {

  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2035-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void theBuiltInPackFlagsWeakExpiredSelfSignedAndRevokedCertificates() throws Exception {
    KeyPair caKeys = keys("RSA", 2048);
    X509CertificateHolder ca = certificate("CN=Device CA,O=Harbourside", "CN=Device CA,O=Harbourside", caKeys, caKeys,
        "SHA256withRSA", 1, true, FROM, TO);
    write("pki/ca.pem", pem(ca));
    write("certs/good.pem", pem(issued(ca, caKeys, "CN=cam-good", 0x10, TO)));
    write("certs/expired.pem", pem(issued(ca, caKeys, "CN=cam-expired", 0x11, Instant.parse("2026-01-01T00:00:00Z"))));
    X509CertificateHolder revoked = issued(ca, caKeys, "CN=cam-revoked", 0x12, TO);
    write("certs/revoked.pem", pem(revoked));
    KeyPair weakKeys = keys("RSA", 1024);
    write("certs/weak.pem", pem(certificate("CN=factory,O=Acme", "CN=factory,O=Acme", weakKeys, weakKeys,
        "SHA1withRSA", 7, false, FROM, TO)));
    X509v2CRLBuilder crl = new X509v2CRLBuilder(ca.getSubject(), Date.from(FROM));
    crl.setNextUpdate(Date.from(TO));
    crl.addCRLEntry(revoked.getSerialNumber(), Date.from(FROM), CRLReason.keyCompromise);
    write("pki/ca.crl", pem(crl.build(signer("SHA256withRSA", caKeys))));
    StringBuilder inventory = new StringBuilder("trust: {anchors: [pki/ca.pem], crl: pki/ca.crl}\ndevices:\n");
    for (String device : List.of("good", "weak", "expired", "revoked")) {
      inventory.append("  - id: cam-").append(device).append("\n    credentials: {authMethod: certificate, certificate:")
          .append(" {file: certs/").append(device).append(".pem}}\n");
    }
    Path file = write("site/../inventory.yaml", inventory.toString());
    Path report = dir.resolve("report.json");

    CliRun run = CliRun.of("evaluate", file.toString(), "--now", "2026-11-25", "--fail-on", "never",
        "--format", "json:" + report);

    assertEquals(0, run.exitCode(), run.err());
    Map<String, String> outcomes = outcomes(report, List.of("IDN-007", "IDN-009", "IDN-010", "IDN-011", "IDN-012",
        "IDN-014", "IDN-015"));
    assertEquals(Map.of(
        "cam-good", "IDN-009 PASS, IDN-010 PASS, IDN-011 PASS, IDN-012 PASS, IDN-014 PASS, IDN-015 PASS",
        "cam-weak", "IDN-007 FAIL, IDN-009 FAIL, IDN-010 FAIL, IDN-011 FAIL, IDN-012 PASS, IDN-014 UNKNOWN, IDN-015 FAIL",
        "cam-expired", "IDN-009 PASS, IDN-010 PASS, IDN-011 FAIL, IDN-012 FAIL, IDN-014 PASS, IDN-015 FAIL",
        "cam-revoked", "IDN-009 PASS, IDN-010 PASS, IDN-011 PASS, IDN-012 PASS, IDN-014 FAIL, IDN-015 PASS"), outcomes);
  }

  /** Per device, the outcome of each of the given rules that applied to it, in rule order. */
  private static Map<String, String> outcomes(Path report, List<String> rules) throws IOException {
    Map<String, Map<String, String>> byDevice = new LinkedHashMap<>();
    for (JsonNode result : new ObjectMapper().readTree(report.toFile()).get("results")) {
      String rule = result.get("ruleId").asText();
      String outcome = result.get("outcome").asText();
      if (rules.contains(rule) && !outcome.equals("NOT_APPLICABLE")) {
        byDevice.computeIfAbsent(result.get("factId").asText(), id -> new java.util.TreeMap<>()).put(rule, outcome);
      }
    }
    Map<String, String> outcomes = new LinkedHashMap<>();
    byDevice.forEach((device, results) -> outcomes.put(device, String.join(", ",
        results.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
    return outcomes;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name).normalize();
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static X509CertificateHolder issued(X509CertificateHolder ca, KeyPair caKeys, String subject, long serial,
      Instant to) {
    return certificate(ca.getSubject().toString(), subject, keys("EC", 256), caKeys, "SHA256withRSA", serial, false,
        FROM, to);
  }

  private static X509CertificateHolder certificate(String issuer, String subject, KeyPair keys, KeyPair signing,
      String algorithm, long serial, boolean ca, Instant from, Instant to) {
    try {
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
          BigInteger.valueOf(serial), Date.from(from), Date.from(to), new X500Name(subject), keys.getPublic());
      if (ca) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      }
      return builder.build(signer(algorithm, signing));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ContentSigner signer(String algorithm, KeyPair keys) {
    try {
      return new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keys(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(size);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
