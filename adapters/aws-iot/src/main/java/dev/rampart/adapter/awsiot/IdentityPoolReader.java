package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.IamRole;
import dev.rampart.spi.fact.IdentityPool;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.GetIdentityPoolRolesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityPoolShortDescription;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentityPoolsResponse;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

/**
 * Reads the Amazon Cognito identity pools of the region whose roles can reach AWS IoT, with both
 * roles (Device Defender's UNAUTHENTICATED_ and AUTHENTICATED_COGNITO_ROLE_OVERLY_PERMISSIVE_CHECK).
 *
 * <p>Device Defender audits the pools that connected to the IoT message broker in the last 31 days,
 * which only AWS's own connection records tell. Configuration tells which pools could: a pool
 * matters when one of its roles allows an action that can be an AWS IoT action ({@code iot:…},
 * {@code iot:*}, {@code *}, or a wildcard such as {@code i*}), or when a role's permissions could not
 * be read, so that an unknown is never dropped as irrelevant. A pool for, say, a photo app that only
 * reaches S3 is left out.
 */
final class IdentityPoolReader {

  private static final int PAGE_SIZE = 60;
  private static final String IOT_ACTION = "iot:";

  private final CognitoIdentityClient cognito;
  private final IamRoleReader roles;
  private final AccountCalls calls;

  IdentityPoolReader(CognitoIdentityClient cognito, IamRoleReader roles, AccountCalls calls) {
    this.cognito = cognito;
    this.roles = roles;
    this.calls = calls;
  }

  /**
   * The pools of the region whose roles can reach AWS IoT, or {@code null} when listing them was refused.
   *
   * @throws SourceException when a call fails for another reason than a missing permission
   */
  @Nullable List<IdentityPool> read() throws SourceException {
    List<IdentityPoolShortDescription> listed = list();
    if (listed == null) {
      return null;
    }
    List<IdentityPool> pools = new ArrayList<>();
    for (IdentityPoolShortDescription entry : listed) {
      Read read = pool(entry);
      if (read != null && (!read.rolesKnown() || reachesIot(read.pool()))) {
        pools.add(read.pool());
      }
    }
    return List.copyOf(pools);
  }

  /** Whether a wildcard or action of IAM's can stand for an AWS IoT action, e.g. {@code *}, {@code i*}, {@code iot:Publish}. */
  static boolean canBeIotAction(String action) {
    String pattern = action.toLowerCase(Locale.ROOT);
    int i = 0;
    for (; i < IOT_ACTION.length(); i++) {
      if (i == pattern.length()) {
        return false;
      }
      char c = pattern.charAt(i);
      if (c == '*') {
        return true;
      }
      if (c != '?' && c != IOT_ACTION.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private @Nullable List<IdentityPoolShortDescription> list() throws SourceException {
    return calls.pages("cognito-identity:ListIdentityPools", "the Cognito identity pools of the account",
        "the identity pools and their roles",
        token -> cognito.listIdentityPools(request -> request.maxResults(PAGE_SIZE).nextToken(token)),
        ListIdentityPoolsResponse::identityPools, ListIdentityPoolsResponse::nextToken);
  }

  /** The pool, or {@code null} when it was deleted while the account was being read. */
  private @Nullable Read pool(IdentityPoolShortDescription entry) throws SourceException {
    String id = entry.identityPoolId();
    String subject = "identity pool '" + id + "'" + (entry.identityPoolName() == null ? "" : " (" + entry.identityPoolName() + ")");
    Optional<DescribeIdentityPoolResponse> described = calls.call("cognito-identity:DescribeIdentityPool", subject,
        "whether it admits unauthenticated identities",
        () -> unlessDeleted(() -> cognito.describeIdentityPool(request -> request.identityPoolId(id))));
    Optional<GetIdentityPoolRolesResponse> assigned = calls.call("cognito-identity:GetIdentityPoolRoles", subject,
        "its roles", () -> unlessDeleted(() -> cognito.getIdentityPoolRoles(request -> request.identityPoolId(id))));
    if ((described != null && described.isEmpty()) || (assigned != null && assigned.isEmpty())) {
      return null;
    }
    Boolean unauthenticated = described == null ? null : described.get().allowUnauthenticatedIdentities();
    String name = described != null && described.get().identityPoolName() != null
        ? described.get().identityPoolName() : entry.identityPoolName();
    if (assigned == null) {
      return new Read(new IdentityPool(id, name, unauthenticated, null, null), false);
    }
    return new Read(new IdentityPool(id, name, unauthenticated,
        role(assigned.get(), "authenticated"), role(assigned.get(), "unauthenticated")), true);
  }

  private @Nullable IamRole role(GetIdentityPoolRolesResponse assigned, String kind) throws SourceException {
    String arn = assigned.roles().get(kind);
    return arn == null || arn.isBlank() ? null : roles.role(arn);
  }

  /** A role whose permissions could not be read counts as reaching IoT: dropping it would hide an unknown. */
  private static boolean reachesIot(IdentityPool pool) {
    return reachesIot(pool.authenticatedRole()) || reachesIot(pool.unauthenticatedRole());
  }

  private static boolean reachesIot(@Nullable IamRole role) {
    if (role == null) {
      return false;
    }
    AccessPolicy permissions = role.permissions();
    if (permissions == null || permissions.actions() == null) {
      return true;
    }
    return permissions.actions().stream().anyMatch(IdentityPoolReader::canBeIotAction);
  }

  /** The answer, or empty when the pool was deleted while the account was being read. */
  private static <T> Optional<T> unlessDeleted(Supplier<T> request) {
    try {
      return Optional.of(request.get());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * A pool as read.
   *
   * @param rolesKnown whether its roles could be listed; a pool whose roles could not be is kept,
   *     since whether it reaches AWS IoT is unknown
   */
  private record Read(IdentityPool pool, boolean rolesKnown) {}
}
