package dev.rampart.packs.build;

import dev.rampart.packsigning.PackSigning;
import dev.rampart.packsigning.SigningKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of rampart-rule-packs (run by the exec plugin in process-classes): signs every
 * built-in pack in the build's output directory and writes the public half of the key beside the
 * packs as {@code rampart-builtin.pub}. By default the key pair is made for this build only: its
 * private half is never written anywhere and is gone when this program ends. A release may give a
 * kept key instead ({@code -Drampart.signing.key=FILE}). See docs/pack-signing.md.
 */
public final class SignBuiltinPacks {

  /** The second argument that asks for a key pair made for this build. */
  private static final String EPHEMERAL = "ephemeral";

  private SignBuiltinPacks() {}

  /**
   * {@code args[0]}: the directory holding the built-in packs, e.g. target/classes/dev/rampart/packs;
   * {@code args[1]}: {@value #EPHEMERAL}, or a PEM private key file to sign with.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SignBuiltinPacks PACKS_DIRECTORY ephemeral|KEY_FILE");
    }
    Path packs = Path.of(args[0]);
    SigningKey key = args[1].equals(EPHEMERAL) ? SigningKey.generate() : SigningKey.read(Path.of(args[1]));
    int signed = 0;
    try (DirectoryStream<Path> directories = Files.newDirectoryStream(packs, Files::isDirectory)) {
      for (Path directory : directories) {
        if (Files.isRegularFile(directory.resolve("pack.yaml"))) {
          PackSigning.sign(directory, key);
          signed++;
        }
      }
    }
    if (signed == 0) {
      throw new IOException("no built-in pack (DIR/pack.yaml) in " + packs);
    }
    Path publicKey = packs.resolve("rampart-builtin.pub");
    Files.deleteIfExists(publicKey);
    key.writePublicKeyTo(publicKey);
  }
}
