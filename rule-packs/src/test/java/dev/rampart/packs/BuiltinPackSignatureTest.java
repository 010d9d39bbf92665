package dev.rampart.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.engine.PackSignatures;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.packsigning.PackSigning;
import dev.rampart.packsigning.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in packs are signed by the build (process-classes) with a key made for that build; its
 * public half ships beside them, so they verify with no key given, and no private key is kept.
 */
class BuiltinPackSignatureTest {

  private static final Path SOURCES = Path.of("src/main/resources/dev/rampart/packs/iot-baseline");

  /** The classpath resource of the public key that signs the built-in packs, as the build writes it. */
  private static final String SHIPPED_KEY = "dev/rampart/packs/rampart-builtin.pub";

  /** The first line of a PEM private key, spelled in two parts so that this file does not hold it. */
  private static final String PRIVATE_KEY = "-----BEGIN " + "PRIVATE KEY-----";

  @TempDir Path temp;

  @Test
  void theBuiltInPackVerifiesWithTheKeyShippedBesideIt() throws Exception {
    VerifyingKey shipped = shippedKey();

    List<PackSignature> signatures = PackSignatures.verifyBuiltin("iot-baseline", TrustedKeys.none());

    assertEquals(List.of(new PackSignature("classpath:dev/rampart/packs/iot-baseline", shipped.id(), true,
        fileCount(SOURCES), baseline(), List.of())), signatures);
    RulePack verified = RulePacks.builtinVerified("iot-baseline", TrustedKeys.none());
    assertEquals(RulePacks.builtin("iot-baseline").rules(), verified.rules());
  }

  @Test
  void theShippedKeyIsNotTrustedForOtherPacks() throws Exception {
    Path copy = temp.resolve("copy");
    copyTree(SOURCES, copy);
    Files.copy(Path.of("target/classes/dev/rampart/packs/iot-baseline/pack.sig"), copy.resolve("pack.sig"));

    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> RulePacks.loadVerified(copy, TrustedKeys.none()));

    assertEquals(PackSignatureException.Reason.UNTRUSTED_KEY, refused.reason());
  }

  @Test
  void aPackTailoringTheBaselineVerifiesWithItsSignersKeyAndTheBuiltInKeyForTheBase() throws Exception {
    Path site = temp.resolve("site");
    Files.createDirectories(site);
    Files.copy(Path.of("../examples/tailored-pack.yaml"), site.resolve("pack.yaml"));
    SigningKey siteKey = SigningKey.generate();
    PackSigning.sign(site, siteKey);

    List<PackSignature> signatures = PackSignatures.verify(site, TrustedKeys.of(siteKey.verifyingKey()));

    assertEquals(List.of(
        new PackSignature(site.toString(), siteKey.id(), false, 1,
            new PackSignature.Identity("harbourside-site", "1.0.0"), List.of(baseline())),
        new PackSignature("classpath:dev/rampart/packs/iot-baseline", shippedKey().id(), true, fileCount(SOURCES),
            baseline(), List.of())),
        signatures);
    assertEquals("harbourside-site", RulePacks.loadVerified(site, TrustedKeys.of(siteKey.verifyingKey())).id());
  }

  @Test
  void noPrivateKeyAndNoSignatureIsKeptInTheSources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(file.getFileName().toString().equals("pack.sig"), file + " is a signature kept in the sources");
        assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(PRIVATE_KEY),
            file + " holds a private key");
      }
    }
  }

  @Test
  void noPrivateKeyIsLeftInTheBuildOutput() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(PRIVATE_KEY), file + " holds a private key");
      }
    }
    assertTrue(Files.isRegularFile(Path.of("target/classes/dev/rampart/packs/rampart-builtin.pub")));
  }

  private static VerifyingKey shippedKey() throws Exception {
    try (InputStream in = Objects.requireNonNull(
        BuiltinPackSignatureTest.class.getClassLoader().getResourceAsStream(SHIPPED_KEY), "shipped key")) {
      return VerifyingKey.fromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII), SHIPPED_KEY);
    }
  }

  private static int fileCount(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return (int) files.filter(Files::isRegularFile).count();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /** The built-in baseline as its signature names it. */
  private static PackSignature.Identity baseline() throws PackLoadException {
    return new PackSignature.Identity("iot-baseline", RulePacks.builtin("iot-baseline").version());
  }
}
