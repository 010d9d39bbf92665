package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.IdentityPool;
import dev.rampart.spi.fact.RoleAlias;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Who can get cloud credentials in the account, and for what: the role aliases of AWS IoT's
 * credentials provider and the Cognito identity pools that can reach AWS IoT, each with the IAM
 * roles they hand out.
 *
 * @param roleAliases the role aliases; {@code null} when they could not be listed
 * @param identityPools the identity pools whose roles can reach AWS IoT; {@code null} when they
 *     could not be listed
 * @param problems what could not be read and stays unknown, each a complete line with the fix;
 *     these do not fail the read of the fleet
 */
record AccountAccess(
    @Nullable List<RoleAlias> roleAliases,
    @Nullable List<IdentityPool> identityPools,
    List<String> problems) {

  AccountAccess {
    roleAliases = roleAliases == null ? null : List.copyOf(roleAliases);
    identityPools = identityPools == null ? null : List.copyOf(identityPools);
    problems = List.copyOf(problems);
  }

  /**
   * Reads the role aliases and identity pools of the clients' region; a role is read once even
   * when several aliases or pools hand it out.
   *
   * @throws SourceException when a call fails for another reason than a missing permission
   *     (throttled after the SDK's retries, unreachable, credentials not accepted)
   */
  static AccountAccess read(IotClient iot, IamClient iam, CognitoIdentityClient cognito, Failures failures,
      IamRoleReader.Polling polling) throws SourceException {
    AccountCalls calls = new AccountCalls(failures);
    IamRoleReader roles = new IamRoleReader(iam, calls, polling);
    List<RoleAlias> aliases = new RoleAliasReader(iot, roles, calls).read();
    List<IdentityPool> pools = new IdentityPoolReader(cognito, roles, calls).read();
    return new AccountAccess(aliases, pools, calls.problems());
  }
}
