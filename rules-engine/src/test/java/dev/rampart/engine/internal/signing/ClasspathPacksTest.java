package dev.rampart.engine.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.internal.load.PackSource;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.PackSignatureException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs on the classpath, in a directory or a jar, as the built-in packs are shipped: the whole
 * directory is checked from the same jar, and the built-in key beside the built-in packs is trusted
 * for them only.
 */
class ClasspathPacksTest {

  /** Signed fixtures, kept byte for byte (see their .gitattributes). */
  private static final Path FIXTURES = Path.of("src/test/resources/dev/rampart/engine/internal/signing");

  /**
   * The fixture class path: under dev/rampart/packs/ and under other/, the pack demo (pack.yaml,
   * tests/devices.yaml) signed by one key, whose public half is rampart-builtin.pub beside each. It
   * was made once with rampart-pack-signing (SigningKey.generate, PackSigning.sign,
   * SigningKey.writePublicKeyTo), whose private key was then thrown away.
   */
  private static final Path CLASSES = FIXTURES.resolve("classes");

  /** The demo pack as signed, to change it. */
  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: demo, version: "1.0", title: Demo}
      rules:
        - id: DEM-001
          title: Device has an owner
          category: operations
          severity: medium
          target: device
          assert: {field: owner, exists: true}
      """;

  @TempDir Path temp;

  VerifyingKey builtinKey;

  @BeforeEach
  void readBuiltinKey() throws Exception {
    builtinKey = VerifyingKey.read(CLASSES.resolve("dev/rampart/packs/rampart-builtin.pub"));
    assertEquals(PACK, Files.readString(CLASSES.resolve("dev/rampart/packs/demo/pack.yaml")));
  }

  @Test
  void aBuiltInPackInAJarVerifiesWithTheBuiltInKeyBesideIt() throws Exception {
    List<PackSignature> signatures = verify(jar(Map.of()), "dev/rampart/packs/demo/pack.yaml");

    assertEquals(List.of(new PackSignature("classpath:dev/rampart/packs/demo", builtinKey.id(), true, 2,
        new PackSignature.Identity("demo", "1.0"), List.of())), signatures);
  }

  @Test
  void aBuiltInPackInADirectoryVerifiesWithTheBuiltInKeyBesideIt() throws Exception {
    List<PackSignature> signatures = verify(CLASSES.toUri().toURL(), "dev/rampart/packs/demo/pack.yaml");

    assertEquals(List.of(new PackSignature("classpath:dev/rampart/packs/demo", builtinKey.id(), true, 2,
        new PackSignature.Identity("demo", "1.0"), List.of())), signatures);
  }

  @Test
  void aBuiltInPackChangedInTheJarIsRefused() throws Exception {
    URL changed = jar(Map.of("dev/rampart/packs/demo/pack.yaml", PACK.replace("medium", "high")));

    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> verify(changed, "dev/rampart/packs/demo/pack.yaml"));

    assertEquals(Reason.MODIFIED, refused.reason());
    assertEquals("""
        rule pack classpath:dev/rampart/packs/demo/pack.yaml is refused: 1 file changed after it was signed
        1. classpath:dev/rampart/packs/demo/pack.yaml: changed after the pack was signed (restore the signed version,\
         or re-sign the pack)""", text(refused));
  }

  @Test
  void theBuiltInKeyIsTrustedForBuiltInPacksOnly() throws Exception {
    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> verify(jar(Map.of()), "other/demo/pack.yaml"));

    assertEquals(Reason.UNTRUSTED_KEY, refused.reason());
    assertEquals("""
        rule pack classpath:other/demo/pack.yaml is refused: it is signed by a key that is not trusted
        1. classpath:other/demo/pack.sig:3:9: signed by key %s, which is not trusted (no key is trusted for this\
         pack; to accept the pack, trust its signer's public key, e.g. --trusted-key signer.pub)"""
        .formatted(builtinKey.id()), text(refused));
  }

  @Test
  void aBuiltInPackSignedWithAnotherKeyThanTheOneBesideItIsRefused() throws Exception {
    VerifyingKey other = VerifyingKey.read(FIXTURES.resolve("other.pub"));
    URL swapped = jar(Map.of("dev/rampart/packs/rampart-builtin.pub", other.toPem()));

    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> verify(swapped, "dev/rampart/packs/demo/pack.yaml"));

    assertEquals("""
        rule pack classpath:dev/rampart/packs/demo/pack.yaml is refused: it is signed by a key that is not trusted
        1. classpath:dev/rampart/packs/demo/pack.sig:3:9: signed by key %s, which is not trusted (trusted: %s (the\
         built-in key); to accept the pack, trust its signer's public key, e.g. --trusted-key signer.pub)"""
        .formatted(builtinKey.id(), other.id()), text(refused));
  }

  private static List<PackSignature> verify(URL root, String resource) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
      PackVerifier verifier = new PackVerifier(List.of(), Map.of());
      PackComposer.load(PackSource.classpath(loader, resource), verifier);
      return verifier.signatures();
    }
  }

  /** A jar of the fixture class path, with the text of the entries {@code replaced} replaced. */
  private URL jar(Map<String, String> replaced) throws IOException {
    Path jar = temp.resolve("packs-" + System.nanoTime() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        List<String> names = new ArrayList<>();
        CLASSES.relativize(file).forEach(name -> names.add(name.toString()));
        String entry = String.join("/", names);
        out.putNextEntry(new JarEntry(entry));
        if (replaced.containsKey(entry)) {
          out.write(replaced.get(entry).getBytes(StandardCharsets.UTF_8));
        } else {
          Files.copy(file, (OutputStream) out);
        }
        out.closeEntry();
      }
    }
    return jar.toUri().toURL();
  }

  private static String text(Exception e) {
    return e.getMessage().replace(System.lineSeparator(), "\n");
  }
}
