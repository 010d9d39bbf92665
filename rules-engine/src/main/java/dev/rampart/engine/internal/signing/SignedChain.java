package dev.rampart.engine.internal.signing;

import dev.rampart.engine.value.PackSignature;
import java.util.List;
import java.util.Objects;

/**
 * What a signature says about the pack it signs, besides its files: the id and version of the pack
 * signed and of each base in its chain, nearest first. It is signed with the manifest, so an older
 * signed copy of the pack, a pack signed as another id, or a base swapped for another signed pack
 * is recognised when loaded.
 *
 * @param pack the pack signed
 * @param bases the packs it extends: its base, that base's base, and so on
 */
record SignedChain(Identity pack, List<Identity> bases) {

  public SignedChain {
    Objects.requireNonNull(pack, "pack");
    bases = List.copyOf(bases);
  }

  /** The identity expected at {@code depth} of the chain: 0 for the pack signed, 1 for its base, and so on. */
  public Identity at(int depth) {
    return depth == 0 ? pack : bases.get(depth - 1);
  }

  /**
   * The signature of the pack directory {@code pack} that binds this chain, as the API shows it.
   *
   * @param files how many files the signature covers
   */
  public PackSignature signature(String pack, String keyId, boolean builtinKey, int files) {
    return new PackSignature(pack, keyId, builtinKey, files, this.pack.shown(),
        bases.stream().map(Identity::shown).toList());
  }

  /** How many packs the chain holds, the signed pack included. */
  public int size() {
    return bases.size() + 1;
  }

  /**
   * A pack's id and version, as its {@code metadata} gives them.
   *
   * @param id the pack id: letters, digits, '.', '_' and '-'
   * @param version the version exactly as written
   */
  public record Identity(String id, String version) {

    public Identity {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
    }

    /** The value of a {@code pack} or {@code base} line of {@code pack.sig}: the id, a space, the version. */
    public String line() {
      return id + " " + version;
    }

    /** The identity as {@link PackSignature} shows it. */
    PackSignature.Identity shown() {
      return new PackSignature.Identity(id, version);
    }

    /** How messages name it: {@code 'site' version 1.2.0}. */
    @Override
    public String toString() {
      return "'" + id + "' version " + version;
    }
  }
}
