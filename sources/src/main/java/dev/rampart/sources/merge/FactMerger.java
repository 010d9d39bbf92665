package dev.rampart.sources.merge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Merges facts from several sources: groups the records that describe the same thing (by the
 * policy's identity keys), then merges each group field by field in source-precedence order. A
 * field no source reported stays absent; it is never defaulted.
 */
@API(status = INTERNAL, since = "0.1")
public final class FactMerger {

  private final MergePolicy policy;

  public FactMerger(MergePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Merges the facts; the result keeps the order in which each merged fact first arrived. Whether a
   * device is recorded is decided by the systems of record among the facts (see {@link #merge(List, boolean)}).
   */
  public List<MergedFact> merge(List<SourcedFact> facts) {
    return merge(facts, facts.stream().anyMatch(fact -> fact.role() == SourceRole.SYSTEM_OF_RECORD));
  }

  /**
   * Merges the facts, each device with its {@link DevicePresence presence} replacing any a source wrote;
   * the result keeps the order in which each merged fact first arrived.
   *
   * @param recordsRead whether the systems of record were read whole: at least one, and none failed; only
   *     then is a device that none lists unmanaged rather than unknown
   */
  public List<MergedFact> merge(List<SourcedFact> facts, boolean recordsRead) {
    List<SourcedFact> stripped = facts.stream().map(DevicePresence::withoutPresence).toList();
    List<MergedFact> merged = new ArrayList<>();
    for (List<SourcedFact> group : group(stripped)) {
      merged.add(mergeGroup(group, recordsRead));
    }
    return List.copyOf(merged);
  }

  private List<List<SourcedFact>> group(List<SourcedFact> facts) {
    int[] parent = new int[facts.size()];
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      members.put(i, new ArrayList<>(List.of(i)));
    }
    // stronger keys bind first; a group never takes in a record that a member is known to differ from
    Map<MergeKey, List<Integer>> buckets = new LinkedHashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      for (MergeKey key : keys(facts.get(i).fact())) {
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> bucket : orderedByKey(buckets)) {
      for (int a = 0; a < bucket.size(); a++) {
        for (int b = a + 1; b < bucket.size(); b++) {
          int left = find(parent, bucket.get(a));
          int right = find(parent, bucket.get(b));
          if (left != right && same(facts.get(bucket.get(a)), facts.get(bucket.get(b)))
              && compatible(facts, members.get(left), members.get(right))) {
            parent[right] = left;
            members.get(left).addAll(members.remove(right));
          }
        }
      }
    }
    Map<Integer, List<SourcedFact>> groups = new LinkedHashMap<>();
    for (int i = 0; i < facts.size(); i++) {
      groups.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(facts.get(i));
    }
    return new ArrayList<>(groups.values());
  }

  private List<List<Integer>> orderedByKey(Map<MergeKey, List<Integer>> buckets) {
    List<List<Integer>> ordered = new ArrayList<>();
    for (IdentityKey identity : policy.deviceIdentity()) {
      buckets.forEach((key, bucket) -> {
        if (key.type() == FactType.DEVICE && key.identity() == identity) {
          ordered.add(bucket);
        }
      });
    }
    buckets.forEach((key, bucket) -> {
      if (key.type() != FactType.DEVICE) {
        ordered.add(bucket);
      }
    });
    return ordered;
  }

  private boolean compatible(List<SourcedFact> facts, List<Integer> left, List<Integer> right) {
    for (int i : left) {
      for (int j : right) {
        if (differ(facts.get(i), facts.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Known to be different things: two records of one source, or a decisive key disagrees. */
  private boolean differ(SourcedFact first, SourcedFact second) {
    if (first.origin().sourceId().equals(second.origin().sourceId())
        && first.origin().location().equals(second.origin().location())) {
      return true;
    }
    if (!(first.fact() instanceof Device x) || !(second.fact() instanceof Device y)) {
      return !first.fact().id().equals(second.fact().id());
    }
    return !same(first, second) && decidedApart(x, y);
  }

  private boolean decidedApart(Device x, Device y) {
    for (IdentityKey key : policy.deviceIdentity()) {
      List<String> left = values(x, key);
      List<String> right = values(y, key);
      if (key != IdentityKey.ID && !left.isEmpty() && !right.isEmpty()) {
        return left.stream().noneMatch(right::contains);
      }
    }
    return false;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private List<MergeKey> keys(Fact fact) {
    if (!(fact instanceof Device device)) {
      return List.of(new MergeKey(fact.type(), IdentityKey.ID, fact.id()));
    }
    List<MergeKey> keys = new ArrayList<>();
    for (IdentityKey identity : policy.deviceIdentity()) {
      for (String value : values(device, identity)) {
        keys.add(new MergeKey(FactType.DEVICE, identity, value));
      }
    }
    return keys;
  }

  private boolean same(SourcedFact first, SourcedFact second) {
    Fact a = first.fact();
    Fact b = second.fact();
    if (a.type() != b.type()) {
      return false;
    }
    if (!(a instanceof Device x) || !(b instanceof Device y)) {
      return a.id().equals(b.id());
    }
    if (first.origin().sourceId().equals(second.origin().sourceId())
        && first.origin().location().equals(second.origin().location())) {
      // one source lists each device once; two of its records are two devices
      return false;
    }
    for (IdentityKey key : policy.deviceIdentity()) {
      List<String> left = values(x, key);
      List<String> right = values(y, key);
      boolean overlap = left.stream().anyMatch(right::contains);
      if (key == IdentityKey.ID) {
        // ids are often source-local (a scanner names devices by address), so only equality counts
        if (overlap) {
          return true;
        }
      } else if (!left.isEmpty() && !right.isEmpty()) {
        return overlap;
      }
    }
    return false;
  }

  private static List<String> values(Device device, IdentityKey key) {
    return switch (key) {
      case ID -> List.of(device.id());
      case SERIAL_NUMBER -> device.serialNumber() == null ? List.of() : List.of(device.serialNumber().strip());
      case MAC_ADDRESS -> device.macAddress() == null ? List.of() : List.of(normalizeMac(device.macAddress()));
      case IP_ADDRESS -> device.ipAddresses() == null ? List.of() : device.ipAddresses();
    };
  }

  static String normalizeMac(String mac) {
    return mac.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
  }

  private MergedFact mergeGroup(List<SourcedFact> group, boolean recordsRead) {
    List<SourcedFact> ranked = new ArrayList<>(group);
    // stable: equal ranks keep arrival order
    ranked.sort(Comparator.comparingInt(f -> policy.rank(f.origin().sourceId())));
    List<Origin> sources = ranked.stream().map(SourcedFact::origin).toList();
    if (ranked.size() == 1) {
      SourcedFact only = ranked.get(0);
      Map<FieldPath, Origin> origins = new LinkedHashMap<>();
      RecordMerge.originsOf(only.fact(), FieldPath.root(), only.origin(), origins);
      DevicePresence.originOf(ranked, origins);
      return new MergedFact(DevicePresence.stamp(only.fact(), ranked, recordsRead), only.origin(), sources, origins,
          List.of());
    }
    RecordMerge merge = new RecordMerge();
    List<RecordMerge.Claim> claims = new ArrayList<>();
    for (SourcedFact fact : ranked) {
      claims.add(new RecordMerge.Claim(fact.fact(), fact.origin()));
    }
    Fact fact = (Fact) merge.merge(ranked.get(0).fact().getClass(), claims, FieldPath.root());
    Map<FieldPath, Origin> origins = new LinkedHashMap<>(merge.origins());
    DevicePresence.originOf(ranked, origins);
    return new MergedFact(DevicePresence.stamp(fact, ranked, recordsRead), ranked.get(0).origin(), sources, origins,
        merge.conflicts());
  }

  /** Records that share a key may describe one thing: a device's serial number, a network's id. */
  private record MergeKey(FactType type, IdentityKey identity, String value) {}
}
