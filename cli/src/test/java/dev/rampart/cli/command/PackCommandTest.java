package dev.rampart.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.cli.CliRun;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.PackLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rampart pack keygen|sign|verify} and {@code rampart evaluate --require-signed}, end to end:
 * keys and packs in a temporary directory, the example inventory, the built-in pack as shipped.
 */
class PackCommandTest {

  private static final String INVENTORY = "../examples/inventory.yaml";
  private static final String TAILORED = "../examples/tailored-pack.yaml";
  private static final String BASELINE = "../rule-packs/src/main/resources/dev/rampart/packs/iot-baseline/pack.yaml";
  private static final String NOW = "2026-11-25";
  private static final Pattern KEY_ID = Pattern.compile("Key id: ([0-9a-f]{16})");

  @TempDir Path temp;

  Path keys;
  String keyId;
  Path site;

  @BeforeEach
  void makeKeysAndATailoredPack() throws IOException {
    keys = temp.resolve("keys");
    CliRun keygen = CliRun.of("pack", "keygen", "--out", keys.toString());
    Matcher id = KEY_ID.matcher(keygen.out());
    assertTrue(id.find(), keygen.out());
    keyId = id.group(1);
    assertEquals(0, keygen.exitCode(), keygen.err());
    assertEquals("""
        Wrote %1$s/rampart-signing.key: the private key; keep it secret (readable by its owner only)
        Wrote %1$s/rampart-signing.pub: the public key; verifiers trust it with --trusted-key
        Key id: %2$s
        """.formatted(keys, keyId), keygen.out());

    site = temp.resolve("site");
    Files.createDirectories(site);
    Files.copy(Path.of(TAILORED), site.resolve("pack.yaml"));
    Files.writeString(site.resolve("README.md"), "Harbourside Works site policy\n");
  }

  @Nested
  class Keygen {

    @Test
    void neverReplacesAKey() {
      CliRun again = CliRun.of("pack", "keygen", "--out", keys.toString());

      assertEquals(2, again.exitCode());
      assertEquals("rampart: " + keys.resolve("rampart-signing.key") + " exists already; 'rampart pack keygen' never"
          + " replaces a key (give another --out directory)\n", again.err());
    }

    @Test
    void leavesNoPrivateKeyBehindWhenThePublicKeyPathIsTaken() throws IOException {
      Path fresh = temp.resolve("fresh");
      Files.createDirectories(fresh);
      Files.createSymbolicLink(fresh.resolve("rampart-signing.pub"), temp.resolve("nowhere"));

      CliRun run = CliRun.of("pack", "keygen", "--out", fresh.toString());

      assertEquals(2, run.exitCode());
      assertEquals("rampart: " + fresh.resolve("rampart-signing.pub") + " exists already; 'rampart pack keygen' never"
          + " replaces a key (give another --out directory)\n", run.err());
      assertTrue(Files.notExists(fresh.resolve("rampart-signing.key")), "no private key without its public key");
    }

