package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.source.SourceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.GetLoggingOptionsResponse;
import software.amazon.awssdk.services.iot.model.GetV2LoggingOptionsResponse;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesResponse;
import software.amazon.awssdk.services.iot.model.NotConfiguredException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The account-wide side of AWS IoT Core in one region, as one {@link DeviceRegistry}: the CA
 * certificates registered with it, its logging options, and how devices and apps get cloud
 * credentials from it (role aliases, identity pools).
 */
final class RegistryReader {

  private static final int PAGE_SIZE = 250;
  /** The levels at which AWS IoT logs; {@code DISABLED} is logging off. */
  private static final Set<String> LOG_LEVELS = Set.of("DEBUG", "INFO", "WARN", "ERROR");
  private static final String DISABLED = "DISABLED";

  private final IotClient client;
  private final Calls calls;
  private final String region;
  private final CredentialProviders credentialProviders;
  private final List<String> warnings = new ArrayList<>();
  private @Nullable Map<String, Certificate> caCertificates;
  private final List<String> caArns = new ArrayList<>();

  RegistryReader(IotClient client, Calls calls, String region) {
    this(client, calls, region, () -> new AccountAccess(null, null, List.of()));
  }

  /**
   * @param credentialProviders reads the role aliases and identity pools of the account
   */
  RegistryReader(IotClient client, Calls calls, String region, CredentialProviders credentialProviders) {
    this.client = client;
    this.calls = calls;
    this.region = region;
    this.credentialProviders = credentialProviders;
  }

  /** Reads the role aliases and identity pools of the account, with the roles they hand out. */
  @FunctionalInterface
  interface CredentialProviders {

    /** @throws SourceException when no part of the read can go on */
    AccountAccess read() throws SourceException;
  }

  /** The registry's id: {@code aws-iot:ACCOUNT:REGION}, or {@code aws-iot:REGION} when no ARN named the account. */
  static String id(@Nullable String account, String region) {
    return AwsIotProvider.ID + ":" + (account == null ? "" : account + ":") + region;
  }

  /**
   * Every CA certificate registered in the account and region, by certificate id, analysed, with
   * its status; read once, before the things, so that device certificates can be joined to them.
   */
  Map<String, Certificate> caCertificates() throws SourceException {
    if (caCertificates != null) {
      return caCertificates;
    }
    List<CACertificate> listed = calls.everyPage("call iot:ListCACertificates", "", null,
        marker -> client.listCACertificates(request -> request.pageSize(PAGE_SIZE).marker(marker)),
        ListCaCertificatesResponse::certificates, ListCaCertificatesResponse::nextMarker);
    Map<String, Certificate> read = new LinkedHashMap<>();
    for (CACertificate certificate : listed) {
      String id = certificate.certificateId();
      var described = calls.callOrAbsent("call iot:DescribeCACertificate", "for CA certificate " + id,
          ResourceNotFoundException.class, () -> client.describeCACertificate(request -> request.certificateId(id)));
      // Not found: it was deleted while being read, so no longer registered.
      if (described == null) {
        continue;
      }
      String place = "CA certificate " + (certificate.certificateArn() != null ? certificate.certificateArn() : id);
      if (described.certificateDescription() == null) {
        // Kept with what the listing says: a CA left out would be one no rule looks at.
        warn(place, "AWS answered iot:DescribeCACertificate without a description, so only what"
            + " iot:ListCACertificates says (id, status, creation date) is known", "read again; if it persists,"
            + " describe it with 'aws iot describe-ca-certificate --certificate-id " + id + "'");
        read.put(id, ca(place, CertificateFacts.listed(certificate)));
      } else {
        read.put(id, ca(place, CertificateFacts.ca(described.certificateDescription())));
      }
      if (certificate.certificateArn() != null) {
        caArns.add(certificate.certificateArn());
      }
    }
    caCertificates = Collections.unmodifiableMap(read);
    return caCertificates;
  }

