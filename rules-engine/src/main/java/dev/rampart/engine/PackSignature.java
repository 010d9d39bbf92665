package dev.rampart.engine;

import java.util.Objects;

/**
 * A pack directory's signature that checked out, or was just written.
 *
 * @param pack the pack directory as messages name it, e.g. {@code packs/site} or
 *     {@code classpath:dev/rampart/packs/iot-baseline}
 * @param keyId the id of the key that signed, see {@link VerifyingKey#id()}
 * @param builtinKey whether that key is the built-in key shipped beside the built-in packs
 * @param files how many files the signature covers
 */
public record PackSignature(String pack, String keyId, boolean builtinKey, int files) {

  public PackSignature {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(keyId, "keyId");
  }
}
