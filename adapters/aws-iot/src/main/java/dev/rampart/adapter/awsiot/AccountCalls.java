package dev.rampart.adapter.awsiot;

import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The calls for the account-level settings (role aliases, IAM roles, Cognito identity pools). The
 * identity that reads the fleet often lacks the IAM and Cognito permissions for them, or the network
 * reaches AWS IoT only, and that must not cost the whole fleet: such a call is a problem of the
 * source, named with the missing action (or the endpoint) and the fix, and what it would have told
 * stays unknown ({@code null}), so that the rules over it are UNKNOWN, never PASS. What no part of a
 * read survives (throttling after the SDK's retries, a fault on AWS's side, credentials not
 * accepted) fails the read as the fleet's calls do.
 */
final class AccountCalls {

  /** Every action the account-level reading needs, for the fix of a refused call. */
  static final String PERMISSIONS = "iot:ListRoleAliases, iot:DescribeRoleAlias, iam:GetRole, iam:ListRolePolicies,"
      + " iam:GetRolePolicy, iam:ListAttachedRolePolicies, iam:GetPolicy, iam:GetPolicyVersion,"
      + " iam:GenerateServiceLastAccessedDetails, iam:GetServiceLastAccessedDetails,"
      + " cognito-identity:ListIdentityPools, cognito-identity:DescribeIdentityPool and"
      + " cognito-identity:GetIdentityPoolRoles";

  private final Failures failures;
  private final SourceProblems problems;

  AccountCalls(Failures failures) {
    this.failures = failures;
    this.problems = new SourceProblems(failures.source());
  }

  /**
   * The answer, or {@code null} when the call failed in a way that concerns this API alone (a
   * problem is then recorded).
   *
   * @param action the IAM action of the call, e.g. {@code iam:GetRole}
   * @param subject what it was called for, e.g. {@code IAM role 'arn:aws:iam::123456789012:role/x'}
   * @param unknown what stays unknown when it fails, e.g. {@code its permissions}
   * @throws SourceException when no part of the read can go on (throttled after the SDK's retries, a
   *     fault on AWS's side, credentials not accepted), naming the call and the fix
   */
  <T> @Nullable T call(String action, String subject, String unknown, Supplier<T> request) throws SourceException {
    try {
      return request.get();
    } catch (SdkException e) {
      Failures explained = failures.of(api(action));
      if (Failures.stopsTheRead(e)) {
        throw explained.explain(e, "call " + action, "for " + subject);
      }
      String consequence = "; " + unknown + " stay unknown, so the rules over them are UNKNOWN";
      if (Failures.isAccessDenied(e)) {
        problems.add(null, subject, action + " was refused: " + Failures.answered((AwsServiceException) e)
            + consequence, "allow the identity that reads the fleet " + action + "; " + PERMISSIONS + " are all needed");
      } else {
        // e.g. an endpoint that serves AWS IoT only, or IAM unreachable from here
        problems.add(explained.explain(e, "call " + action, "for " + subject).problems().get(0) + consequence);
      }
      return null;
    }
  }

  /**
   * Every item on every page of a listing, or {@code null} when a page was refused (a problem is
   * then recorded: a partial list would pass for the whole).
   *
   * @param request the call for one page, given the previous page's token ({@code null} for the first)
   * @param items the items of a page
   * @param next the token of the next page, {@code null} or empty on the last
   */
  <R, E> @Nullable List<E> pages(String action, String subject, String unknown,
      Function<@Nullable String, R> request, Function<R, List<E>> items, Function<R, @Nullable String> next)
      throws SourceException {
    return Calls.pages(token -> call(action, subject, unknown, () -> request.apply(token)), items, next);
  }

  /** The source's description, which starts every message. */
  String source() {
    return failures.source();
  }

  /** Records a problem that is not a refused call, such as a job that did not finish in time. */
  void problem(String subject, String what, String fix) {
    problems.add(null, subject, what, fix);
  }

  /** Every problem recorded so far, each a complete line naming the source, the subject and the fix. */
  List<String> problems() {
    return problems.inFileOrder();
  }

  /** The API an action belongs to, as messages name its endpoint. */
  private static String api(String action) {
    if (action.startsWith("iam:")) {
      return "IAM";
    }
    return action.startsWith("cognito-identity:") ? "Amazon Cognito Identity" : "AWS IoT";
  }
}
