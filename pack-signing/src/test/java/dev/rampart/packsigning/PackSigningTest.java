package dev.rampart.packsigning;

import static dev.rampart.packsigning.SignedPacks.pack;
import static dev.rampart.packsigning.SignedPacks.read;
import static dev.rampart.packsigning.SignedPacks.site;
import static dev.rampart.packsigning.SignedPacks.tailored;
import static dev.rampart.packsigning.SignedPacks.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rampart.engine.MinimumVersions;
import dev.rampart.engine.PackSignatures;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.PackSignatureException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing a pack directory and loading it only when its signature checks out: the round trip, the
 * {@code pack.sig} format, and each case of refusal with its exact message.
 */
class PackSigningTest {

  static final PackSignature.Identity SITE = new PackSignature.Identity("site", "1.0");
  static final PackSignature.Identity TAILORED = new PackSignature.Identity("tailored", "1.0");

  @TempDir Path temp;

  SigningKey key;
  Path site;

  @BeforeEach
  void signSite() throws Exception {
    key = SigningKey.generate();
    site = site(temp);
    PackSigning.sign(site, key);
  }

  @Nested
  class RoundTrip {

    @Test
    void aSignedPackLoadsWithItsSignersKeyTrusted() throws Exception {
      RulePack pack = RulePacks.loadVerified(site.resolve("pack.yaml"), TrustedKeys.of(key.verifyingKey()));

      assertEquals("site@1.0", pack.toString());
      assertEquals(List.of(new PackSignature(site.toString(), key.id(), false, 2, SITE, List.of())),
          PackSignatures.verify(site, TrustedKeys.of(key.verifyingKey())));
    }

    @Test
    void theSignatureFileHoldsTheHeaderAndTheSignedManifest() throws Exception {
      String signature = read(site.resolve("pack.sig"));
      String manifest = sha256(site.resolve("pack.yaml")) + "  pack.yaml\n"
          + sha256(site.resolve("tests/devices.yaml")) + "  tests/devices.yaml\n";
      String[] lines = signature.split("\n");
      String base64 = lines[3].substring("signature: ".length());
      String signed = """
          rampart-pack-signature: 2
          pack: site 1.0

          """ + manifest;

      assertEquals("""
          rampart-pack-signature: 2
          algorithm: Ed25519
          key-id: %s
          signature: %s
          pack: site 1.0
          files: 2

          %s""".formatted(key.id(), base64, manifest), signature);
      assertTrue(key.verifyingKey().verifies(signed.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(base64)));
    }

    @Test
    void theKeyIdIsTheStartOfTheSha256OfThePublicKey() throws Exception {
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.verifyingKey().encoded()));

