package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A pack directory's signature that checked out, or was just written, and what it binds the pack to.
 *
 * @param pack the pack directory as messages name it, e.g. {@code packs/site} or
 *     {@code classpath:dev/rampart/packs/iot-baseline}
 * @param keyId the id of the key that signed: the first 16 hex digits of the SHA-256 of its 32 raw bytes
 * @param builtinKey whether that key is the built-in key shipped beside the built-in packs
 * @param files how many files the signature covers
 * @param signed the id and version the pack is signed as: it loads only as that pack
 * @param bases the id and version of each base the pack is signed on, nearest first: its base, that
 *     base's base, and so on; it loads only on those bases
 */
@API(status = STABLE, since = "0.1")
public record PackSignature(
    String pack, String keyId, boolean builtinKey, int files, Identity signed, List<Identity> bases) {

  public PackSignature {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(signed, "signed");
    bases = List.copyOf(bases);
  }

  /**
   * A pack's id and version as a signature holds them.
   *
   * @param id the pack id, as its {@code metadata.id}
   * @param version the version exactly as its {@code metadata.version} writes it
   */
  public record Identity(String id, String version) {

    public Identity {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
    }
  }
}
