package dev.rampart.spi.fact;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.rampart.spi.value.IpAddresses;
import dev.rampart.spi.value.Text;
import dev.rampart.spi.value.Vocabulary;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Normalising a fact twice equals normalising it once: a fact built from a fact's components is that fact. */
class NormaliseTwiceTest {

  private static final long SEED = 20261125L;

  /** Spellings that real tools write, blank texts, texts that start with "absent", and unknown ones. */
  private static final List<String> PROTOCOLS = List.of("Telnet", "telnet", "MQTT", "secure-mqtt", "ssl/http",
      "HTTPS", "ms-wbt-server", " ssh ", "", " ", "absent", "absentia", "gopher+", "Modbus TCP");
  private static final List<String> TLS_VERSIONS = List.of("TLSv1.0", "TLSv1", "tls1.1", "TLS 1.2", "TLSv1_3", "1.2",
      "SSLv3", "SSL 3.0", "3.0", "DTLSv1.2", "", " ", "absent", "TLSv9", "1.0");
  private static final List<String> KEY_ALGORITHMS = List.of("rsaEncryption", "RSA", "id-ecPublicKey", "ECDSA",
      "ED25519", "dsa", "", "absent", "GOST");
  private static final List<String> SIGNATURE_ALGORITHMS = List.of("sha1WithRSAEncryption", "SHA-1withDSA",
      "ecdsa-with-SHA256", "SHA256withRSA", "RSA-SHA256", "rsassaPss", "", " ", "absent", "whirlpool");
  private static final List<String> ADDRESSES = List.of("192.0.2.5", "::ffff:8.8.8.8", "::ffff:0808:0808",
      "2001:DB8::1", "2001:db8:0:0:1:0:0:1", "::", " 10.0.0.1 ", "", " ");
  private static final List<String> DESTINATIONS = List.of("192.0.2.0/28", "::ffff:192.0.2.0/120", "::0/0",
      "0.0.0.0/1", "Updates.Example.COM.", "any", "*", "mud:local-networks", "10.0.0.7/8", "2001:DB8::/32", "",
      " ", "absent");
  private static final List<String> MACS = List.of("AA:BB:CC:DD:EE:0F", "aa-bb-cc-dd-ee-0f", "aabb.ccdd.ee0f",
      "AABBCCDDEE0F", "", " ");
  private static final List<String> TEXTS = List.of("", " ", "\t", "absent", "absentia", " Dock camera ", "cam");

  @Test
  void aServiceBuiltFromAServiceIsThatService() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(pick(PROTOCOLS), lists().of(pick(TLS_VERSIONS)).ofSizeBetween(0, 4), integers().between(1, 65535),
            pick(TEXTS))
        .checkAssert((protocol, versions, port, product) -> {
          Service once = Service.builder().protocol(protocol).tlsVersions(versions).port(port).product(product)
              .build();
          assertSame(once, once.toBuilder().build());
          assertSame(Vocabulary.TLS_VERSION.canonical(versions), once.tlsVersions());
          assertSameText(Vocabulary.PROTOCOL.canonical(protocol), once.protocol());
        });
  }

  @Test
  void aCertificateBuiltFromACertificateIsThatCertificate() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(pick(KEY_ALGORITHMS), pick(SIGNATURE_ALGORITHMS), pick(TEXTS), lists().of(pick(TEXTS)).ofSizeBetween(0, 3))
        .checkAssert((key, signature, subject, names) -> {
          Certificate once = Certificate.builder().keyAlgorithm(key).signatureAlgorithm(signature).subject(subject)
              .subjectAltNames(names).build();
          assertSame(once, once.toBuilder().build());
          assertSameText(Vocabulary.SIGNATURE_ALGORITHM.canonical(signature), once.signatureAlgorithm());
        });
  }

  @Test
  void aDeviceBuiltFromADeviceIsThatDevice() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(lists().of(pick(ADDRESSES)).ofSizeBetween(0, 4), lists().of(pick(DESTINATIONS)).ofSizeBetween(0, 4),
            pick(MACS), pick(TEXTS))
        .checkAssert((addresses, destinations, mac, owner) -> {
          Device once = Device.builder("cam-1").ipAddresses(addresses).egressAllowlist(destinations)
              .outboundDestinations(destinations).macAddress(mac).owner(owner).model(owner).build();
          assertSame(once, once.toBuilder().build());
          assertSame(addresses.stream().map(Text::orNull).map(IpAddresses::canonical).flatMap(Optional::stream).toList(),
              once.ipAddresses());
          assertSameText(Text.orNull(owner), once.owner());
        });
  }

  @Test
  void eachVocabularyIsIdempotentOnAnyText() {
    for (Vocabulary vocabulary : Vocabulary.values()) {
      qt().withFixedSeed(SEED).withExamples(2000)
          .forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 12))
          .checkAssert(text -> {
            String once = vocabulary.canonical(text);
            assertSameText(once, vocabulary.canonical(once));
          });
    }
  }

  private static Gen<String> pick(List<String> values) {
    return Generate.pick(values);
  }

  private static void assertSame(Object once, Object twice) {
    if (!once.equals(twice)) {
      throw new AssertionError("normalised twice: " + twice + "\nnormalised once: " + once);
    }
  }

  private static void assertSameText(@Nullable String once, @Nullable String twice) {
    if (once == null ? twice != null : !once.equals(twice)) {
      throw new AssertionError("normalised twice: " + twice + ", once: " + once);
    }
  }
}
