package dev.rampart.engine.internal.signing;

import dev.rampart.engine.internal.load.PackComposer;
import dev.rampart.engine.value.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code pack.sig} file: a header of {@code NAME: VALUE} lines, a blank line, then the manifest:
 *
 * <pre>
 * rampart-pack-signature: 2
 * algorithm: Ed25519
 * key-id: 3b1f5c0e9d2a7b44
 * signature: (base64 of the 64-byte Ed25519 signature of the signed text)
 * pack: site 1.4.0
 * base: iot-baseline 1.2.0
 * files: 2
 *
 * 5a0c…(64 hex digits)  pack.yaml
 * 9e4d…(64 hex digits)  tests/devices.yaml
 * </pre>
 *
 * <p>The signed text is {@link #signedText}: the format line, the {@code pack} and {@code base}
 * lines, a blank line and the manifest, so the pack's id and version and its bases' are signed with
 * its files.
 *
 * @param keyId the id of the key that signed
 * @param signature the 64 signature bytes
 * @param chain the ids and versions signed
 * @param manifest the manifest signed
 * @param signed the bytes signed
 * @param keyIdLine the line of {@code key-id}, for messages
 * @param signatureLine the line of {@code signature}, for messages
 * @param chainLines the line of {@code pack}, then of each {@code base}, for messages
 */
record SignatureFile(
    String keyId, byte[] signature, SignedChain chain, Manifest manifest, byte[] signed, int keyIdLine,
    int signatureLine, List<Integer> chainLines) {

  /** The name of the first header line, whose value is the format version. */
  public static final String FORMAT = "rampart-pack-signature";

  /** The format version written and read. */
  public static final String VERSION = "2";

  /** The first format, which signed the files only; it is refused, see {@link Parser#checkFormatLine}. */
  static final String FILES_ONLY_VERSION = "1";

  /** The one signature algorithm. */
  public static final String ALGORITHM = "Ed25519";

  /** Largest signature file read. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final String RESIGN = "re-sign the pack with 'rampart pack sign'";
  private static final int MAX_PROBLEMS = 10;
  private static final int PACK_CHAIN_DEPTH = PackComposer.MAX_DEPTH + 1;
  private static final List<String> HEADERS = List.of("algorithm", "key-id", "signature", "pack", "files");
  private static final String BASE = "base";
  private static final Pattern IDENTITY = Pattern.compile("([A-Za-z0-9._-]+) ([^\\x00-\\x1f\\x7f]+)");
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{" + Ed25519.KEY_ID_DIGITS + "}");
  private static final Pattern ENTRY = Pattern.compile("([0-9a-f]{64})  (.+)");
  private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,8}");

  /** The text of the signature file. */
  public static String format(String keyId, byte[] signature, SignedChain chain, Manifest manifest) {
    return FORMAT + ": " + VERSION + "\n"
        + "algorithm: " + ALGORITHM + "\n"
        + "key-id: " + keyId + "\n"
        + "signature: " + Base64.getEncoder().encodeToString(signature) + "\n"
        + chainLines(chain)
        + "files: " + manifest.digests().size() + "\n"
        + "\n"
        + new String(manifest.canonical(), StandardCharsets.UTF_8);
  }

  /** The bytes a signature signs: the format line, the pack and base lines, a blank line, the manifest. */
  public static byte[] signedText(SignedChain chain, Manifest manifest) {
    return (FORMAT + ": " + VERSION + "\n" + chainLines(chain) + "\n"
        + new String(manifest.canonical(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether an id and version can stand in a {@code pack} or {@code base} line. */
  public static boolean canHold(SignedChain.Identity identity) {
    return IDENTITY.matcher(identity.line()).matches();
  }

  private static String chainLines(SignedChain chain) {
    StringBuilder lines = new StringBuilder("pack: ").append(chain.pack().line()).append('\n');
    chain.bases().forEach(base -> lines.append(BASE).append(": ").append(base.line()).append('\n'));
    return lines.toString();
  }

  /**
   * Reads a signature file.
   *
   * @param name the file, for messages
   * @throws MalformedSignature listing what is wrong, each with its line and column
   */
  public static SignatureFile parse(byte[] bytes, String name) throws MalformedSignature {
    return new Parser(name).parse(bytes);
  }

  /** Reads one file, collecting problems up to a limit. */
  private static final class Parser {

    private final String name;
    private final List<Problem> problems = new ArrayList<>();

    Parser(String name) {
      this.name = name;
    }

    SignatureFile parse(byte[] bytes) throws MalformedSignature {
      if (bytes.length > MAX_BYTES) {
        throw fail(0, 0, "is larger than " + MAX_BYTES + " bytes: this is no pack signature");
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw fail(0, 0, "is not UTF-8 text: this is no pack signature, or it was corrupted");
      }
      if (text.isEmpty()) {
        throw fail(1, 1, "the file is empty");
      }
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      String last = lines.remove(lines.size() - 1);
      if (!last.isEmpty()) {
        lines.add(last);
        throw fail(lines.size(), last.length() + 1, "the last line does not end with a line feed: the file is truncated");
      }
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith("\r")) {
          throw fail(i + 1, lines.get(i).length(), "the line ends with a carriage return: the file's line ends were"
              + " changed to CR LF (keep pack.sig byte for byte, e.g. mark it '-text' in .gitattributes)");
        }
      }
      checkFormatLine(lines.get(0));

      Map<String, String> header = new LinkedHashMap<>();
      Map<String, Integer> headerLine = new LinkedHashMap<>();
      List<SignedChain.Identity> bases = new ArrayList<>();
      List<Integer> baseLines = new ArrayList<>();
      int line = 1;
      while (line < lines.size() && !lines.get(line).isEmpty()) {
        if (lines.get(line).startsWith(BASE + ": ")) {
          readBase(lines.get(line), line + 1, bases, baseLines);
        } else {
          readHeader(lines.get(line), line + 1, header, headerLine);
        }
        line++;
      }
      if (line >= lines.size()) {
        problem(lines.size() + 1, 1, "the file ends before the blank line and the manifest: it is truncated");
        throw new MalformedSignature(problems);
      }
      int blank = line + 1;
      for (String missing : HEADERS) {
        if (!header.containsKey(missing)) {
          problem(blank, 1, "the header has no '" + missing + "' line before the blank line");
        }
      }
      String keyId = header.get("key-id");
      byte[] signature = decodeSignature(header.get("signature"), headerLine.getOrDefault("signature", 0));
      SortedMap<String, String> digests = readManifest(lines, blank);
      String files = header.get("files");
      if (files != null && COUNT.matcher(files).matches() && Integer.parseInt(files) != digests.size()
          && problems.isEmpty()) {
        problem(lines.size(), 1, "the manifest lists " + digests.size() + " files but the header says " + files
            + ": the file is truncated or was edited");
      }
      String pack = header.get("pack");
      if (!problems.isEmpty() || keyId == null || signature == null || pack == null) {
        throw new MalformedSignature(problems);
      }
      SignedChain chain = new SignedChain(identity(pack), bases);
      Manifest manifest = new Manifest(digests);
      List<Integer> chainLines = new ArrayList<>();
      chainLines.add(headerLine.get("pack"));
      chainLines.addAll(baseLines);
      return new SignatureFile(keyId, signature, chain, manifest, signedText(chain, manifest),
          headerLine.get("key-id"), headerLine.get("signature"), List.copyOf(chainLines));
    }

    private static SignedChain.Identity identity(String value) {
      int space = value.indexOf(' ');
      return new SignedChain.Identity(value.substring(0, space), value.substring(space + 1));
    }

    private void readBase(String text, int line, List<SignedChain.Identity> bases, List<Integer> lines) {
      String value = text.substring(BASE.length() + 2);
      if (!IDENTITY.matcher(value).matches()) {
        problem(line, BASE.length() + 3, "'" + BASE + "' must be a pack id, a space and a version, not '"
            + cut(value) + "'");
      } else if (bases.size() >= PACK_CHAIN_DEPTH) {
        problem(line, 1, "more than " + PACK_CHAIN_DEPTH + " '" + BASE + "' lines: a pack has at most "
            + PACK_CHAIN_DEPTH + " bases above it");
      } else {
        bases.add(identity(value));
        lines.add(line);
      }
    }

    private void checkFormatLine(String first) throws MalformedSignature {
      String prefix = FORMAT + ": ";
      if (!first.startsWith(prefix)) {
        throw fail(1, 1, "this is not a rampart pack signature: the first line must be '" + prefix + VERSION
            + "', not '" + cut(first) + "'");
      }
      String version = first.substring(prefix.length());
      if (version.equals(FILES_ONLY_VERSION)) {
        throw new MalformedSignature(List.of(new Problem(name, 1, prefix.length() + 1, null,
            "signature format version " + FILES_ONLY_VERSION + " signs the pack's files but not its id and version,"
                + " nor its base's, so an older signed copy or another signed pack could stand in for it;"
                + " it is no longer accepted",
            "re-sign the pack with this rampart: 'rampart pack sign DIRECTORY --key KEY' writes version " + VERSION)));
      }
      if (!version.equals(VERSION)) {
        throw new MalformedSignature(List.of(new Problem(name, 1, prefix.length() + 1, null,
            "signature format version '" + cut(version) + "' is not supported: this rampart reads version " + VERSION,
            "use the rampart that signed the pack, or re-sign the pack with this one")));
      }
    }

    private void readHeader(String text, int line, Map<String, String> header, Map<String, Integer> lines) {
      int colon = text.indexOf(": ");
      String key = colon < 0 ? text : text.substring(0, colon);
      if (colon <= 0 || !HEADERS.contains(key)) {
        problem(line, 1, colon <= 0
            ? "expected a header line 'NAME: VALUE', found '" + cut(text) + "'"
            : "unknown header '" + cut(key) + "' (the header has " + String.join(", ", HEADERS) + " and " + BASE + ")");
        return;
      }
      if (header.containsKey(key)) {
        problem(line, 1, "a second '" + key + "' line (the first is on line " + lines.get(key) + ")");
        return;
      }
      String value = text.substring(colon + 2);
      int column = colon + 3;
      switch (key) {
        case "algorithm" -> {
          if (!value.equals(ALGORITHM)) {
            problem(line, column, "algorithm '" + cut(value) + "' is not supported: pack signatures use " + ALGORITHM);
          }
        }
        case "key-id" -> {
          if (!KEY_ID.matcher(value).matches()) {
            problem(line, column, "'key-id' must be " + Ed25519.KEY_ID_DIGITS + " lower-case hex digits, not '"
                + cut(value) + "'");
          }
        }
        case "pack" -> {
          if (!IDENTITY.matcher(value).matches()) {
            problem(line, column, "'pack' must be a pack id, a space and a version, not '" + cut(value) + "'");
          }
        }
        case "files" -> {
          if (!COUNT.matcher(value).matches()) {
            problem(line, column, "'files' must be a count of files, not '" + cut(value) + "'");
          }
        }
        default -> {
          // the signature is decoded once every header line has been read
        }
      }
      header.put(key, value);
      lines.put(key, line);
    }

    private byte @Nullable [] decodeSignature(@Nullable String value, int line) {
      if (value == null) {
        return null;
      }
      int column = "signature: ".length() + 1;
      byte[] signature;
      try {
        signature = Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        problem(line, column, "'signature' is not valid base64: " + e.getMessage());
        return null;
      }
      if (signature.length != Ed25519.SIGNATURE_BYTES) {
        problem(line, column, "'signature' holds " + signature.length + " bytes, not the " + Ed25519.SIGNATURE_BYTES
            + " of an Ed25519 signature");
        return null;
      }
      return signature;
    }

    private SortedMap<String, String> readManifest(List<String> lines, int blank) {
      SortedMap<String, String> digests = new TreeMap<>(PackFiles.PATH_ORDER);
      String previous = null;
      for (int i = blank; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
        int line = i + 1;
        Matcher entry = ENTRY.matcher(lines.get(i));
        if (!entry.matches()) {
          problem(line, 1, "expected a manifest line '<SHA-256 as 64 lower-case hex digits>  <path>', found '"
              + cut(lines.get(i)) + "'");
          continue;
        }
        String path = entry.group(2);
        if (!isPackPath(path)) {
          problem(line, 67, "'" + cut(path) + "' is not a path inside the pack: the manifest holds relative paths"
              + " with '/' between names and no '.' or '..'");
          continue;
        }
        if (previous != null && PackFiles.PATH_ORDER.compare(previous, path) >= 0) {
          problem(line, 67, "'" + cut(path) + "' is out of order or repeated: the manifest is sorted by path");
          continue;
        }
        previous = path;
        digests.put(path, entry.group(1));
      }
      return digests;
    }

    private static boolean isPackPath(String path) {
      if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
        return false;
      }
      for (String name : path.split("/", -1)) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
          return false;
        }
      }
      return !path.equals(PackFiles.SIGNATURE);
    }

    private void problem(int line, int column, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new Problem(name, line, column, null, message, RESIGN));
      }
    }

    private MalformedSignature fail(int line, int column, String message) {
      problem(line, column, message);
      return new MalformedSignature(problems);
    }

    private static String cut(String text) {
      return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
  }
}
