package dev.rampart.adapter.certificates;

import java.nio.file.Path;

/** The certificate files kept next to the tests. */
final class CertificateFiles {

  static final Path DIRECTORY = Path.of("src/test/resources/dev/rampart/adapter/certificates/files");

  private CertificateFiles() {}

  static Path path(String name) {
    return DIRECTORY.resolve(name);
  }
}
