package dev.rampart.adapter.awsiot;

import dev.rampart.spi.source.SourceException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Explains a failed AWS call in plain words with the fix. Messages quote the service's own error
 * code and message, which name the caller's ARN at most; no credential ever reaches them.
 */
final class Failures {

  /** Every IAM action the source needs, for the fix of an access-denied failure. */
  static final String PERMISSIONS = "iot:ListThings, iot:ListThingPrincipals, iot:DescribeCertificate,"
      + " iot:ListThingGroupsForThing, iot:DescribeThingGroup, iot:ListAttachedPolicies, iot:GetPolicy,"
      + " iot:ListCACertificates, iot:DescribeCACertificate, iot:GetV2LoggingOptions and iot:GetLoggingOptions";

  private static final Set<String> REJECTED_CREDENTIALS = Set.of(
      "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
      "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken");
  private static final Set<String> EXPIRED_CREDENTIALS = Set.of("ExpiredTokenException", "ExpiredToken");
  // IAM's query API says AccessDenied, the JSON APIs AccessDeniedException, Cognito NotAuthorizedException.
  private static final Set<String> ACCESS_DENIED = Set.of(
      "AccessDenied", "AccessDeniedException", "NotAuthorizedException", "UnauthorizedException");

  private final String source;
  private final String region;
  private final @Nullable URI endpoint;
  private final @Nullable String profile;
  private final String api;

  Failures(String source, String region, @Nullable URI endpoint, @Nullable String profile) {
    this(source, region, endpoint, profile, "AWS IoT");
  }

  private Failures(String source, String region, @Nullable URI endpoint, @Nullable String profile, String api) {
    this.source = source;
    this.region = region;
    this.endpoint = endpoint;
    this.profile = profile;
    this.api = api;
  }

  /** The same, for the calls of another API, e.g. {@code IAM}, which messages then name as the endpoint reached. */
  Failures of(String api) {
    return new Failures(source, region, endpoint, profile, api);
  }

  /** The source's description, which starts every message. */
  String source() {
    return source;
  }

  /**
   * The problem to report for a failed call.
   *
   * @param failure what the SDK threw, after its own retries
   * @param call what was being done, e.g. {@code call iot:ListThings}
   * @param subject what it was done for, e.g. {@code for thing 'cam-01'}, or empty
   */
  SourceException explain(SdkException failure, String call, String subject) {
    String place = source + ": cannot " + call + (subject.isEmpty() ? "" : " " + subject) + ": ";
    if (failure instanceof AwsServiceException service) {
      return new SourceException(place + service(service));
    }
    return new SourceException(place + client(failure));
  }

  /**
   * Whether AWS refused a call for lack of permission, as opposed to credentials it does not accept
   * (which no permission fixes, and which fail the whole read).
   */
  static boolean isAccessDenied(SdkException failure) {
    if (!(failure instanceof AwsServiceException service)) {
      return false;
    }
    String code = code(service);
    if (REJECTED_CREDENTIALS.contains(code) || EXPIRED_CREDENTIALS.contains(code)) {
      return false;
    }
    return service.statusCode() == 403 || ACCESS_DENIED.contains(code);
  }

  /**
   * Whether no part of a read can go on after this failure: credentials AWS does not accept, or a
   * failure that reading again later fixes (throttling after the SDK's retries, a fault on AWS's
   * side). Any other failure is about one API and how it is reached or allowed.
   */
  static boolean stopsTheRead(SdkException failure) {
    if (!(failure instanceof AwsServiceException service)) {
      return false;
    }
    String code = code(service);
    return REJECTED_CREDENTIALS.contains(code) || EXPIRED_CREDENTIALS.contains(code) || throttled(service)
        || service.statusCode() >= 500;
  }

  /** What AWS answered, e.g. {@code AWS answered HTTP 403 AccessDenied 'User: … is not authorized …'}. */
  static String answered(AwsServiceException failure) {
    AwsErrorDetails details = failure.awsErrorDetails();
    String code = code(failure);
    String message = details == null || details.errorMessage() == null ? "" : firstLine(details.errorMessage());
    return "AWS answered HTTP " + failure.statusCode() + (code.isEmpty() ? "" : " " + code)
        + (message.isEmpty() ? "" : " '" + message + "'");
  }

  private static boolean throttled(AwsServiceException failure) {
    return failure.isThrottlingException() || failure.statusCode() == 429
        || code(failure).equals("ThrottlingException");
  }

  private static String code(AwsServiceException failure) {
    AwsErrorDetails details = failure.awsErrorDetails();
    return details == null || details.errorCode() == null ? "" : details.errorCode();
  }

  private String service(AwsServiceException failure) {
    String code = code(failure);
    int status = failure.statusCode();
    String said = answered(failure);
    if (REJECTED_CREDENTIALS.contains(code)) {
      return said + " (the credentials found by the AWS default chain are not valid for this account;"
          + " check AWS_ACCESS_KEY_ID / AWS_PROFILE or the option " + AwsIotProvider.PROFILE + ")";
    }
    if (EXPIRED_CREDENTIALS.contains(code)) {
      return said + " (the session credentials have expired; refresh them, e.g. with 'aws sso login', and read again)";
    }
    if (status == 401 || status == 403 || code.equals("AccessDeniedException") || code.equals("UnauthorizedException")) {
      return said + " (allow the identity that reads the fleet the IAM actions " + PERMISSIONS + ")";
    }
    if (throttled(failure)) {
      return said + " and still did after the SDK's retries (read again later, or read fewer sources at once;"
          + " AWS can raise the account's IoT API rate limits)";
    }
    if (status >= 500) {
      return said + " (a fault on the AWS side; read again later)";
    }
    return said + " (check the region '" + region + "'" + (endpoint == null ? "" : " and the endpoint " + endpoint) + ")";
  }

  private String client(SdkException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException unknown) {
        return "the host " + quoted(unknown.getMessage()) + " is unknown (check the region '" + region
            + "', the network's DNS and the option " + AwsIotProvider.ENDPOINT + ")";
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return "no connection to " + target() + ": " + reason(cause)
            + " (check that the endpoint is reachable from here: network, proxy, firewall, VPC endpoint)";
      }
      if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
        return target() + " did not answer in time (check the network; read again later)";
      }
      if (cause instanceof SSLException) {
        return "the TLS handshake with " + target() + " failed: " + reason(cause)
            + " (check the endpoint's certificate and any TLS-inspecting proxy)";
      }
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (message.contains("credentials")) {
      if (profile != null) {
        return "the AWS profile '" + profile + "' gives no usable credentials (check that ~/.aws/config or"
            + " ~/.aws/credentials defines it, or fix the option " + AwsIotProvider.PROFILE + ")";
      }
      return "no usable AWS credentials were found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
          + " AWS_PROFILE or the option " + AwsIotProvider.PROFILE + " naming a profile of ~/.aws/config;"
          + " credentials are never given as options)";
    }
    return "the AWS SDK failed: " + firstLine(message) + " (check the region, the endpoint and the network)";
  }

  private String target() {
    return endpoint != null ? endpoint.toString() : "the " + api + " endpoint of " + region;
  }

  private static String reason(Throwable cause) {
    return cause.getMessage() == null ? "refused" : firstLine(cause.getMessage());
  }

  private static String quoted(@Nullable String text) {
    return "'" + (text == null ? "" : firstLine(text)) + "'";
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
