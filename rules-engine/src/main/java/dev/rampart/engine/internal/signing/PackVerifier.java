package dev.rampart.engine.internal.signing;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.Version;
import dev.rampart.engine.internal.load.BuiltinPacks;
import dev.rampart.engine.internal.load.PackProblems;
import dev.rampart.engine.internal.load.PackReader;
import dev.rampart.engine.internal.load.PackSource;
import dev.rampart.engine.value.KeyFileException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.engine.value.PackSignatureException.Reason;
import dev.rampart.engine.value.Problem;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads each pack of a chain only after the signature of its directory checks out: {@code pack.sig}
 * is well-formed, names a trusted key, is that key's signature of its manifest, and the manifest
 * matches the directory's files. The pack text given to the loader comes from the bytes checked.
 * A built-in pack is also accepted with the built-in key read from beside it in the same jar.
 *
 * <p>Once a pack is parsed, its id and version must be those its directory's signature names, and
 * each base's those the signature of the pack that extends it names, so neither another signed pack
 * nor an older signed copy stands in for one; and no version may be below its minimum.
 */
public final class PackVerifier implements PackReader<PackSignatureException> {

  /** The public key of the built-in packs, beside their directories: {@code dev/rampart/packs/rampart-builtin.pub}. */
  public static final String BUILTIN_KEY_FILE = "rampart-builtin.pub";

  private static final Pattern BUILTIN =
      Pattern.compile(Pattern.quote(BuiltinPacks.ROOT) + "([a-z0-9][a-z0-9-]*)/[^/]+");

  private final List<Ed25519PublicKey> trusted;
  private final Map<String, Version> minimum;
  private final Map<String, PackFiles> checked = new HashMap<>();
  private final List<PackSignature> signatures = new ArrayList<>();
  /** The signatures met so far in the chain, each with the depth of the pack it was met at. */
  private final List<Applied> applied = new ArrayList<>();
  private int deepest;

  /**
   * @param trusted the keys whose signatures are accepted, in the order messages list them
   * @param minimum the lowest version of each pack id that is accepted
   */
  public PackVerifier(List<Ed25519PublicKey> trusted, Map<String, Version> minimum) {
    this.trusted = List.copyOf(trusted);
    this.minimum = Map.copyOf(minimum);
  }

  /** The signatures checked so far, the pack asked for first, then its bases. */
  public List<PackSignature> signatures() {
    return List.copyOf(signatures);
  }

  @Override
  public String read(PackSource source, List<PackSource> below) throws PackProblems, PackSignatureException {
    if (!source.exists()) {
      return source.read();
    }
    String subject = subject(source, below);
    String entry;
    PackFiles files;
    if (source instanceof PackSource.File file) {
      Path parent = file.file().getParent();
      Path directory = parent == null ? Path.of("") : parent;
      entry = file.file().getFileName().toString();
      String key = "file:" + directory.toAbsolutePath().normalize();
      files = checked.containsKey(key) ? checked.get(key)
          : check(key, subject, snapshot(directory, subject), false, source, below.size());
    } else if (source instanceof PackSource.Classpath classpath) {
      URL url = Objects.requireNonNull(classpath.loader().getResource(classpath.resource()), "an existing resource");
      String resource = classpath.resource();
      entry = resource.substring(resource.lastIndexOf('/') + 1);
      boolean builtin = BUILTIN.matcher(resource).matches();
      String key = "classpath:" + url.toString().substring(0, url.toString().length() - entry.length());
      files = checked.containsKey(key) ? checked.get(key)
          : check(key, subject, snapshot(url, resource, builtin, subject), builtin, source, below.size());
    } else {
      throw new PackSignatureException(Reason.UNSIGNED, subject + " is refused: " + Reason.UNSIGNED.description(),
          List.of(new Problem(source.name(), 0, 0, null, "pack text that has no directory cannot carry a signature",
              "load the pack from its file")));
    }
    byte[] text = files.files().get(entry);
    if (text == null) {
      throw refuse(Reason.UNREADABLE, subject, new Problem(source.name(), 0, 0, null,
          "is not one of the pack's signed files", "load the pack file, e.g. pack.yaml"));
    }
    return PackSource.decode(text, source.name());
  }