  /**
   * The CA certificate; what of it cannot be read (a status this release does not know, a PEM the
   * analyser cannot read) stays unknown with a warning: it fills fields of the registry, whose other
   * certificates and settings are still read.
   */
  private Certificate ca(String place, CertificateFacts.Read read) {
    if (read.unknownStatus() != null) {
      warn(place, read.statusProblem() + "; its registryStatus stays unknown, so the rules over it are UNKNOWN",
          "a newer release of Rampart may know it");
    }
    if (read.unreadablePem() != null) {
      warn(place, "its PEM cannot be read: " + read.unreadablePem() + "; what only the certificate itself tells"
          + " (key, signature, subject, issuer) stays unknown",
          "check the CA certificate in the AWS IoT console; AWS's status, validity and id are kept");
    }
    return read.certificate();
  }

  /**
   * The registry, its id naming the account of the first ARN that does: the given one (a thing's),
   * a CA certificate's, or the logging role's.
   */
  DeviceRegistry read(@Nullable String accountArn) throws SourceException {
    List<Certificate> cas = List.copyOf(caCertificates().values());
    Logging logging = logging();
    if (logging.enabled() == null && logging.level() != null) {
      warn("logging options", "log level '" + logging.level() + "' is not one this release knows (DEBUG, INFO, WARN,"
          + " ERROR, DISABLED); loggingEnabled stays unknown, so the rules over it are UNKNOWN",
          "a newer release of Rampart may know it");
    }
    String account = account(accountArn);
    for (String arn : caArns) {
      account = account != null ? account : account(arn);
    }
    account = account != null ? account : account(logging.roleArn());
    DeviceRegistry registry = new DeviceRegistry(id(account, region), cas, logging.enabled(), logging.level(), null, null);
    return withCredentialProviders(registry);
  }

  /**
   * Adds how devices and apps exchange an identity for cloud credentials: the registry's role aliases
   * (with the IAM roles they hand out) and the Cognito identity pools (with their roles). What could
   * not be read (a permission is missing, say) stays unknown, so rules over it are UNKNOWN, never
   * passed, and is a warning.
   */
  private DeviceRegistry withCredentialProviders(DeviceRegistry registry) throws SourceException {
    AccountAccess access = credentialProviders.read();
    warnings.addAll(access.problems());
    return new DeviceRegistry(registry.id(), registry.caCertificates(), registry.loggingEnabled(), registry.logLevel(),
        access.roleAliases(), access.identityPools());
  }

  /**
   * What could not be read of the account without failing the read (e.g. IAM actions the reading
   * identity may not call), each a complete line with the fix; the fields stay unknown.
   */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  private void warn(String place, String what, String fix) {
    warnings.add(calls.warning(place, what, fix));
  }

  /**
   * The logging options: v2 (fine-grained) when it is set up, else v1. Device Defender's
   * LOGGING_DISABLED_CHECK looks at both.
   */
  private Logging logging() throws SourceException {
    GetV2LoggingOptionsResponse v2 = calls.callOrAbsent("call iot:GetV2LoggingOptions", "",
        NotConfiguredException.class, () -> client.getV2LoggingOptions(request -> {}));
    if (v2 != null) {
      if (Boolean.TRUE.equals(v2.disableAllLogs())) {
        return new Logging(false, null, v2.roleArn());
      }
      return Logging.at(v2.defaultLogLevelAsString(), v2.roleArn());
    }
    GetLoggingOptionsResponse v1 = calls.call("call iot:GetLoggingOptions", "",
        () -> client.getLoggingOptions(request -> {}));
    if (v1.logLevelAsString() == null && v1.roleArn() == null) {
      // Neither v2 nor v1 was ever set up: AWS IoT does not log.
      return new Logging(false, null, null);
    }
    return Logging.at(v1.logLevelAsString(), v1.roleArn());
  }

  /** The account of an ARN ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}), or {@code null}. */
  private static @Nullable String account(@Nullable String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && !parts[4].isBlank() ? parts[4] : null;
  }

  /**
   * What the logging options say.
   *
   * @param enabled AWS IoT logs; {@code null} when the level is one this release does not know
   * @param level the level, as AWS spells it; {@code null} when logging is off
   * @param roleArn the role AWS IoT logs with, which names the account
   */
  private record Logging(@Nullable Boolean enabled, @Nullable String level, @Nullable String roleArn) {

    static Logging at(@Nullable String level, @Nullable String roleArn) {
      if (level == null || level.equals(DISABLED)) {
        return new Logging(level == null ? null : Boolean.FALSE, null, roleArn);
      }
      return new Logging(LOG_LEVELS.contains(level) ? Boolean.TRUE : null, level, roleArn);
    }
  }
}