      assertEquals(digest.substring(0, 16), key.id());
    }

    @Test
    void signingAgainReplacesTheSignatureAndLeavesNoTemporaryFile() throws Exception {
      write(site.resolve("tests/more.yaml"), "more: true\n");
      PackSignature signature = PackSigning.sign(site.resolve("pack.yaml"), key);

      assertEquals(new PackSignature(site.toString(), key.id(), false, 3, SITE, List.of()), signature);
      try (var files = Files.list(site)) {
        assertEquals(List.of("pack.sig", "pack.yaml", "tests"), files.map(f -> f.getFileName().toString()).sorted().toList());
      }
      RulePacks.loadVerified(site, TrustedKeys.of(key.verifyingKey()));
    }

    @Test
    void anyOfSeveralTrustedKeysIsEnough() throws Exception {
      TrustedKeys trusted = TrustedKeys.of(SigningKey.generate().verifyingKey(), key.verifyingKey());

      assertEquals("site@1.0", RulePacks.loadVerified(site, trusted).toString());
    }
  }

  @Nested
  class Refusals {

    @Test
    void anUnsignedPack() throws IOException {
      Files.delete(site.resolve("pack.sig"));

      assertRefused(Reason.UNSIGNED, """
          rule pack {site}/pack.yaml is refused: it is not signed
          1. {site}/pack.sig: there is no signature file (sign the pack with 'rampart pack sign {site} --key KEY')""");
    }

    @Test
    void aFileChangedAfterSigning() {
      write(site.resolve("pack.yaml"), SignedPacks.PACK.replace("severity: medium", "severity: info"));

      assertRefused(Reason.MODIFIED, """
          rule pack {site}/pack.yaml is refused: 1 file changed after it was signed
          1. {site}/pack.yaml: changed after the pack was signed (restore the signed version, or re-sign the pack)""");
    }

    @Test
    void aFileAddedAfterSigning() {
      write(site.resolve("tests/extra.yaml"), "extra: true\n");

      assertRefused(Reason.MODIFIED, """
          rule pack {site}/pack.yaml is refused: 1 file changed after it was signed
          1. {site}/tests/extra.yaml: added after the pack was signed (remove it, or re-sign the pack)""");
    }

    @Test
    void aFileRemovedAfterSigning() throws IOException {
      Files.delete(site.resolve("tests/devices.yaml"));

      assertRefused(Reason.MODIFIED, """
          rule pack {site}/pack.yaml is refused: 1 file changed after it was signed
          1. {site}/tests/devices.yaml: removed after the pack was signed (restore it, or re-sign the pack)""");
    }

    @Test
    void everyChangedFileIsListedInPathOrder() throws IOException {
      Files.delete(site.resolve("tests/devices.yaml"));
      write(site.resolve("README.md"), "# Site\n");
      write(site.resolve("pack.yaml"), SignedPacks.PACK + "\n");

      assertRefused(Reason.MODIFIED, """
          rule pack {site}/pack.yaml is refused: 3 files changed after it was signed
          1. {site}/README.md: added after the pack was signed (remove it, or re-sign the pack)
          2. {site}/pack.yaml: changed after the pack was signed (restore the signed version, or re-sign the pack)
          3. {site}/tests/devices.yaml: removed after the pack was signed (restore it, or re-sign the pack)""");
    }

    @Test
    void aSignatureByAKeyThatIsNotTrusted() throws Exception {
      SigningKey other = SigningKey.generate();
      PackSigning.sign(site, other);

      assertRefused(Reason.UNTRUSTED_KEY, """
          rule pack {site}/pack.yaml is refused: it is signed by a key that is not trusted
          1. {site}/pack.sig:3:9: signed by key %s, which is not trusted (trusted: %s; to accept the pack,\
           trust its signer's public key, e.g. --trusted-key signer.pub)""".formatted(other.id(), key.id()));
    }

    @Test
    void aSignedPackWithNoKeyTrustedAtAll() {
      PackSignatureException refused = assertThrows(PackSignatureException.class,
          () -> RulePacks.loadVerified(site, TrustedKeys.none()));

      assertEquals(("""
          rule pack {site}/pack.yaml is refused: it is signed by a key that is not trusted
          1. {site}/pack.sig:3:9: signed by key %s, which is not trusted (no key is trusted for this pack;\
           to accept the pack, trust its signer's public key, e.g. --trusted-key signer.pub)""")
          .formatted(key.id()).replace("{site}", site.toString()), text(refused));
    }

    @Test
    void aSignatureThatDoesNotMatchItsManifest() {
      // the manifest in pack.sig edited to match an edited pack: the signature no longer fits it
      write(site.resolve("pack.yaml"), "tampered: true\n");
      String signature = read(site.resolve("pack.sig"));
      String line = signature.lines().filter(l -> l.endsWith("  pack.yaml")).findFirst().orElseThrow();
      write(site.resolve("pack.sig"), signature.replace(line, sha256(site.resolve("pack.yaml")) + "  pack.yaml"));

      assertRefused(Reason.BAD_SIGNATURE, """
          rule pack {site}/pack.yaml is refused: its signature does not match its manifest
          1. {site}/pack.sig:4:12: the signature is not key %s's signature of the manifest below it: the signature\
           file was altered or corrupted after signing (re-sign the pack with 'rampart pack sign')"""
          .formatted(key.id()));
    }
  }

  @Nested
  class MalformedSignatureFiles {

    @Test
    void badBase64() {
      replaceInSignature("\nsignature: ", "\nsignature: !!");

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:4:12: 'signature' is not valid base64: Illegal base64 character 21\
           (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void aSignatureOfTheWrongLength() {
      String signature = read(site.resolve("pack.sig"));
      String line = signature.lines().filter(l -> l.startsWith("signature: ")).findFirst().orElseThrow();
      write(site.resolve("pack.sig"), signature.replace(line, "signature: AAAA"));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:4:12: 'signature' holds 3 bytes, not the 64 of an Ed25519 signature\
           (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void anotherVersion() {
      replaceInSignature("rampart-pack-signature: 2", "rampart-pack-signature: 3");

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:1:25: signature format version '3' is not supported: this rampart reads version 2\
           (use the rampart that signed the pack, or re-sign the pack with this one)""");
    }

    @Test
    void theFirstVersionWhichSignedTheFilesOnlyIsRefusedWithHowToReSign() {
      write(site.resolve("pack.sig"), """
          rampart-pack-signature: 1
          algorithm: Ed25519
          key-id: %s
          signature: %s
          files: 0

          """.formatted(key.id(), Base64.getEncoder().encodeToString(key.sign(new byte[0]))));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:1:25: signature format version 1 signs the pack's files but not its id and version, nor\
           its base's, so an older signed copy or another signed pack could stand in for it; it is no longer accepted\
           (re-sign the pack with this rampart: 'rampart pack sign DIRECTORY --key KEY' writes version 2)""");
    }

    @Test
    void aPackLineThatIsNoIdAndVersion() {
      replaceInSignature("\npack: site 1.0\n", "\npack: site\n");

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:5:7: 'pack' must be a pack id, a space and a version, not 'site'\
           (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void notASignatureFileAtAll() {
      write(site.resolve("pack.sig"), "-----BEGIN PGP SIGNATURE-----\n");

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:1:1: this is not a rampart pack signature: the first line must be\
           'rampart-pack-signature: 2', not '-----BEGIN PGP SIGNATURE-----' (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void truncatedInTheManifest() {
      String signature = read(site.resolve("pack.sig"));
      write(site.resolve("pack.sig"), signature.substring(0, signature.indexOf("  tests/devices.yaml") - 10));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:9:55: the last line does not end with a line feed: the file is truncated\
           (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void truncatedAtTheEndOfALineOfTheManifest() {
      String signature = read(site.resolve("pack.sig"));
      write(site.resolve("pack.sig"), signature.substring(0, signature.indexOf("  pack.yaml\n") + "  pack.yaml\n".length()));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:8:1: the manifest lists 1 files but the header says 2: the file is truncated or was\
           edited (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void truncatedInTheHeader() {
      String signature = read(site.resolve("pack.sig"));
      write(site.resolve("pack.sig"), signature.substring(0, signature.indexOf("\nsignature: ") + 1));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:4:1: the file ends before the blank line and the manifest: it is truncated\
           (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void empty() {
      write(site.resolve("pack.sig"), "");

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:1:1: the file is empty (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void lineEndsChangedToCrLf() {
      write(site.resolve("pack.sig"), read(site.resolve("pack.sig")).replace("\n", "\r\n"));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:1:26: the line ends with a carriage return: the file's line ends were changed to CR LF\
           (keep pack.sig byte for byte, e.g. mark it '-text' in .gitattributes) (re-sign the pack with 'rampart pack sign')""");
    }

    @Test
    void everyMistakeOfAnEditedHeaderIsListed() {
      replaceInSignature("algorithm: Ed25519\nkey-id: ", "algorithm: RSA\nsigner: me\nkey-id: X");

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:2:12: algorithm 'RSA' is not supported: pack signatures use Ed25519 (re-sign the pack\
           with 'rampart pack sign')
          2. {site}/pack.sig:3:1: unknown header 'signer' (the header has algorithm, key-id, signature, pack, files and\
           base)\
           (re-sign the pack with 'rampart pack sign')
          3. {site}/pack.sig:4:9: 'key-id' must be 16 lower-case hex digits, not 'X%s' (re-sign the pack with\
           'rampart pack sign')""".formatted(key.id().substring(0, 16)));
    }

    @Test
    void aManifestPathOutsideThePack() {
      String signature = read(site.resolve("pack.sig"));
      write(site.resolve("pack.sig"), signature.replace("  tests/devices.yaml", "  ../devices.yaml"));

      assertRefused(Reason.MALFORMED, """
          rule pack {site}/pack.yaml is refused: its signature file is malformed
          1. {site}/pack.sig:9:67: '../devices.yaml' is not a path inside the pack: the manifest holds relative\
           paths with '/' between names and no '.' or '..' (re-sign the pack with 'rampart pack sign')""");
    }

    private void replaceInSignature(String text, String replacement) {
      String signature = read(site.resolve("pack.sig"));
      assertTrue(signature.contains(text));
      write(site.resolve("pack.sig"), signature.replaceFirst(java.util.regex.Pattern.quote(text),
          java.util.regex.Matcher.quoteReplacement(replacement)));
    }
  }

  @Nested
  class Chains {

    @Test
    void aBaseInAnotherDirectoryMustBeSignedToo() throws Exception {
      Path base = site;
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, key);
      Files.delete(base.resolve("pack.sig"));

      PackSignatureException refused = assertThrows(PackSignatureException.class,
          () -> RulePacks.loadVerified(tailored, TrustedKeys.of(key.verifyingKey())));

      assertEquals(Reason.UNSIGNED, refused.reason());
      assertEquals(("""
          rule pack {site}/pack.yaml, the base of {tailored}/pack.yaml, is refused: it is not signed
          1. {site}/pack.sig: there is no signature file (sign the pack with 'rampart pack sign {site} --key KEY')""")
          .replace("{site}", base.toString()).replace("{tailored}", tailored.toString()), text(refused));
    }

    @Test
    void eachPackOfAChainMaBeSignedByItsOwnTrustedKey() throws Exception {
      SigningKey siteKey = SigningKey.generate();
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, siteKey);
      TrustedKeys trusted = TrustedKeys.of(siteKey.verifyingKey(), key.verifyingKey());

      assertEquals("tailored@1.0", RulePacks.loadVerified(tailored, trusted).toString());
      assertEquals(List.of(
              new PackSignature(tailored.toString(), siteKey.id(), false, 1, TAILORED, List.of(SITE)),
              new PackSignature(site.toString(), key.id(), false, 2, SITE, List.of())),
          PackSignatures.verify(tailored.resolve("pack.yaml"), trusted));
    }

    @Test
    void aBaseBesideThePackIsCoveredByTheSameSignature() throws Exception {
      write(site.resolve("tailored.yaml"), read(tailored(temp, "scratch", "./pack.yaml").resolve("pack.yaml")));
      PackSigning.sign(site.resolve("tailored.yaml"), key);

      assertEquals(List.of(new PackSignature(site.toString(), key.id(), false, 3,
              new PackSignature.Identity("scratch", "1.0"), List.of(SITE))),
          PackSignatures.verify(site.resolve("tailored.yaml"), TrustedKeys.of(key.verifyingKey())));
    }

    @Test
    void nothingOfARefusedPackIsParsed() throws Exception {
      // a pack that would not even parse is refused for its signature first, so its text is never read as YAML
      write(site.resolve("pack.yaml"), "{{{ not yaml");

      assertEquals(Reason.MODIFIED, assertThrows(PackSignatureException.class,
          () -> RulePacks.loadVerified(site, TrustedKeys.of(key.verifyingKey()))).reason());
    }
  }

  @Nested
  class WhatCannotBeSigned {

    @Test
    void aSymbolicLinkInThePack() throws Exception {
      Path link = site.resolve("tests/link.yaml");
      try {
        Files.createSymbolicLink(link, site.resolve("tests/devices.yaml"));
      } catch (UnsupportedOperationException | IOException e) {
        assumeTrue(false, "symbolic links are not available here");
      }

      PackSignatureException refused = assertThrows(PackSignatureException.class, () -> PackSigning.sign(site, key));

      assertEquals(Reason.UNREADABLE, refused.reason());
      assertEquals(("""
          rule pack {site} cannot be signed: its files cannot be read
          1. {site}/tests/link.yaml: is a symbolic link; a signed pack holds regular files only (replace the link\
           with a copy of the file it points to)""").replace("{site}", site.toString()), text(refused));
      assertRefused(Reason.UNREADABLE, """
          rule pack {site}/pack.yaml is refused: its files cannot be read
          1. {site}/tests/link.yaml: is a symbolic link; a signed pack holds regular files only (replace the link\
           with a copy of the file it points to)""");
    }

    // what stands in place of the pack file is named for what it is (InputFiles), not called missing
    @Test
    void aFifoInPlaceOfThePackFile() throws Exception {
      Path directory = temp.resolve("piped");
      Files.createDirectories(directory);
      Path fifo = directory.resolve("pack.yaml");
      assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");

      for (Path named : List.of(directory, fifo)) {
        PackLoadException refused = assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> assertThrows(PackLoadException.class, () -> PackSigning.sign(named, key)));

        assertEquals(("""
            1 problem in rule pack:
            1. {dir}/pack.yaml: the pack is not a regular file: a device, FIFO or socket is never read (save the \
            input to a file and name that)""")
            .replace("{dir}", directory.toString()), text(refused), named.toString());
      }
    }

    @Test
    void aDirectoryWithoutPackYaml() {
      Path empty = temp.resolve("empty");
      write(empty.resolve("notes.txt"), "no pack here\n");

      IOException refused = assertThrows(IOException.class, () -> PackSigning.sign(empty, key));

      assertEquals(empty.resolve("pack.yaml") + ": a pack directory holds pack.yaml", refused.getMessage());
    }
  }

  @Nested
  class WhatThePackIs {

    TrustedKeys trusted;

    @BeforeEach
    void trust() {
      trusted = TrustedKeys.of(key.verifyingKey());
    }

    PackSignatureException refusedLoading(Path pack, MinimumVersions minimum) {
      return assertThrows(PackSignatureException.class, () -> RulePacks.loadVerified(pack, trusted, minimum));
    }

    @Test
    void anOlderSignedCopyIsRefusedBelowTheMinimumVersion() throws Exception {
      // site 1.0 is signed with the same key as its successor 1.2 was: a copy from history
      PackSignatureException refused = refusedLoading(site, MinimumVersions.none().require("site", "1.2"));

      assertEquals(Reason.BELOW_MINIMUM_VERSION, refused.reason());
      assertEquals("""
          rule pack {site}/pack.yaml is refused: its version is below the minimum required
          1. {site}/pack.yaml: pack 'site' is version 1.0, below the minimum version 1.2 required for it: an older\
           signed copy is refused (use version 1.2 or later of pack 'site')""".replace("{site}", site.toString()),
          text(refused));
    }

    @Test
    void theMinimumIsComparedAsAVersion() throws Exception {
      Path newer = pack(temp, "newer", "site", "1.10");
      PackSigning.sign(newer, key);

      assertEquals("site@1.10", RulePacks.loadVerified(newer, trusted, MinimumVersions.none().require("site", "1.9"))
          .toString());
      assertEquals("site@1.0", RulePacks.loadVerified(site, trusted, MinimumVersions.none().require("site", "1.0.0"))
          .toString());
      assertEquals("site@1.0", RulePacks.loadVerified(site, trusted, MinimumVersions.none().require("other", "9"))
          .toString());
    }

    @Test
    void anOlderSignedCopyIsRefusedAsABaseToo() throws Exception {
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, key);

      PackSignatureException refused = refusedLoading(tailored, MinimumVersions.none().require("site", "2.0"));

      assertEquals(Reason.BELOW_MINIMUM_VERSION, refused.reason());
      assertEquals("""
          rule pack {site}/pack.yaml, the base of {tailored}/pack.yaml, is refused: its version is below the minimum\
           required
          1. {site}/pack.yaml: pack 'site' is version 1.0, below the minimum version 2.0 required for it: an older\
           signed copy is refused (use version 2.0 or later of pack 'site')"""
          .replace("{site}", site.toString()).replace("{tailored}", tailored.toString()), text(refused));
    }

    @Test
    void aPackSignedAsAnotherIdIsRefusedAsThatId() throws Exception {
      // a lenient pack kept in the signed directory is covered by its files, but it is not the pack signed
      write(site.resolve("lab.yaml"), read(pack(temp, "scratch", "lab-lenient", "3.0").resolve("pack.yaml")));
      PackSigning.sign(site, key);

      PackSignatureException refused = refusedLoading(site.resolve("lab.yaml"), MinimumVersions.none());

      assertEquals(Reason.NOT_THE_SIGNED_PACK, refused.reason());
      assertEquals("""
          rule pack {site}/lab.yaml is refused: it is not the pack that was signed
          1. {site}/pack.sig:5:7: signed as pack 'site' version 1.0, but {site}/lab.yaml is pack 'lab-lenient'\
           version 3.0 (load the pack that was signed; to use this one, review it and sign it in a directory of its\
           own with 'rampart pack sign {site}/lab.yaml --key KEY')""".replace("{site}", site.toString()),
          text(refused));
    }

    @Test
    void aBaseSwappedForAnotherSignedPackIsRefused() throws Exception {
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, key);
      // another site's lenient pack, signed with the same key, put where the base was
      Files.writeString(site.resolve("pack.yaml"), read(pack(temp, "lenient", "lab-lenient", "1.0").resolve("pack.yaml")));
      PackSigning.sign(site, key);

      PackSignatureException refused = refusedLoading(tailored, MinimumVersions.none());

      assertEquals(Reason.NOT_THE_SIGNED_PACK, refused.reason());
      assertEquals("""
          rule pack {site}/pack.yaml, the base of {tailored}/pack.yaml, is refused: it is not the pack that was signed
          1. {tailored}/pack.sig:6:7: {tailored}/pack.yaml was signed on its base being pack 'site' version 1.0, but\
           its base, {site}/pack.yaml, is pack 'lab-lenient' version 1.0 (restore the base {tailored}/pack.yaml was\
           signed on; if this base is meant, review it and re-sign {tailored}/pack.yaml with 'rampart pack sign')"""
          .replace("{site}", site.toString()).replace("{tailored}", tailored.toString()), text(refused));
    }

    @Test
    void aBaseSwappedForAnOlderSignedCopyIsRefused() throws Exception {
      Path newer = pack(temp, "common", "site", "1.1");
      PackSigning.sign(newer, key);
      Path tailored = tailored(temp, "tailored", "../common/pack.yaml");
      PackSigning.sign(tailored, key);
      write(newer.resolve("pack.yaml"), read(site.resolve("pack.yaml")));
      write(newer.resolve("pack.sig"), read(site.resolve("pack.sig")));
      write(newer.resolve("tests/devices.yaml"), read(site.resolve("tests/devices.yaml")));

      PackSignatureException refused = refusedLoading(tailored, MinimumVersions.none());

      assertEquals(Reason.NOT_THE_SIGNED_PACK, refused.reason());
      assertTrue(text(refused).contains("{tailored}/pack.yaml was signed on its base being pack 'site' version 1.1,"
          .replace("{tailored}", tailored.toString()) + " but its base, " + newer.resolve("pack.yaml")
          + ", is pack 'site' version 1.0 "), text(refused));
    }

    @Test
    void aBaseSwappedForOneThatExtendsAnotherIsRefused() throws Exception {
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, key);
      // the same id and version, but now on a base of its own
      Path upper = pack(temp, "upper", "upper", "1.0");
      PackSigning.sign(upper, key);
      Files.writeString(site.resolve("pack.yaml"), read(site.resolve("pack.yaml"))
          .replace("rules:\n", "extends: ../upper/pack.yaml\nrules:\n").replace("SITE-001", "SITE-002"));
      PackSigning.sign(site, key);

      PackSignatureException refused = refusedLoading(tailored, MinimumVersions.none());

      assertEquals(Reason.NOT_THE_SIGNED_PACK, refused.reason());
      assertEquals("""
          rule pack {upper}/pack.yaml, the base of {site}/pack.yaml, is refused: it is not the pack that was signed
          1. {tailored}/pack.sig:6:7: {tailored}/pack.yaml was signed on a chain of 2 packs, but {upper}/pack.yaml is\
           pack 'upper' version 1.0, base number 2 of its chain (restore the bases {tailored}/pack.yaml was signed on;\
           if this chain is meant, review it and re-sign {tailored}/pack.yaml with 'rampart pack sign')"""
          .replace("{site}", site.toString()).replace("{tailored}", tailored.toString())
          .replace("{upper}", upper.toString()), text(refused));
    }

    @Test
    void aBaseSwappedForOneThatExtendsNoneOfTheSignedBasesIsRefused() throws Exception {
      Path upper = pack(temp, "upper", "upper", "1.0");
      PackSigning.sign(upper, key);
      String original = read(site.resolve("pack.yaml"));
      write(site.resolve("pack.yaml"), original.replace("rules:\n", "extends: ../upper/pack.yaml\nrules:\n")
          .replace("SITE-001", "SITE-002"));
      PackSigning.sign(site, key);
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, key);
      // the same id and version as the signed base, but without the base above it
      write(site.resolve("pack.yaml"), original);
      PackSigning.sign(site, key);

      PackSignatureException refused = refusedLoading(tailored, MinimumVersions.none());

      assertEquals(Reason.NOT_THE_SIGNED_PACK, refused.reason());
      assertEquals("""
          rule pack {tailored}/pack.yaml is refused: it is not the pack that was signed
          1. {tailored}/pack.sig:7:7: {tailored}/pack.yaml was signed on a chain of 3 packs ending in pack 'upper'\
           version 1.0, but its chain now holds 2 packs (restore the bases {tailored}/pack.yaml was signed on; if this\
           chain is meant, review it and re-sign {tailored}/pack.yaml with 'rampart pack sign')"""
          .replace("{tailored}", tailored.toString()), text(refused));
    }

    @Test
    void theSignatureNamesThePackAndEachBase() throws Exception {
      Path tailored = tailored(temp, "tailored", "../site/pack.yaml");
      PackSigning.sign(tailored, key);

      assertTrue(read(tailored.resolve("pack.sig")).contains("\npack: tailored 1.0\nbase: site 1.0\nfiles: 1\n\n"));
    }
  }

  private void assertRefused(Reason reason, String expected) {
    PackSignatureException refused = assertThrows(PackSignatureException.class,
        () -> RulePacks.loadVerified(site.resolve("pack.yaml"), TrustedKeys.of(key.verifyingKey())));
    assertEquals(expected.replace("{site}", site.toString()), text(refused));
    assertEquals(reason, refused.reason());
  }

  private static String text(Exception e) {
    return e.getMessage().replace(System.lineSeparator(), "\n");
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
