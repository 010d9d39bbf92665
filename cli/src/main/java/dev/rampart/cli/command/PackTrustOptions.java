package dev.rampart.cli.command;

import dev.rampart.engine.MinimumVersions;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.KeyFileException;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --require-signed}, {@code --trusted-key} and {@code --min-pack-version}: load rule packs
 * only when their signatures check out and their versions are recent enough (docs/pack-signing.md).
 * Shared by the commands that load packs to evaluate them.
 */
final class PackTrustOptions {

  @Option(
      names = "--require-signed",
      description = "Load a pack only if it, and every base it extends, is signed by a trusted key and unchanged"
          + " since (built-in packs: by the key that ships with rampart). An unsigned pack, a file added,"
          + " removed or changed after signing, a signature by another key or a malformed pack.sig is an"
          + " input error (exit code 2) that says which.")
  private boolean requireSigned;

  @Option(
      names = "--trusted-key",
      paramLabel = "FILE",
      description = "With --require-signed: a public key file (PEM, as 'rampart pack keygen' writes it) whose"
          + " signatures are accepted. Repeatable. Built-in packs need none.")
  private List<Path> trustedKeyFiles = new ArrayList<>();

  @Option(
      names = "--min-pack-version",
      paramLabel = "ID=VERSION",
      description = "With --require-signed: refuse pack ID, as the pack evaluated or as a base, when its version is"
          + " below VERSION (compared as versions: 1.10 > 1.9), so an older signed copy cannot stand in for the"
          + " current one. Repeatable, e.g. --min-pack-version iot-baseline=1.0.0.")
  private List<String> minimumVersions = new ArrayList<>();

  /** The {@code --trusted-key} files as given. */
  List<Path> keyFiles() {
    return List.copyOf(trustedKeyFiles);
  }

  /**
   * Loads the packs, each named as commands name packs: a bare id is a built-in pack, a path with a
   * '/' or an extension a pack file. On a mistake adds every problem found and returns null.
   */
  @Nullable List<RulePack> load(List<String> packs, List<String> problems) {
    TrustedKeys trusted = null;
    if (requireSigned) {
      trusted = readKeys(trustedKeyFiles, problems);
    } else if (!trustedKeyFiles.isEmpty() || !minimumVersions.isEmpty()) {
      if (!trustedKeyFiles.isEmpty()) {
        problems.add("rampart: --trusted-key is used with --require-signed: add --require-signed to load only packs"
            + " signed by a trusted key");
      }
      if (!minimumVersions.isEmpty()) {
        problems.add("rampart: --min-pack-version is used with --require-signed: an unsigned pack's version proves"
            + " nothing; add --require-signed");
      }
      return null;
    }
    MinimumVersions minimum = readMinimumVersions(minimumVersions, problems);
    if (requireSigned && (trusted == null || minimum == null)) {
      return null;
    }
    List<RulePack> loaded = new ArrayList<>();
    for (String pack : packs) {
      try {
        loaded.add(load(pack, trusted, minimum));
      } catch (PackLoadException | PackSignatureException e) {
        problems.add(e.getMessage());
      }
    }
    return loaded.size() < packs.size() ? null : loaded;
  }

  /** Reads public key files; on a mistake adds every problem found and returns null. */
  static @Nullable TrustedKeys readKeys(List<Path> files, List<String> problems) {
    List<VerifyingKey> keys = new ArrayList<>();
    int before = problems.size();
    for (Path file : files) {
      try {
        keys.add(VerifyingKey.read(file));
      } catch (KeyFileException e) {
        problems.add("rampart: --trusted-key " + e.getMessage());
      }
    }
    return problems.size() > before ? null : TrustedKeys.of(keys);
  }

  /** Reads {@code ID=VERSION} values; on a mistake adds every problem found and returns null. */
  static @Nullable MinimumVersions readMinimumVersions(List<String> values, List<String> problems) {
    MinimumVersions minimum = MinimumVersions.none();
    Map<String, String> seen = new HashMap<>();
    int before = problems.size();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals <= 0 || equals == value.length() - 1) {
        problems.add("rampart: --min-pack-version '" + value + "' is not ID=VERSION: write e.g."
            + " --min-pack-version iot-baseline=1.0.0");
        continue;
      }
      String id = value.substring(0, equals);
      String version = value.substring(equals + 1);
      String earlier = seen.putIfAbsent(id, version);
      if (earlier != null) {
        problems.add("rampart: --min-pack-version gives pack '" + id + "' twice, " + earlier + " and " + version
            + ": give each pack one minimum");
        continue;
      }
      try {
        minimum = minimum.require(id, version);
      } catch (IllegalArgumentException e) {
        problems.add("rampart: --min-pack-version '" + value + "': " + e.getMessage());
      }
    }
    return problems.size() > before ? null : minimum;
  }

  // A bare id is always a built-in pack, a path with a '/' or an extension a file: never a file
  // that happens to be named like a built-in pack (RulePacks.namesBuiltin).
  private static RulePack load(String pack, @Nullable TrustedKeys trusted, @Nullable MinimumVersions minimum)
      throws PackLoadException, PackSignatureException {
    return trusted == null || minimum == null ? RulePacks.named(pack)
        : RulePacks.namedVerified(pack, trusted, minimum);
  }
}
