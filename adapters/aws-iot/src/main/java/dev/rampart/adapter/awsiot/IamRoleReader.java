package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.IamRole;
import dev.rampart.spi.fact.ServiceAccess;
import dev.rampart.spi.source.SourceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.JobStatusType;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Reads IAM roles: what their inline and managed policies allow and deny, and when the role last
 * used each service (IAM's service last-accessed data). Role aliases and identity pools share one
 * reader, so a role and a managed policy are read once per read of the fleet.
 */
final class IamRoleReader {

  private static final int PAGE_SIZE = 100;

  private final IamClient iam;
  private final AccountCalls calls;
  private final Polling polling;
  private final Map<String, IamRole> roles = new HashMap<>();
  private final Map<String, NamedPolicy> managed = new HashMap<>();

  /**
   * How long to wait for a service last-accessed job: IAM builds the report in the background.
   *
   * @param interval the wait between two looks at the job
   * @param attempts how many looks at most; a job still running then is a problem, not a hang
   */
  record Polling(Duration interval, int attempts) {

    /** One look a second for a minute. */
    static final Polling DEFAULT = new Polling(Duration.ofSeconds(1), 60);
  }

  IamRoleReader(IamClient iam, AccountCalls calls, Polling polling) {
    this.iam = iam;
    this.calls = calls;
    this.polling = polling;
  }

  /**
   * The role with this ARN; what could not be read (refused, or the role does not exist) stays
   * {@code null} in it, with a problem recorded.
   *
   * @throws SourceException when a call fails for another reason than a missing permission
   */
  IamRole role(String arn) throws SourceException {
    IamRole cached = roles.get(arn);
    if (cached != null) {
      return cached;
    }
    IamRole role = read(arn);
    roles.put(arn, role);
    return role;
  }

  private IamRole read(String arn) throws SourceException {
    String subject = "IAM role '" + arn + "'";
    // The role's name is the last part of its ARN's path: arn:aws:iam::123456789012:role/path/name.
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    Boolean exists = exists(subject, name);
    if (exists == null) {
      return new IamRole(arn, null, null);
    }
    if (!exists) {
      calls.problem(subject, "the role does not exist, so its permissions and service use stay unknown",
          "point the role alias or identity pool at an existing role, or delete it");
      return new IamRole(arn, null, null);
    }
    return new IamRole(arn, permissions(subject, name), serviceAccess(subject, arn));
  }

  /** The union of the role's policies, or {@code null} when one of them could not be read. */
  private @Nullable AccessPolicy permissions(String subject, String name) throws SourceException {
    String unknown = "its permissions";
    List<NamedPolicy> policies = new ArrayList<>();
    List<String> inline = inlinePolicyNames(subject, name, unknown);
    List<AttachedPolicy> attached = attachedPolicies(subject, name, unknown);
    if (inline == null || attached == null) {
      return null;
    }
    for (String policy : inline) {
      GetRolePolicyResponse response = calls.call("iam:GetRolePolicy", subject + " policy '" + policy + "'", unknown,
          () -> iam.getRolePolicy(request -> request.roleName(name).policyName(policy)));
      if (response == null) {
        return null;
      }
      policies.add(parse(subject + " inline policy '" + policy + "'", policy, response.policyDocument()));
    }
    for (AttachedPolicy policy : attached) {
      policies.add(managed(subject, policy));
    }
    Set<String> actions = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> deniedActions = new LinkedHashSet<>();
    Set<String> deniedResources = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (NamedPolicy policy : policies) {
      PolicyDocument document = policy.document();
      if (document == null) {
        return null;
      }
      actions.addAll(document.allowedActions());
      resources.addAll(document.allowedResources());
      deniedActions.addAll(document.deniedActions());
      deniedResources.addAll(document.deniedResources());
      names.add(policy.name());
    }
    return new AccessPolicy(List.copyOf(actions), List.copyOf(resources), List.copyOf(deniedActions),
        List.copyOf(deniedResources), names);
  }

  private @Nullable List<String> inlinePolicyNames(String subject, String name, String unknown)
      throws SourceException {
    return calls.pages("iam:ListRolePolicies", subject, unknown,
        marker -> iam.listRolePolicies(request -> request.roleName(name).maxItems(PAGE_SIZE).marker(marker)),
        ListRolePoliciesResponse::policyNames,
        response -> Boolean.TRUE.equals(response.isTruncated()) ? response.marker() : null);
  }

  private @Nullable List<AttachedPolicy> attachedPolicies(String subject, String name, String unknown)
      throws SourceException {
    return calls.pages("iam:ListAttachedRolePolicies", subject, unknown,
        marker -> iam.listAttachedRolePolicies(request -> request.roleName(name).maxItems(PAGE_SIZE).marker(marker)),
        ListAttachedRolePoliciesResponse::attachedPolicies,
        response -> Boolean.TRUE.equals(response.isTruncated()) ? response.marker() : null);
  }

  /** A managed policy's default version, read once per read even when many roles attach it. */
  private NamedPolicy managed(String subject, AttachedPolicy attached) throws SourceException {
    NamedPolicy cached = managed.get(attached.policyArn());
    if (cached != null) {
      return cached;
    }
    String arn = attached.policyArn();
    String about = "managed policy '" + arn + "' of " + subject;
    String unknown = "the role's permissions";
    NamedPolicy policy = new NamedPolicy(attached.policyName(), null);
    GetPolicyResponse described = calls.call("iam:GetPolicy", about, unknown,
        () -> iam.getPolicy(request -> request.policyArn(arn)));
    if (described != null) {
      String version = described.policy().defaultVersionId();
      GetPolicyVersionResponse document = calls.call("iam:GetPolicyVersion", about + " version " + version, unknown,
          () -> iam.getPolicyVersion(request -> request.policyArn(arn).versionId(version)));
      if (document != null) {
        policy = parse(about, attached.policyName(), document.policyVersion().document());
      }
    }
    managed.put(arn, policy);
    return policy;
  }

  private NamedPolicy parse(String about, String name, @Nullable String document) {
    try {
      return new NamedPolicy(name, PolicyDocument.parse(text(document)));
    } catch (PolicyDocument.InvalidPolicyException e) {
      calls.problem(about, "the policy document cannot be read: " + e.getMessage()
          + "; the role's permissions stay unknown", "check the policy in the IAM console");
      return new NamedPolicy(name, null);
    }
  }

  /**
   * The policy's JSON. IAM sends policy documents URL-encoded (RFC 3986, so {@code +} is itself);
   * a document that already starts as JSON, as some samples and proxies show it, is taken as it is.
   */
  static String text(@Nullable String document) throws PolicyDocument.InvalidPolicyException {
    if (document == null || document.isBlank()) {
      throw new PolicyDocument.InvalidPolicyException("the policy document is empty");
    }
    String trimmed = document.strip();
    if (trimmed.startsWith("{")) {
      return trimmed;
    }
    try {
      return URLDecoder.decode(trimmed.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new PolicyDocument.InvalidPolicyException(
          "the policy document is neither JSON nor URL-encoded JSON: " + e.getMessage());
    }
  }

  /** When the role last used each service, from IAM's service last-accessed report. */
  private @Nullable List<ServiceAccess> serviceAccess(String subject, String arn) throws SourceException {
    String unknown = "the services it last used";
    var job = calls.call("iam:GenerateServiceLastAccessedDetails", subject, unknown,
        () -> iam.generateServiceLastAccessedDetails(request -> request.arn(arn)
            .granularity(AccessAdvisorUsageGranularityType.SERVICE_LEVEL)));
    if (job == null) {
      return null;
    }
    String id = job.jobId();
    GetServiceLastAccessedDetailsResponse report = null;
    for (int attempt = 1; attempt <= polling.attempts(); attempt++) {
      report = calls.call("iam:GetServiceLastAccessedDetails", subject, unknown,
          () -> iam.getServiceLastAccessedDetails(request -> request.jobId(id)));
      if (report == null || report.jobStatus() != JobStatusType.IN_PROGRESS) {
        break;
      }
      if (attempt < polling.attempts()) {
        pause(subject);
      }
    }
    if (report == null) {
      return null;
    }
    if (report.jobStatus() == JobStatusType.IN_PROGRESS) {
      calls.problem(subject, "IAM's service last-accessed report (job " + id + ") was not ready after "
          + shown(polling.interval().multipliedBy(polling.attempts())) + "; the services it last used stay unknown",
          "read again later; IAM usually builds the report within seconds");
      return null;
    }
    if (report.jobStatus() != JobStatusType.COMPLETED) {
      String why = report.error() == null ? "" : ": " + report.error().message();
      calls.problem(subject, "IAM's service last-accessed report (job " + id + ") ended "
          + report.jobStatusAsString() + why + "; the services it last used stay unknown", "read again later");
      return null;
    }
    return lastAccessed(subject, id, report);
  }

  private @Nullable List<ServiceAccess> lastAccessed(String subject, String id,
      GetServiceLastAccessedDetailsResponse first) throws SourceException {
    List<ServiceAccess> services = new ArrayList<>();
    GetServiceLastAccessedDetailsResponse page = first;
    while (true) {
      page.servicesLastAccessed().forEach(service ->
          services.add(new ServiceAccess(service.serviceNamespace(), service.lastAuthenticated())));
      String marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
      if (marker == null || marker.isEmpty()) {
        return services;
      }
      page = calls.call("iam:GetServiceLastAccessedDetails", subject, "the services it last used",
          () -> iam.getServiceLastAccessedDetails(request -> request.jobId(id).marker(marker)));
      if (page == null) {
        return null;
      }
    }
  }

  /** True when the role exists, false when it does not, null when iam:GetRole was refused. */
  private @Nullable Boolean exists(String subject, String name) throws SourceException {
    return calls.call("iam:GetRole", subject, "its permissions and service use", () -> {
      try {
        iam.getRole(request -> request.roleName(name));
        return true;
      } catch (NoSuchEntityException e) {
        return false;
      }
    });
  }

  private void pause(String subject) throws SourceException {
    try {
      Thread.sleep(polling.interval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(calls.source() + ": " + subject
          + ": interrupted while waiting for IAM's service last-accessed report");
    }
  }

  private static String shown(Duration duration) {
    return duration.toSeconds() > 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  /** A policy by name, and its document, or {@code null} when it could not be read. */
  private record NamedPolicy(String name, @Nullable PolicyDocument document) {}
}
