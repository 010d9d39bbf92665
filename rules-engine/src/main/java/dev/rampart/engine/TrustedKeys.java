package dev.rampart.engine;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The public keys whose signatures a verified load accepts. A built-in pack is also accepted when
 * signed with the built-in key that ships beside it in rampart-rule-packs; that key is trusted for
 * built-in packs only.
 */
@API(status = STABLE, since = "0.1")
public final class TrustedKeys {

  private static final TrustedKeys NONE = new TrustedKeys(List.of());

  private final List<VerifyingKey> keys;

  private TrustedKeys(List<VerifyingKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /** No key: only built-in packs, signed with the built-in key, are accepted. */
  public static TrustedKeys none() {
    return NONE;
  }

  public static TrustedKeys of(VerifyingKey... keys) {
    return of(List.of(keys));
  }

  /** The keys, without duplicates, in the order given. */
  public static TrustedKeys of(Collection<VerifyingKey> keys) {
    Objects.requireNonNull(keys, "keys");
    return new TrustedKeys(new ArrayList<>(new LinkedHashSet<>(keys)));
  }

  public List<VerifyingKey> keys() {
    return keys;
  }

  /** The keys with this id; more than one only if two keys' ids collide. */
  public List<VerifyingKey> withId(String id) {
    return keys.stream().filter(key -> key.id().equals(id)).toList();
  }

  @Override
  public String toString() {
    return keys.isEmpty() ? "no trusted key" : "trusted keys " + keys.stream().map(VerifyingKey::id).toList();
  }
}
