package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.IamRole;
import dev.rampart.spi.fact.RoleAlias;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeRoleAliasResponse;
import software.amazon.awssdk.services.iot.model.ListRoleAliasesResponse;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.RoleAliasDescription;

/**
 * Reads the role aliases of AWS IoT's credentials provider: the IAM role each hands out to devices
 * that present their certificate, and for how long the credentials stay valid (Device Defender's
 * IOT_ROLE_ALIAS_OVERLY_PERMISSIVE_CHECK and IOT_ROLE_ALIAS_ALLOWS_ACCESS_TO_UNUSED_SERVICES_CHECK).
 */
final class RoleAliasReader {

  private static final int PAGE_SIZE = 250;

  private final IotClient iot;
  private final IamRoleReader roles;
  private final AccountCalls calls;

  RoleAliasReader(IotClient iot, IamRoleReader roles, AccountCalls calls) {
    this.iot = iot;
    this.roles = roles;
    this.calls = calls;
  }

  /**
   * Every role alias of the region, or {@code null} when listing them was refused.
   *
   * @throws SourceException when a call fails for another reason than a missing permission
   */
  @Nullable List<RoleAlias> read() throws SourceException {
    List<String> names = names();
    if (names == null) {
      return null;
    }
    List<RoleAlias> aliases = new ArrayList<>();
    for (String name : names) {
      RoleAlias alias = alias(name);
      if (alias != null) {
        aliases.add(alias);
      }
    }
    return List.copyOf(aliases);
  }

  private @Nullable List<String> names() throws SourceException {
    return calls.pages("iot:ListRoleAliases", "the role aliases of the account",
        "the role aliases and the roles they hand out",
        marker -> iot.listRoleAliases(request -> request.pageSize(PAGE_SIZE).marker(marker)),
        ListRoleAliasesResponse::roleAliases, ListRoleAliasesResponse::nextMarker);
  }

  /** The alias, or {@code null} when it was deleted while the account was being read. */
  private @Nullable RoleAlias alias(String name) throws SourceException {
    String subject = "role alias '" + name + "'";
    Optional<DescribeRoleAliasResponse> response = calls.call("iot:DescribeRoleAlias", subject,
        "its role and credential duration", () -> {
          try {
            return Optional.of(iot.describeRoleAlias(request -> request.roleAlias(name)));
          } catch (ResourceNotFoundException e) {
            return Optional.empty();
          }
        });
    if (response == null) {
      return new RoleAlias(name, null, null);
    }
    if (response.isEmpty()) {
      return null;
    }
    RoleAliasDescription description = response.get().roleAliasDescription();
    if (description == null) {
      // Never dropped: an alias left out would be one whose role no rule looks at.
      calls.problem(subject, "AWS answered iot:DescribeRoleAlias without a description, so its role and credential"
          + " duration stay unknown and the rules over them are UNKNOWN", "read again; if it persists, describe the"
          + " alias with 'aws iot describe-role-alias --role-alias " + name + "'");
      return new RoleAlias(name, null, null);
    }
    IamRole role = description.roleArn() == null ? null : roles.role(description.roleArn());
    return new RoleAlias(name, description.credentialDurationSeconds(), role);
  }
}
