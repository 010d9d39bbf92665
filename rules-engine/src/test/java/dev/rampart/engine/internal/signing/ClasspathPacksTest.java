package dev.rampart.engine.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.MinimumVersions;
import dev.rampart.engine.PackSignature;
import dev.rampart.engine.PackSignatureException;
import dev.rampart.engine.PackSignatureException.Reason;
import dev.rampart.engine.PackSignatures;
import dev.rampart.engine.SigningKey;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.internal.load.PackSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  SigningKey builtinKey;
  Path classes;

  @BeforeEach
  void buildSignedClasses() throws Exception {
    builtinKey = SigningKey.generate();
    classes = temp.resolve("classes");
    for (String root : List.of("dev/rampart/packs/", "other/")) {
      Path pack = classes.resolve(root + "demo");
      write(pack.resolve("pack.yaml"), PACK);
      write(pack.resolve("tests/devices.yaml"), "devices: []\n");
      PackSignatures.sign(pack, builtinKey);
      builtinKey.verifyingKey().writeTo(classes.resolve(root + "rampart-builtin.pub"));
    }
  }

  @Test
  void aBuiltInPackInAJarVerifiesWithTheBuiltInKeyBesideIt() throws Exception {
    List<PackSignature> signatures = verify(jar(classes), "dev/rampart/packs/demo/pack.yaml");

    assertEquals(List.of(new PackSignature("classpath:dev/rampart/packs/demo", builtinKey.id(), true, 2,
        new PackSignature.Identity("demo", "1.0"), List.of())), signatures);
  }

  @Test
  void aBuiltInPackInADirectoryVerifiesWithTheBuiltInKeyBesideIt() throws Exception {
    List<PackSignature> signatures = verify(classes.toUri().toURL(), "dev/rampart/packs/demo/pack.yaml");

    assertEquals(List.of(new PackSignature("classpath:dev/rampart/packs/demo", builtinKey.id(), true, 2,
        new PackSignature.Identity("demo", "1.0"), List.of())), signatures);
  }

  @Test
  void aBuiltInPackChangedInTheJarIsRefused() throws Exception {
    write(classes.resolve("dev/rampart/packs/demo/pack.yaml"), PACK.replace("medium", "high"));

    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> verify(jar(classes), "dev/rampart/packs/demo/pack.yaml"));

    assertEquals(Reason.MODIFIED, refused.reason());
    assertEquals("""
        rule pack classpath:dev/rampart/packs/demo/pack.yaml is refused: 1 file changed after it was signed
        1. classpath:dev/rampart/packs/demo/pack.yaml: changed after the pack was signed (restore the signed version,\
         or re-sign the pack)""", text(refused));
  }

  @Test
  void theBuiltInKeyIsTrustedForBuiltInPacksOnly() throws Exception {
    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> verify(jar(classes), "other/demo/pack.yaml"));

    assertEquals(Reason.UNTRUSTED_KEY, refused.reason());
    assertEquals("""
        rule pack classpath:other/demo/pack.yaml is refused: it is signed by a key that is not trusted
        1. classpath:other/demo/pack.sig:3:9: signed by key %s, which is not trusted (no key is trusted for this\
         pack; to accept the pack, trust its signer's public key, e.g. --trusted-key signer.pub)"""
        .formatted(builtinKey.id()), text(refused));
  }

  @Test
  void aBuiltInPackSignedWithAnotherKeyThanTheOneBesideItIsRefused() throws Exception {
    Files.delete(classes.resolve("dev/rampart/packs/rampart-builtin.pub"));
    SigningKey other = SigningKey.generate();
    other.verifyingKey().writeTo(classes.resolve("dev/rampart/packs/rampart-builtin.pub"));

    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> verify(jar(classes), "dev/rampart/packs/demo/pack.yaml"));

    assertEquals("""
        rule pack classpath:dev/rampart/packs/demo/pack.yaml is refused: it is signed by a key that is not trusted
        1. classpath:dev/rampart/packs/demo/pack.sig:3:9: signed by key %s, which is not trusted (trusted: %s (the\
         built-in key); to accept the pack, trust its signer's public key, e.g. --trusted-key signer.pub)"""
        .formatted(builtinKey.id(), other.id()), text(refused));
  }

  private static List<PackSignature> verify(URL root, String resource) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
      PackVerifier verifier = new PackVerifier(TrustedKeys.none(), MinimumVersions.none());
      PackComposer.load(PackSource.classpath(loader, resource), verifier);
      return verifier.signatures();
    }
  }

  private Path jarFile(Path directory) throws IOException {
    Path jar = temp.resolve("packs-" + System.nanoTime() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        List<String> names = new java.util.ArrayList<>();
        directory.relativize(file).forEach(name -> names.add(name.toString()));
        out.putNextEntry(new JarEntry(String.join("/", names)));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private URL jar(Path directory) throws IOException {
    return jarFile(directory).toUri().toURL();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String text(Exception e) {
    return e.getMessage().replace(System.lineSeparator(), "\n");
  }
}
