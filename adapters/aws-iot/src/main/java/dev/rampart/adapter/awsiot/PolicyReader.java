package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesResponse;
import software.amazon.awssdk.services.iot.model.ListThingGroupsForThingResponse;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The IoT policies that apply to a thing's certificates: those attached to the certificates, and
 * those attached to the thing groups the thing is in and to their parent groups, which AWS IoT
 * applies to the things of the group. Policies, group lineages and attachments shared by many
 * things are fetched once per read.
 */
final class PolicyReader {

  private static final int PAGE_SIZE = 250;

  private final IotClient client;
  private final Calls calls;
  private final Map<String, List<String>> attached = new HashMap<>();
  private final Map<String, List<GroupNameAndArn>> lineages = new HashMap<>();
  private final Map<String, PolicyDocument> documents = new HashMap<>();
  private final Map<String, String> invalid = new HashMap<>();

  PolicyReader(IotClient client, Calls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** Told which policy cannot be read, and why. */
  @FunctionalInterface
  interface Unreadable {
    void policy(String name, String reason);
  }

  /**
   * What the policies of the thing's certificates and of its thing groups allow and deny, with the
   * policies' names: certificates' policies first, then each group's, nearest group first; or
   * {@code null} when one of them cannot be read, after telling {@code unreadable} which and why
   * (a smaller list of what is allowed would judge wrongly).
   */
  @Nullable AccessPolicy accessPolicy(String thing, List<String> certificateArns, Unreadable unreadable)
      throws SourceException {
    Set<String> names = new LinkedHashSet<>();
    for (String arn : certificateArns) {
      names.addAll(attached(arn, "for certificate " + arn.substring(arn.lastIndexOf('/') + 1)));
    }
    for (GroupNameAndArn group : groups(thing)) {
      names.addAll(attached(group.groupArn(), "for thing group '" + group.groupName() + "'"));
    }
    Set<String> actions = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> deniedActions = new LinkedHashSet<>();
    Set<String> deniedResources = new LinkedHashSet<>();
    boolean read = true;
    for (String name : names) {
      PolicyDocument policy = document(name);
      if (policy == null) {
        unreadable.policy(name, invalid.get(name));
        read = false;
        continue;
      }
      actions.addAll(policy.allowedActions());
      resources.addAll(policy.allowedResources());
      deniedActions.addAll(policy.deniedActions());
      deniedResources.addAll(policy.deniedResources());
    }
    if (!read) {
      return null;
    }
    return new AccessPolicy(List.copyOf(actions), List.copyOf(resources), List.copyOf(deniedActions),
        List.copyOf(deniedResources), List.copyOf(names));
  }

  /** The thing's groups and their ancestors, each once: every group, then its parents nearest first. */
  private List<GroupNameAndArn> groups(String thing) throws SourceException {
    List<GroupNameAndArn> direct = calls.everyPage("call iot:ListThingGroupsForThing", "for thing '" + thing + "'",
        ResourceNotFoundException.class,
        token -> client.listThingGroupsForThing(request -> request.thingName(thing).maxResults(PAGE_SIZE).nextToken(token)),
        ListThingGroupsForThingResponse::thingGroups, ListThingGroupsForThingResponse::nextToken);
    if (direct == null) {
      // Deleted while the fleet was being read: it is in no group any more.
      return List.of();
    }
    Map<String, GroupNameAndArn> groups = new LinkedHashMap<>();
    for (GroupNameAndArn group : direct) {
      for (GroupNameAndArn member : lineage(group)) {
        groups.putIfAbsent(member.groupName(), member);
      }
    }
    return List.copyOf(groups.values());
  }

  /** The group and its parent groups, nearest first. */
  private List<GroupNameAndArn> lineage(GroupNameAndArn group) throws SourceException {
    List<GroupNameAndArn> cached = lineages.get(group.groupName());
    if (cached != null) {
      return cached;
    }
    List<GroupNameAndArn> lineage = new ArrayList<>(List.of(group));
    DescribeThingGroupResponse description = calls.callOrAbsent("call iot:DescribeThingGroup",
        "for thing group '" + group.groupName() + "'", ResourceNotFoundException.class,
        () -> client.describeThingGroup(request -> request.thingGroupName(group.groupName())));
    if (description != null && description.thingGroupMetadata() != null) {
      List<GroupNameAndArn> rootToParent = new ArrayList<>(description.thingGroupMetadata().rootToParentThingGroups());
      Collections.reverse(rootToParent);
      lineage.addAll(rootToParent);
    }
    lineages.put(group.groupName(), List.copyOf(lineage));
    return lineage;
  }

  /** The names of the policies attached to a certificate or thing group. */
  private List<String> attached(String target, String subject) throws SourceException {
    List<String> cached = attached.get(target);
    if (cached != null) {
      return cached;
    }
    List<Policy> policies = calls.everyPage("call iot:ListAttachedPolicies", subject, ResourceNotFoundException.class,
        marker -> client.listAttachedPolicies(request -> request.target(target).pageSize(PAGE_SIZE).marker(marker)),
        ListAttachedPoliciesResponse::policies, ListAttachedPoliciesResponse::nextMarker);
    // A certificate or group deleted while the fleet was being read has no policy any more.
    List<String> names = policies == null ? List.of() : policies.stream().map(Policy::policyName).toList();
    attached.put(target, names);
    return names;
  }

  /** The policy's default version, or {@code null} when it cannot be read ({@link #invalid} says why). */
  private @Nullable PolicyDocument document(String name) throws SourceException {
    if (documents.containsKey(name) || invalid.containsKey(name)) {
      return documents.get(name);
    }
    var response = calls.call("call iot:GetPolicy", "for policy '" + name + "'",
        () -> client.getPolicy(request -> request.policyName(name)));
    try {
      PolicyDocument policy = PolicyDocument.parse(response.policyDocument());
      documents.put(name, policy);
      return policy;
    } catch (PolicyDocument.InvalidPolicyException e) {
      invalid.put(name, e.getMessage());
      return null;
    }
  }
}
