package dev.rampart.packsigning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pack directories for the signing tests, written into a temporary directory. */
final class SignedPacks {

  static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: site, version: "1.0", title: Site policy}
      rules:
        - id: SITE-001
          title: Device has an owner
          category: operations
          severity: medium
          target: device
          assert: {field: owner, exists: true}
      """;

  static final String TESTS = """
      apiVersion: rampart.dev/v1
      kind: PackTest
      """;

  private SignedPacks() {}

  /** A pack directory with {@code pack.yaml} and {@code tests/devices.yaml}. */
  static Path site(Path parent) {
    Path dir = parent.resolve("site");
    write(dir.resolve("pack.yaml"), PACK);
    write(dir.resolve("tests/devices.yaml"), TESTS);
    return dir;
  }

  /** A pack directory {@code name} holding the site pack under another id and version. */
  static Path pack(Path parent, String name, String id, String version) {
    Path dir = parent.resolve(name);
    write(dir.resolve("pack.yaml"), PACK.replace("{id: site, version: \"1.0\"",
        "{id: " + id + ", version: \"" + version + "\""));
    return dir;
  }

  /** A pack that extends {@code base} and adds one rule. */
  static Path tailored(Path parent, String name, String base) {
    Path dir = parent.resolve(name);
    write(dir.resolve("pack.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata: {id: %s, version: "1.0", title: Tailored}
        extends: %s
        rules:
          - id: TLR-001
            title: Device has a serial number
            category: operations
            severity: low
            target: device
            assert: {field: serialNumber, exists: true}
        """.formatted(name, base));
    return dir;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