  @Override
  public void loaded(PackSource source, PackDef pack, List<PackSource> below) throws PackSignatureException {
    int depth = below.size();
    deepest = Math.max(deepest, depth);
    SignedChain.Identity loaded = new SignedChain.Identity(pack.id(), pack.version());
    String subject = subject(source, below);
    for (Applied signed : applied) {
      Problem problem = signed.mismatch(source, loaded, depth);
      if (problem != null) {
        throw refuse(Reason.NOT_THE_SIGNED_PACK, subject, problem);
      }
    }
    Version lowest = minimum.get(pack.id());
    if (lowest != null && Version.parse(pack.version()).compareTo(lowest) < 0) {
      throw refuse(Reason.BELOW_MINIMUM_VERSION, subject, new Problem(source.name(), 0, 0, null,
          "pack '" + pack.id() + "' is version " + pack.version() + ", below the minimum version " + lowest
              + " required for it: an older signed copy is refused",
          "use version " + lowest + " or later of pack '" + pack.id() + "'"));
    }
    if (depth == 0) {
      for (Applied signed : applied) {
        Problem shorter = signed.shorter(deepest);
        if (shorter != null) {
          throw refuse(Reason.NOT_THE_SIGNED_PACK, subject, shorter);
        }
      }
    }
  }

  private PackFiles check(String key, String subject, PackFiles files, boolean builtin, PackSource source, int depth)
      throws PackSignatureException {
    String signatureName = files.name(PackFiles.SIGNATURE);
    byte[] bytes = files.signature();
    if (bytes == null) {
      String fix = builtin
          ? "this rampart-rule-packs jar was built without signing its packs;"
              + " use a jar built by Maven, which signs them"
          : "sign the pack with 'rampart pack sign "
              + (files.location().isEmpty() ? "." : files.location()) + " --key KEY'";
      throw refuse(Reason.UNSIGNED, subject, new Problem(signatureName, 0, 0, null, "there is no signature file", fix));
    }
    SignatureFile signature;
    try {
      signature = SignatureFile.parse(bytes, signatureName);
    } catch (MalformedSignature e) {
      throw new PackSignatureException(Reason.MALFORMED, subject + " is refused: " + Reason.MALFORMED.description(),
          e.problems());
    }

    List<Ed25519PublicKey> keys =
        new ArrayList<>(trusted.stream().filter(k -> k.id().equals(signature.keyId())).toList());
    Ed25519PublicKey builtinKey = builtin ? builtinKey(files) : null;
    if (builtinKey != null && builtinKey.id().equals(signature.keyId())) {
      keys.add(builtinKey);
    }
    if (keys.isEmpty()) {
      throw refuse(Reason.UNTRUSTED_KEY, subject, new Problem(signatureName, signature.keyIdLine(), 9, null,
          "signed by key " + signature.keyId() + ", which is not trusted", trustHint(builtin, builtinKey)));
    }
    Ed25519PublicKey signer = keys.stream()
        .filter(k -> k.verifies(signature.signed(), signature.signature()))
        .findFirst()
        .orElse(null);
    if (signer == null) {
      throw refuse(Reason.BAD_SIGNATURE, subject, new Problem(signatureName, signature.signatureLine(), 12, null,
          "the signature is not key " + signature.keyId() + "'s signature of the manifest below it:"
              + " the signature file was altered or corrupted after signing",
          "re-sign the pack with 'rampart pack sign'"));
    }

    List<Manifest.Change> changes = signature.manifest().changesTo(Manifest.of(files));
    if (!changes.isEmpty()) {
      List<Problem> problems = changes.stream().map(change -> describe(change, files)).toList();
      String count = changes.size() == 1 ? "1 file" : changes.size() + " files";
      throw new PackSignatureException(Reason.MODIFIED,
          subject + " is refused: " + count + " changed after it was signed", problems);
    }
    checked.put(key, files);
    applied.add(new Applied(signature, signatureName, source.name(), depth));
    signatures.add(signature.chain().signature(files.location().isEmpty() ? "." : files.location(), signature.keyId(),
        signer.equals(builtinKey), signature.manifest().digests().size()));
    return files;
  }

  private static String subject(PackSource source, List<PackSource> below) {
    return "rule pack " + source.name()
        + (below.isEmpty() ? "" : ", the base of " + below.get(below.size() - 1).name() + ",");
  }

  private static PackFiles snapshot(Path directory, String subject) throws PackSignatureException {
    try {
      return PackFiles.ofDirectory(directory);
    } catch (UnreadablePack e) {
      throw unreadable(subject, e);
    }
  }

  private static PackFiles snapshot(URL url, String resource, boolean builtin, String subject)
      throws PackSignatureException {
    try {
      return PackFiles.ofClasspath(url, resource, builtin ? BUILTIN_KEY_FILE : null);
    } catch (UnreadablePack e) {
      throw unreadable(subject, e);
    }
  }

