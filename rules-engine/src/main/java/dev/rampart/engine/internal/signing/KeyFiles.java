package dev.rampart.engine.internal.signing;

import dev.rampart.engine.value.KeyFileException;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reading the small text files that hold keys; writing them is pack-signing's job. */
public final class KeyFiles {

  /** Largest key file read; a PEM Ed25519 key has about 120 bytes. */
  private static final int MAX_BYTES = 64 * 1024;

  private KeyFiles() {}

  /**
   * The text of a key file.
   *
   * @throws KeyFileException if it does not exist, cannot be read, is too large or is not text
   */
  public static String readText(Path file) throws KeyFileException {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, MAX_BYTES);
    } catch (InputFileException e) {
      throw new KeyFileException(file + ": the key file " + e.reason() + " ("
          + (e.kind() == InputFileException.Kind.TOO_LARGE ? "this is no key file" : e.fix()) + ")");
    }
    try {
      return StandardCharsets.US_ASCII.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new KeyFileException(file + ": is not a PEM text file (a binary DER key? convert it with"
          + " 'openssl pkey -inform DER -in KEY -out KEY.pem')");
    }
  }
}