    @Test
    void eachKeyAppearsWholeUnderItsNameAndNoTemporaryFileRemains() throws Exception {
      Path watched = temp.resolve("watched");
      Files.createDirectories(watched);
      List<String> events = new ArrayList<>();
      try (WatchService watcher = watched.getFileSystem().newWatchService()) {
        watched.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);

        CliRun run = CliRun.of("pack", "keygen", "--out", watched.toString());

        assertEquals(0, run.exitCode(), run.err());
        for (WatchKey key = watcher.poll(2, TimeUnit.SECONDS); key != null;
            key = watcher.poll(500, TimeUnit.MILLISECONDS)) {
          for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context().toString().startsWith("rampart-signing.")) {
              events.add(event.kind().name() + " " + event.context());
            }
          }
          key.reset();
        }
      }
      // moved into place whole (a created name only), never created empty and then written
      assertEquals(List.of("ENTRY_CREATE rampart-signing.pub", "ENTRY_CREATE rampart-signing.key"), events);
      try (var files = Files.list(watched)) {
        assertEquals(List.of("rampart-signing.key", "rampart-signing.pub"),
            files.map(f -> f.getFileName().toString()).sorted().toList());
      }
    }

    @Test
    void aTrustedKeyFileWithMoreAfterItsKeyIsRefused() throws IOException {
      Path twoKeys = temp.resolve("two.pub");
      Files.writeString(twoKeys, Files.readString(Path.of(publicKey())) + "-----BEGIN PUBLIC KEY-----\nAAAA\n");
      CliRun.of("pack", "sign", site.toString(), "--key", key());

      CliRun verify = CliRun.of("pack", "verify", site.toString(), "--trusted-key", twoKeys.toString());

      assertEquals(2, verify.exitCode(), verify.out());
      assertTrue(verify.err().contains(twoKeys + ":4: text after the PUBLIC KEY ends on line 3; a key file holds one"
          + " key and nothing else (remove the rest, or split it into files)"), verify.err());
    }

    @Test
    void writesStandardPemFiles() throws Exception {
      assertEquals(keyId, VerifyingKey.read(keys.resolve("rampart-signing.pub")).id());
      // PKCS#8 version 1 of an Ed25519 key, as 'openssl genpkey -algorithm ed25519' writes it
      assertTrue(Files.readString(keys.resolve("rampart-signing.key")).startsWith("""
          -----BEGIN PRIVATE KEY-----
          MC4CAQAwBQYDK2VwBCIEI"""));
    }
  }

  @Nested
  class SignAndVerify {

    @Test
    void aSignedPackVerifiesWithItsKeyAndTheBuiltInKeyForItsBase() throws PackLoadException {
      CliRun sign = CliRun.of("pack", "sign", site.toString(), "--key", key());
      CliRun verify = CliRun.of("pack", "verify", site.toString(), "--trusted-key", publicKey());

      assertEquals("Signed %s (2 files) with key %s: wrote %s\n".formatted(site, keyId, site.resolve("pack.sig")),
          sign.out());
      assertEquals(0, sign.exitCode(), sign.err());
      assertEquals("""
          OK %s
            %s: 2 files signed by key %s, as 'harbourside-site' version 1.0.0 on 'iot-baseline' version %s
            classpath:dev/rampart/packs/iot-baseline: %d files signed by the built-in key %s, as 'iot-baseline'\
           version %s
          """.formatted(site, site, keyId, baselineVersion(), builtinFiles(), builtinKeyId(), baselineVersion()),
          verify.out());
      assertEquals("", verify.err());
      assertEquals(0, verify.exitCode());
    }

    @Test
    void theBuiltInPackVerifiesWithNoKeyGiven() throws PackLoadException {
      CliRun verify = CliRun.of("pack", "verify", "iot-baseline");

      assertEquals("""
          OK iot-baseline
            classpath:dev/rampart/packs/iot-baseline: %d files signed by the built-in key %s, as 'iot-baseline'\
           version %s
          """.formatted(builtinFiles(), builtinKeyId(), baselineVersion()), verify.out());
      assertEquals(0, verify.exitCode());
    }

    @Test
    void aPackWithMistakesIsNotSigned() throws IOException {
      Files.writeString(site.resolve("pack.yaml"), "apiVersion: rampart.dev/v1\nkind: RulePack\n");

      CliRun sign = CliRun.of("pack", "sign", site.resolve("pack.yaml").toString(), "--key", key());

      assertEquals(2, sign.exitCode());
      assertEquals("""
          2 problems in rule pack:
          1. %1$s:1:1: missing 'metadata' (add metadata with id, version and title)
          2. %1$s:1:1: missing 'rules' (add a list of rules)
          """.formatted(site.resolve("pack.yaml")), sign.err());
      assertTrue(Files.notExists(site.resolve("pack.sig")));
    }

    @Test
    void theSigningKeyMustBeAPrivateKey() {
      CliRun sign = CliRun.of("pack", "sign", site.toString(), "--key", publicKey());

      assertEquals("rampart: --key " + publicKey() + ":1: holds a public key, not the Ed25519 PRIVATE KEY expected"
          + " here (give the private key file, e.g. rampart-signing.key as 'rampart pack keygen' writes it; an"
          + " encrypted one must be decrypted with 'openssl pkey -in KEY -out PLAIN.key')\n", sign.err());
      assertEquals(2, sign.exitCode());
    }

    @Test
    void verifyNamesTheFileThatChanged() throws IOException {
      CliRun.of("pack", "sign", site.toString(), "--key", key());
      Files.writeString(site.resolve("README.md"), "edited\n");

      CliRun verify = CliRun.of("pack", "verify", site.toString(), "--trusted-key", publicKey());

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: 1 file changed after it was signed
          1. %1$s/README.md: changed after the pack was signed (restore the signed version, or re-sign the pack)
          """.formatted(site), verify.err());
      assertEquals("", verify.out());
      assertEquals(2, verify.exitCode());
    }
  }

  @Nested
  class EvaluateRequireSigned {

    @Test
    void theBuiltInPackIsEvaluatedOutOfTheBox() {
      CliRun run = CliRun.of("evaluate", INVENTORY, "--require-signed", "--now", NOW);

      // 1: the gate failed on the example's findings, so the pack was verified and evaluated
      assertEquals("", run.err());
      assertTrue(run.out().contains("Pack: iot-baseline"), run.out());
      assertEquals(1, run.exitCode());
    }

    @Test
    void aTailoredPackIsEvaluatedWithItsSignersKeyTrusted() {
      CliRun.of("pack", "sign", site.toString(), "--key", key());

      CliRun run = CliRun.of("evaluate", INVENTORY, "--pack", site.resolve("pack.yaml").toString(),
          "--require-signed", "--trusted-key", publicKey(), "--now", NOW);

      assertEquals("", run.err());
      assertTrue(run.out().contains("Pack: harbourside-site"), run.out());
      assertEquals(1, run.exitCode());
    }

    @Test
    void anUnsignedPackIsRefused() {
      CliRun run = requireSigned();

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: it is not signed
          1. %1$s/pack.sig: there is no signature file (sign the pack with 'rampart pack sign %1$s --key KEY')
          """.formatted(site), run.err());
      assertEquals("", run.out());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aPackWithAFileAddedIsRefused() throws IOException {
      CliRun.of("pack", "sign", site.toString(), "--key", key());
      Files.writeString(site.resolve("notes.txt"), "added later\n");

      CliRun run = requireSigned();

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: 1 file changed after it was signed
          1. %1$s/notes.txt: added after the pack was signed (remove it, or re-sign the pack)
          """.formatted(site), run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aPackWithAFileRemovedIsRefused() throws IOException {
      CliRun.of("pack", "sign", site.toString(), "--key", key());
      Files.delete(site.resolve("README.md"));

      CliRun run = requireSigned();

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: 1 file changed after it was signed
          1. %1$s/README.md: removed after the pack was signed (restore it, or re-sign the pack)
          """.formatted(site), run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aPackSignedByAnotherKeyIsRefused() {
      Path other = temp.resolve("other");
      CliRun otherKeygen = CliRun.of("pack", "keygen", "--out", other.toString());
      Matcher otherId = KEY_ID.matcher(otherKeygen.out());
      assertTrue(otherId.find());
      CliRun.of("pack", "sign", site.toString(), "--key", other.resolve("rampart-signing.key").toString());

      CliRun run = requireSigned();

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: it is signed by a key that is not trusted
          1. %1$s/pack.sig:3:9: signed by key %2$s, which is not trusted (trusted: %3$s; to accept the pack, trust its\
           signer's public key, e.g. --trusted-key signer.pub)
          """.formatted(site, otherId.group(1), keyId), run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aMalformedSignatureIsRefusedWithItsLine() throws IOException {
      CliRun.of("pack", "sign", site.toString(), "--key", key());
      Path signature = site.resolve("pack.sig");
      Files.writeString(signature, Files.readString(signature).replace("rampart-pack-signature: 2", "rampart-pack-signature: 7"));

      CliRun run = requireSigned();

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: its signature file is malformed
          1. %1$s/pack.sig:1:25: signature format version '7' is not supported: this rampart reads version 2 (use the\
           rampart that signed the pack, or re-sign the pack with this one)
          """.formatted(site), run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aTrustedKeyWithoutRequireSignedIsAMistake() {
      CliRun run = CliRun.of("evaluate", INVENTORY, "--trusted-key", publicKey(), "--now", NOW);

      assertEquals("rampart: --trusted-key is used with --require-signed: add --require-signed to load only packs"
          + " signed by a trusted key\n", run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void anOlderSignedCopyIsRefusedBelowTheMinimumVersion() {
      CliRun.of("pack", "sign", site.toString(), "--key", key());

      CliRun run = requireSigned("--min-pack-version", "harbourside-site=1.2", "--min-pack-version", "iot-baseline=1.0");

      assertEquals("""
          rule pack %1$s/pack.yaml is refused: its version is below the minimum required
          1. %1$s/pack.yaml: pack 'harbourside-site' is version 1.0.0, below the minimum version 1.2 required for it: an\
           older signed copy is refused (use version 1.2 or later of pack 'harbourside-site')
          """.formatted(site), run.err());
      assertEquals("", run.out());
      assertEquals(2, run.exitCode());
    }

    @Test
    void theMinimumAppliesToTheBuiltInBase() {
      CliRun.of("pack", "sign", site.toString(), "--key", key());

      CliRun run = requireSigned("--min-pack-version", "iot-baseline=1.0.1");

      assertEquals("""
          rule pack classpath:dev/rampart/packs/iot-baseline/pack.yaml, the base of %1$s/pack.yaml, is refused: its\
           version is below the minimum required
          1. classpath:dev/rampart/packs/iot-baseline/pack.yaml: pack 'iot-baseline' is version 1.0.0, below the minimum\
           version 1.0.1 required for it: an older signed copy is refused (use version 1.0.1 or later of pack\
           'iot-baseline')
          """.formatted(site), run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aBaseSwappedForAnotherSignedPackIsRefused() throws IOException {
      Path common = temp.resolve("common");
      Files.createDirectories(common);
      String baseline = Files.readString(Path.of(BASELINE));
      Files.writeString(common.resolve("pack.yaml"), baseline);
      CliRun.of("pack", "sign", common.toString(), "--key", key());
      Files.writeString(site.resolve("pack.yaml"), Files.readString(site.resolve("pack.yaml"))
          .replace("\nextends: iot-baseline@^1 ", "\nextends: ../common/pack.yaml@^1 "));
      CliRun.of("pack", "sign", site.toString(), "--key", key());
      assertEquals(1, requireSigned().exitCode());
      // another site's lenient pack, signed with the same key, dropped in as the base
      Files.writeString(common.resolve("pack.yaml"), baseline.replace("\n  id: iot-baseline\n", "\n  id: lab-lenient\n"));
      CliRun.of("pack", "sign", common.toString(), "--key", key());

      CliRun run = requireSigned();

      assertEquals("""
          rule pack %2$s/pack.yaml, the base of %1$s/pack.yaml, is refused: it is not the pack that was signed
          1. %1$s/pack.sig:6:7: %1$s/pack.yaml was signed on its base being pack 'iot-baseline' version 1.0.0, but its\
           base, %2$s/pack.yaml, is pack 'lab-lenient' version 1.0.0 (restore the base %1$s/pack.yaml was signed on; if\
           this base is meant, review it and re-sign %1$s/pack.yaml with 'rampart pack sign')
          """.formatted(site, common), run.err());
      assertEquals("", run.out());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aMinimumVersionWithoutRequireSignedIsAMistake() {
      CliRun run = CliRun.of("evaluate", INVENTORY, "--min-pack-version", "iot-baseline=1.0", "--now", NOW);

      assertEquals("rampart: --min-pack-version is used with --require-signed: an unsigned pack's version proves"
          + " nothing; add --require-signed\n", run.err());
      assertEquals(2, run.exitCode());
    }

    @Test
    void aMinimumVersionThatIsNotIdEqualsVersionIsAMistake() {
      CliRun run = CliRun.of("evaluate", INVENTORY, "--require-signed", "--min-pack-version", "iot-baseline",
          "--min-pack-version", "a=1", "--min-pack-version", "a=2", "--now", NOW);

      assertEquals("""
          rampart: --min-pack-version 'iot-baseline' is not ID=VERSION: write e.g. --min-pack-version iot-baseline=1.0.0
          rampart: --min-pack-version gives pack 'a' twice, 1 and 2: give each pack one minimum
          """, run.err());
      assertEquals(2, run.exitCode());
    }

    private CliRun requireSigned(String... more) {
      List<String> args = new ArrayList<>(List.of("evaluate", INVENTORY, "--pack", site.resolve("pack.yaml").toString(),
          "--require-signed", "--trusted-key", publicKey(), "--now", NOW));
      args.addAll(List.of(more));
      return CliRun.of(args.toArray(String[]::new));
    }
  }

  private String key() {
    return keys.resolve("rampart-signing.key").toString();
  }

  private String publicKey() {
    return keys.resolve("rampart-signing.pub").toString();
  }

  private static String builtinKeyId() {
    try (InputStream in = Objects.requireNonNull(
        PackCommandTest.class.getClassLoader().getResourceAsStream("dev/rampart/packs/rampart-builtin.pub"))) {
      return VerifyingKey.fromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII), "built-in").id();
    } catch (Exception e) {
      throw new AssertionError("the built-in key ships with rampart-rule-packs", e);
    }
  }

  private static String baselineVersion() throws PackLoadException {
    return RulePacks.builtin("iot-baseline").version();
  }

  private static int builtinFiles() {
    try (var files = Files.walk(Path.of("../rule-packs/src/main/resources/dev/rampart/packs/iot-baseline"))) {
      return (int) files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