  private static @Nullable Ed25519PublicKey builtinKey(PackFiles files) {
    byte[] pem = files.beside();
    if (pem == null) {
      return null;
    }
    try {
      return new Ed25519PublicKey(Ed25519.readPublicKey(new String(pem, StandardCharsets.US_ASCII), BUILTIN_KEY_FILE));
    } catch (KeyFileException e) {
      return null;
    }
  }

  private String trustHint(boolean builtin, @Nullable Ed25519PublicKey builtinKey) {
    List<String> ids = new ArrayList<>(trusted.stream().map(Ed25519PublicKey::id).toList());
    if (builtinKey != null) {
      ids.add(builtinKey.id() + " (the built-in key)");
    }
    String known = ids.isEmpty() ? "no key is trusted for this pack" : "trusted: " + String.join(", ", ids);
    String missing = builtin && builtinKey == null
        ? "; the built-in key " + BuiltinPacks.ROOT + BUILTIN_KEY_FILE + " is missing beside the built-in packs" : "";
    return known + missing + "; to accept the pack, trust its signer's public key, e.g. --trusted-key signer.pub";
  }

  private static Problem describe(Manifest.Change change, PackFiles files) {
    String name = files.name(change.path());
    return switch (change.kind()) {
      case ADDED -> new Problem(name, 0, 0, null, "added after the pack was signed", "remove it, or re-sign the pack");
      case REMOVED -> new Problem(name, 0, 0, null, "removed after the pack was signed",
          "restore it, or re-sign the pack");
      case CHANGED -> new Problem(name, 0, 0, null, "changed after the pack was signed",
          "restore the signed version, or re-sign the pack");
    };
  }

  /**
   * A signature met in the chain, which says what the packs from {@code start} up are.
   *
   * @param signedPack the pack it was met at, as messages name it: the pack signed
   * @param start the depth of that pack in the chain, 0 for the pack asked for
   */
  private record Applied(SignatureFile signature, String signatureName, String signedPack, int start) {

    /** Why the pack loaded at {@code depth} is not the one this signature names there, or null when it is. */
    @Nullable Problem mismatch(PackSource source, SignedChain.Identity loaded, int depth) {
      int above = depth - start;
      SignedChain chain = signature.chain();
      if (above < 0) {
        return null;
      }
      if (above >= chain.size()) {
        return problem(chain.size() - 1, signedPack + " was signed on a chain of " + packs(chain.size()) + ", but "
            + source.name() + " is pack " + loaded + ", base number " + above + " of its chain", rechain());
      }
      SignedChain.Identity signed = chain.at(above);
      if (signed.equals(loaded)) {
        return null;
      }
      if (above == 0) {
        return problem(0, "signed as pack " + signed + ", but " + source.name() + " is pack " + loaded,
            "load the pack that was signed; to use this one, review it and sign it in a directory of its own with"
                + " 'rampart pack sign " + source.name() + " --key KEY'");
      }
      String which = above == 1 ? "its base" : "base number " + above + " of its chain";
      return problem(above, signedPack + " was signed on " + which + " being pack " + signed + ", but " + which
          + ", " + source.name() + ", is pack " + loaded, "restore the base " + signedPack + " was signed on; if this"
          + " base is meant, review it and re-sign " + signedPack + " with 'rampart pack sign'");
    }

    /** Why a chain that ends at {@code deepest} is shorter than signed, or null when it is not. */
    @Nullable Problem shorter(int deepest) {
      SignedChain chain = signature.chain();
      int last = start + chain.size() - 1;
      if (deepest >= last) {
        return null;
      }
      return problem(chain.size() - 1, signedPack + " was signed on a chain of " + packs(chain.size())
          + " ending in pack " + chain.at(chain.size() - 1) + ", but its chain now holds "
          + packs(deepest - start + 1), rechain());
    }

    private String rechain() {
      return "restore the bases " + signedPack + " was signed on; if this chain is meant, review it and re-sign "
          + signedPack + " with 'rampart pack sign'";
    }

    private Problem problem(int index, String message, String fix) {
      return new Problem(signatureName, signature.chainLines().get(index), 7, null, message, fix);
    }

    private static String packs(int count) {
      return count == 1 ? "1 pack (no base)" : count + " packs";
    }
  }

  private static PackSignatureException refuse(Reason reason, String subject, Problem problem) {
    return new PackSignatureException(reason, subject + " is refused: " + reason.description(), List.of(problem));
  }

  private static PackSignatureException unreadable(String subject, UnreadablePack e) {
    return new PackSignatureException(Reason.UNREADABLE, subject + " is refused: " + Reason.UNREADABLE.description(),
        e.problems());
  }
}
