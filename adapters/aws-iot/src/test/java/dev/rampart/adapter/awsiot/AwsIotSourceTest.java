package dev.rampart.adapter.awsiot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.CertificateStatus;
import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Reads the fleet in {@code fleet/} through a local stub of the AWS IoT API: four things on two
 * pages; a thermostat with a CA-issued EC certificate (and the older, inactive certificate it
 * replaced), a least-privilege policy and two thing groups, one nested in a group whose policy uses
 * MQTT wildcards and a Deny; a camera with a self-signed RSA certificate and a legacy {@code iot:*}
 * policy; a gateway whose only certificate is revoked; and a sensor without any certificate. The
 * account has two CA certificates on two pages, one active and one inactive, and v2 logging set up
 * but disabled.
 */
class AwsIotSourceTest {

  private static final String SECRET = "not-a-real-secret-key-used-in-tests-only";
  private static final AwsCredentialsProvider DUMMY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLEONLY00000", SECRET));
  private static final Instant READ_AT = Instant.parse("2026-11-25T08:00:00Z");
  private static final String THERMOSTAT_CERTIFICATE = "ddd48f70a8e985bc7e5fa6073c4075078e07a43bec2f155e0f330887ee517c0c";
  private static final String CAMERA_CERTIFICATE = "4f1225e72b211ab1f1587f67e34329fd3a34c166e13636cb7df80e559e5344b6";
  private static final String GATEWAY_CERTIFICATE = "e105c8a40cd44f3099841c78632774dede4c5d07d930685f6f5029494427d41d";
  private static final String OLD_THERMOSTAT_CERTIFICATE =
      "d48888663927021ae540cc19b6a7f04f647f6ca56b7dc99878ad734cd26eae5e";
  /** The made-up fleet's id of its device CA; AWS would use the CA certificate's SHA-256. */
  private static final String DEVICE_CA = "de03c6ac92f443cbb6b0e50f9c236e6ba22800675b19eea7652c8393f219a84c";
  private static final String LEGACY_CA = "4967febbf476505f2b36c995aa2f5371a21b56cf4df1925901138f95baa761bd";
  private static final String ACCOUNT = "arn:aws:iot:eu-west-1:123456789012:";
  private static final String UNKNOWN_STATUS = " is not a certificate status this release knows (ACTIVE, INACTIVE,"
      + " REVOKED, PENDING_TRANSFER, REGISTER_INACTIVE, PENDING_ACTIVATION)";
  private static final String PEM_PROBLEM = "not a PEM or DER certificate: a PEM block is damaged (problem parsing"
      + " cert: DEF length 111 object truncated by 96)";
  private static final String POLICY_PROBLEM = "the policy document is not valid JSON at 1:40: Unexpected end-of-input"
      + " within/between Object entries";
  private static final IotStub.Refusal THROTTLED = new IotStub.Refusal(400, "ThrottlingException", "Rate exceeded");

  static IotStub stub;

  @BeforeAll
  static void startStub() {
    stub = IotStub.serving();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @Test
  void everyThingOnEveryPageBecomesADeviceNamedByItsThingName() throws SourceException {
    List<String> ids = read().keySet().stream().toList();

    assertEquals(List.of("thermostat-01", "camera-07", "gateway-02", "sensor-09"), ids);
  }

  @Test
  void theThingTypeIsTheModelAndTheThingAttributesAreTheDeviceAttributes() throws SourceException {
    Device thermostat = read().get("thermostat-01");

    assertEquals("T100-Thermostat", thermostat.model());
    assertEquals(Map.of("floor", "3", "site", "berlin-plant"), thermostat.attributes());
  }

  @Test
  void theActiveCertificateIsTheIdentityAndIsAnalysedFromItsPem() throws SourceException {
    Device thermostat = read().get("thermostat-01");

    Certificate certificate = thermostat.credentials().certificate();
    assertAll(
        () -> assertEquals(AuthMethod.CERTIFICATE, thermostat.credentials().authMethod()),
        () -> assertEquals(THERMOSTAT_CERTIFICATE, thermostat.credentials().fingerprint()),
        () -> assertEquals(THERMOSTAT_CERTIFICATE, certificate.sha256Fingerprint()),
        () -> assertEquals("EC", certificate.keyAlgorithm()),
        () -> assertEquals(256, certificate.keySize()),
        () -> assertEquals("SHA256withECDSA", certificate.signatureAlgorithm()),
        () -> assertEquals(Instant.parse("2026-11-25T16:04:43Z"), certificate.notBefore()),
        () -> assertEquals(Instant.parse("2036-11-22T16:04:43Z"), certificate.notAfter()),
        () -> assertEquals(false, certificate.selfSigned()),
        () -> assertEquals(true, certificate.issuedByOrganisationPki(), "registered with a CA of the account"),
        () -> assertEquals(THERMOSTAT_CERTIFICATE, certificate.registryId()),
        () -> assertEquals(CertificateStatus.ACTIVE, certificate.registryStatus()),
        () -> assertEquals(Instant.parse("2026-11-25T16:04:43Z"), certificate.registeredAt()),
        // Whether its CA revoked it, or its CA was revoked by its own issuer, AWS IoT does not say.
        () -> assertNull(certificate.issuerRevoked()),
        () -> assertNull(certificate.revoked(), "not REVOKED in the registry, but the issuer's CRL is not read"));
  }

  @Test
  void everyCertificateOfAThingIsListedWithWhatTheRegistrySaysOfIt() throws SourceException {
    List<Certificate> certificates = read().get("thermostat-01").credentials().certificates();

    assertEquals(2, certificates.size());
    Certificate old = certificates.get(0);
    assertAll(
        () -> assertEquals(OLD_THERMOSTAT_CERTIFICATE, old.registryId()),
        () -> assertEquals(OLD_THERMOSTAT_CERTIFICATE, old.sha256Fingerprint()),
        () -> assertEquals(CertificateStatus.INACTIVE, old.registryStatus()),
        () -> assertEquals(Instant.parse("2024-03-01T00:00:00Z"), old.registeredAt()),
        () -> assertEquals("CN=Legacy Device CA,O=Example Industries", old.issuer()),
        () -> assertEquals(Instant.parse("2027-01-15T00:00:00Z"), old.notAfter()),
        () -> assertNull(old.issuerRevoked(), "its CA is INACTIVE, which is not revoked"),
        () -> assertEquals(THERMOSTAT_CERTIFICATE, certificates.get(1).registryId()));
  }

  @Test
  void theCaCertificatesOfEveryPageAreTheRegistrysWithTheirStatus() throws SourceException {
    DeviceRegistry registry = deployment(stub).registries().get(0);

    Certificate active = registry.caCertificates().get(0);
    Certificate inactive = registry.caCertificates().get(1);
    assertAll(
        () -> assertEquals(2, registry.caCertificates().size()),
        () -> assertEquals(DEVICE_CA, active.registryId()),
        () -> assertEquals(CertificateStatus.ACTIVE, active.registryStatus()),
        () -> assertEquals("CN=Example Device CA,O=Example Industries", active.subject()),
        () -> assertEquals("EC", active.keyAlgorithm()),
        () -> assertEquals(true, active.ca()),
        () -> assertEquals(true, active.selfSigned()),
        () -> assertEquals(Instant.parse("2026-01-01T00:00:00Z"), active.registeredAt()),
        () -> assertEquals(LEGACY_CA, inactive.registryId()),
        () -> assertEquals(CertificateStatus.INACTIVE, inactive.registryStatus()),
        () -> assertEquals("RSA", inactive.keyAlgorithm()),
        () -> assertEquals(1024, inactive.keySize()),
        () -> assertEquals(Instant.parse("2027-01-15T00:00:00Z"), inactive.notAfter()),
        // Device Defender takes a CA's revocation from its issuer's CRL, which the API does not hand out.
        () -> assertNull(inactive.revoked()),
        () -> assertNull(active.revoked()));
  }

  @Test
  void theAccountsRegistryIsOneDeploymentNamedAfterTheAccountAndRegion() throws SourceException {
    List<Deployment> deployments = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    source(Clock.fixed(READ_AT, ZoneOffset.UTC)).read((fact, origin) -> {
      if (fact instanceof Deployment deployment) {
        deployments.add(deployment);
        origins.add(origin);
      }
    });

    assertEquals(1, deployments.size());
    Deployment deployment = deployments.get(0);
    DeviceRegistry registry = deployment.registries().get(0);
    assertAll(
        () -> assertEquals("aws-iot:123456789012:eu-west-1", deployment.id()),
        () -> assertNull(deployment.name(), "nothing to say that an inventory's deployment would not"),
        () -> assertEquals("aws-iot:123456789012:eu-west-1", registry.id()),
        () -> assertEquals(false, registry.loggingEnabled(), "v2 logging with disableAllLogs"),
        () -> assertNull(registry.logLevel(), "logging is off"),
        () -> assertNull(registry.roleAliases()),
        () -> assertNull(registry.identityPools()),
        () -> assertEquals(List.of(new Origin("aws-iot", "aws-iot:123456789012:eu-west-1", 0, 0, READ_AT)), origins));
  }

  @Test
  void theDeploymentOptionNamesTheDeploymentTheRegistryMergesInto() throws SourceException {
    List<Fact> facts = new ArrayList<>();
    new AwsIotProvider(DUMMY).create(new SourceConfig("eu-west-1",
            Map.of("endpoint", stub.endpoint().toString(), "deployment", "harbourside-works")))
        .read((fact, origin) -> facts.add(fact));

    Deployment deployment = (Deployment) facts.get(facts.size() - 1);
    assertEquals("harbourside-works", deployment.id());
    assertEquals("aws-iot:123456789012:eu-west-1", deployment.registries().get(0).id());
  }

  @Test
  void v1LoggingIsReadWhenV2WasNeverSetUpAndTheLoggingRoleNamesTheAccount() throws SourceException {
    try (IotStub v1 = IotStub.serving("v1-logging")) {
      DeviceRegistry registry = deployment(v1).registries().get(0);

      assertEquals(new DeviceRegistry("aws-iot:210987654321:eu-west-1", List.of(), true, "ERROR", null, null), registry);
      assertEquals(List.of("GET /cacertificates?pageSize=250", "GET /things?maxResults=250", "GET /v2LoggingOptions",
          "GET /loggingOptions", "GET /role-aliases?pageSize=250", "POST /"), v1.requests());
    }
  }

  @Test
  void aThingWhoseCertificateHasAStatusThisReleaseDoesNotKnowFailsTheStrictReadNamingTheThing() {
    try (IotStub unknown = IotStub.serving("unknown-status")) {
      SourceException failure = assertThrows(SourceException.class, () -> read(unknown));

      assertEquals(List.of("aws-iot:eu-west-1@" + unknown.endpoint() + ": thing 'thermostat-01': certificate "
          + ACCOUNT + "cert/" + THERMOSTAT_CERTIFICATE + ": status 'QUARANTINED'" + UNKNOWN_STATUS
          + " (a newer release of Rampart may know it; until then, read with --allow-partial or the source option"
          + " partial=true to evaluate the other things, with this thing's rules UNKNOWN)"), failure.problems());
    }
  }

  @Test
  void aThingThatCannotBeReadIsSkippedByNameAndWhatOnlyFillsFieldsStaysUnknownWithAWarning() throws SourceException {
    try (IotStub partly = IotStub.serving("partly-unreadable")) {
      RecordingSink read = RecordingSink.readPartially(
          new AwsIotSource("eu-west-1", partly.endpoint(), null, DUMMY, null, Clock.systemUTC()));

      String source = "aws-iot:eu-west-1@" + partly.endpoint() + ": ";
      Device camera = (Device) read.facts().get(0);
      Certificate registryCa = ((Deployment) read.facts().get(1)).registries().get(0).caCertificates().get(0);
      Certificate legacyCa = ((Deployment) read.facts().get(1)).registries().get(0).caCertificates().get(1);
      assertAll(
          () -> assertEquals(List.of("camera-07", "aws-iot:123456789012:eu-west-1"),
              read.facts().stream().map(Fact::id).toList()),
          () -> assertEquals(Arrays.asList("thermostat-01", null),
              read.skippedRecords().stream().map(SkippedRecord::factId).toList(), "a thing without a name cannot stand in"),
          () -> assertEquals(List.of(source + ACCOUNT + "thing/: AWS answered a thing without a name (AWS IoT names every"
              + " thing; read again, and report this if it persists)"), read.skippedRecords().get(1).problems()),
          () -> assertEquals(ACCOUNT + "thing/thermostat-01", read.skippedRecords().get(0).origin().location()),
          () -> assertEquals(List.of(source + "thing 'thermostat-01': certificate " + ACCOUNT + "cert/"
              + THERMOSTAT_CERTIFICATE + ": status 'QUARANTINED'" + UNKNOWN_STATUS + " (a newer release of Rampart"
              + " may know it; until then, read with --allow-partial or the source option partial=true to evaluate the"
              + " other things, with this thing's rules UNKNOWN)"), read.skippedRecords().get(0).problems()),
          () -> assertNull(camera.accessPolicy(), "a policy that cannot be read leaves the access policy unknown"),
          () -> assertEquals(CertificateStatus.ACTIVE, camera.credentials().certificate().registryStatus(),
              "what AWS says of a certificate whose PEM cannot be read is kept"),
          () -> assertNull(camera.credentials().certificate().keyAlgorithm(), "what only the PEM tells is unknown"),
          () -> assertNull(registryCa.registryStatus(), "a CA status this release does not know is unknown"),
          () -> assertEquals(Certificate.builder().registryId(LEGACY_CA).registryStatus(CertificateStatus.INACTIVE)
              .registeredAt(Instant.parse("2026-01-01T00:00:00Z")).build(), legacyCa,
              "a CA described without a description keeps what the listing says"),
          () -> assertEquals(List.of(
              source + "thing 'camera-07': the PEM of certificate " + ACCOUNT + "cert/" + GATEWAY_CERTIFICATE
                  + " cannot be read: " + PEM_PROBLEM + "; what only the certificate itself tells (key, signature,"
                  + " subject, issuer) stays unknown (check the certificate in the AWS IoT console; AWS's status,"
                  + " validity and id are kept)",
              source + "thing 'camera-07': policy 'camera-telemetry' cannot be read: " + POLICY_PROBLEM
                  + "; the thing's accessPolicy stays unknown, so the rules over it are UNKNOWN (check the policy's"
                  + " default version in the AWS IoT console)",
              source + "CA certificate " + ACCOUNT + "cacert/" + DEVICE_CA + ": status 'RETIRED'" + UNKNOWN_STATUS
                  + "; its registryStatus stays unknown, so the rules over it are UNKNOWN (a newer release of Rampart"
                  + " may know it)",
              source + "CA certificate " + ACCOUNT + "cacert/" + LEGACY_CA + ": AWS answered iot:DescribeCACertificate"
                  + " without a description, so only what iot:ListCACertificates says (id, status, creation date) is"
                  + " known (read again; if it persists, describe it with 'aws iot describe-ca-certificate"
                  + " --certificate-id " + LEGACY_CA + "')"),
              read.problems().subList(0, 4), "then that the stub serves no role aliases or identity pools"));
    }
  }

  @Test
  void aCallThrottledOnceIsRetriedAndTheReadGoesOn() throws SourceException {
    try (IotStub throttling = IotStub.serving().refuseNext("GET /cacertificates", THROTTLED)) {
      Map<String, Device> devices = read(throttling);

      assertEquals(4, devices.size());
      assertEquals(List.of("GET /cacertificates?pageSize=250", "GET /cacertificates?pageSize=250",
          "GET /cacertificates?pageSize=250&marker=ca-2"), throttling.requests().subList(0, 3));
    }
  }

  @Test
  void aCallStillThrottledAfterTheRetriesIsReportedNamingItsSubject() {
    IotStub.Refusal[] always = new IotStub.Refusal[20];
    Arrays.fill(always, THROTTLED);
    try (IotStub throttling = IotStub.serving().refuseNext("GET /thing-groups/berlin-floor-3", always)) {
      SourceException failure = assertThrows(SourceException.class, () -> read(throttling));

      assertEquals(List.of("aws-iot:eu-west-1@" + throttling.endpoint() + ": cannot call iot:DescribeThingGroup"
          + " for thing group 'berlin-floor-3': AWS answered HTTP 400 ThrottlingException 'Rate exceeded' and still did"
          + " after the SDK's retries (read again later, or read fewer sources at once; AWS can raise the account's"
          + " IoT API rate limits)"), failure.problems());
    }
  }

  @Test
  void aSelfSignedCertificateIsReportedSelfSigned() throws SourceException {
    Certificate camera = read().get("camera-07").credentials().certificate();

    assertAll(
        () -> assertEquals(true, camera.selfSigned()),
        () -> assertEquals("RSA", camera.keyAlgorithm()),
        () -> assertEquals(2048, camera.keySize()),
        () -> assertNull(camera.issuedByOrganisationPki(), "no CA registered: the API does not say who issued it"));
  }

  @Test
  void thePoliciesOfTheThingsGroupsAndTheirParentGroupsAddToThoseOfItsCertificate() throws SourceException {
    AccessPolicy thermostat = read().get("thermostat-01").accessPolicy();

    // thermostat-telemetry is attached to the certificate (and again to the group thermostats);
    // plant-monitoring to berlin-plant, the parent of the thing's group berlin-floor-3. MQTT wildcards stay as written.
    assertEquals(new AccessPolicy(
        List.of("iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive"),
        List.of(ACCOUNT + "client/${iot:Connection.Thing.ThingName}",
            ACCOUNT + "topic/telemetry/${iot:Connection.Thing.ThingName}",
            ACCOUNT + "topicfilter/plant/+/alarms", ACCOUNT + "topic/plant/#"),
        List.of("iot:Publish"), List.of(ACCOUNT + "topic/plant/#"),
        List.of("thermostat-telemetry", "plant-monitoring")),
        thermostat);
  }

  @Test
  void aWildcardPolicyReachesTheAccessPolicySoThePackCanJudgeIt() throws SourceException {
    AccessPolicy camera = read().get("camera-07").accessPolicy();

    // camera-telemetry's Allow statements, then legacy-admin's "iot:*" on "*"; the Deny is not a grant but a deny.
    assertEquals(new AccessPolicy(
        List.of("iot:Connect", "iot:Publish", "iot:Receive", "iot:*"),
        List.of(ACCOUNT + "client/${iot:Connection.Thing.ThingName}",
            ACCOUNT + "topic/video/${iot:Connection.Thing.ThingName}/*", "*"),
        List.of("iot:DeleteThingShadow"), List.of("*"), List.of("camera-telemetry", "legacy-admin")),
        camera);
  }

  @Test
  void aRevokedCertificateIsReportedRevoked() throws SourceException {
    Device gateway = read().get("gateway-02");

    assertAll(
        () -> assertEquals(true, gateway.credentials().certificate().revoked()),
        () -> assertEquals(CertificateStatus.REVOKED, gateway.credentials().certificate().registryStatus()),
        () -> assertEquals(GATEWAY_CERTIFICATE, gateway.credentials().fingerprint()),
        () -> assertEquals(new AccessPolicy(List.of(), List.of(), List.of(), List.of(), List.of()), gateway.accessPolicy(),
            "no policy attached"));
  }

  @Test
  void aThingWithoutACertificateHasUnknownCredentialsAndPolicy() throws SourceException {
    Device sensor = read().get("sensor-09");

    assertAll(
        () -> assertNull(sensor.credentials()),
        () -> assertNull(sensor.accessPolicy()),
        () -> assertNull(sensor.model()),
        () -> assertEquals(Map.of("site", "hamburg"), sensor.attributes()));
  }

  @Test
  void theOriginIsTheThingArnAndTheTimeOfReading() throws SourceException {
    List<Origin> origins = new ArrayList<>();
    source(Clock.fixed(READ_AT, ZoneOffset.UTC)).read((fact, origin) -> origins.add(origin));

    assertEquals(new Origin("aws-iot", ACCOUNT + "thing/thermostat-01", 0, 0, READ_AT), origins.get(0));
  }

  @Test
  void theSourceCallsTheseRoutesFollowingEveryPageAndFetchingEachPolicyOnce() throws SourceException {
    stub.clearRequests();
    read();

    String camera = "/attached-policies/" + ACCOUNT + "cert/" + CAMERA_CERTIFICATE;
    assertEquals(List.of(
        "GET /cacertificates?pageSize=250",
        "GET /cacertificates?pageSize=250&marker=ca-2",
        "GET /cacertificate/" + DEVICE_CA,
        "GET /cacertificate/" + LEGACY_CA,
        "GET /things?maxResults=250",
        "GET /things/thermostat-01/principals?maxResults=250",
        "GET /certificates/" + OLD_THERMOSTAT_CERTIFICATE,
        "GET /certificates/" + THERMOSTAT_CERTIFICATE,
        "POST /attached-policies/" + ACCOUNT + "cert/" + THERMOSTAT_CERTIFICATE + "?pageSize=250",
        "GET /things/thermostat-01/thing-groups?maxResults=250",
        "GET /things/thermostat-01/thing-groups?nextToken=more&maxResults=250",
        "GET /thing-groups/berlin-floor-3",
        "GET /thing-groups/thermostats",
        "POST /attached-policies/" + ACCOUNT + "thinggroup/berlin-floor-3?pageSize=250",
        "POST /attached-policies/" + ACCOUNT + "thinggroup/berlin-plant?pageSize=250",
        "POST /attached-policies/" + ACCOUNT + "thinggroup/thermostats?pageSize=250",
        "GET /policies/thermostat-telemetry",
        "GET /policies/plant-monitoring",
        "GET /things/camera-07/principals?maxResults=250",
        "GET /things/camera-07/principals?nextToken=more&maxResults=250",
        "GET /certificates/" + CAMERA_CERTIFICATE,
        "POST " + camera + "?pageSize=250",
        "POST " + camera + "?marker=next&pageSize=250",
        "GET /things/camera-07/thing-groups?maxResults=250",
        "GET /policies/camera-telemetry",
        "GET /policies/legacy-admin",
        "GET /things?nextToken=page-2&maxResults=250",
        "GET /things/gateway-02/principals?maxResults=250",
        "GET /certificates/" + GATEWAY_CERTIFICATE,
        "POST /attached-policies/" + ACCOUNT + "cert/" + GATEWAY_CERTIFICATE + "?pageSize=250",
        "GET /things/gateway-02/thing-groups?maxResults=250",
        "GET /things/sensor-09/principals?maxResults=250",
        "GET /v2LoggingOptions",
        // the account-level calls, which this stub does not serve: unknown, and a warning each
        "GET /role-aliases?pageSize=250",
        "POST /"),
        stub.requests());
  }

  @Test
  void accessDeniedNamesTheCallAndThePermissionsToGrant() {
    try (IotStub denying = IotStub.refusing(new IotStub.Refusal(403, "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iot:ListCACertificates"))) {
      SourceException failure = assertThrows(SourceException.class, () -> read(denying));

      assertEquals(List.of("aws-iot:eu-west-1@" + denying.endpoint() + ": cannot call iot:ListCACertificates:"
          + " AWS answered HTTP 403 AccessDeniedException"
          + " 'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iot:ListCACertificates'"
          + " (allow the identity that reads the fleet the IAM actions iot:ListThings, iot:ListThingPrincipals,"
          + " iot:DescribeCertificate, iot:ListThingGroupsForThing, iot:DescribeThingGroup, iot:ListAttachedPolicies,"
          + " iot:GetPolicy, iot:ListCACertificates, iot:DescribeCACertificate, iot:GetV2LoggingOptions and"
          + " iot:GetLoggingOptions)"),
          failure.problems());
    }
  }

  @Test
  void throttlingThatOutlastsTheSdkRetriesSaysSo() {
    try (IotStub throttling = IotStub.refusing(new IotStub.Refusal(400, "ThrottlingException", "Rate exceeded"))) {
      SourceException failure = assertThrows(SourceException.class, () -> read(throttling));

      assertEquals(List.of("aws-iot:eu-west-1@" + throttling.endpoint() + ": cannot call iot:ListCACertificates:"
          + " AWS answered HTTP 400 ThrottlingException 'Rate exceeded' and still did after the SDK's retries"
          + " (read again later, or read fewer sources at once; AWS can raise the account's IoT API rate limits)"),
          failure.problems());
      // How often depends on the SDK's retry mode, which AWS_RETRY_MODE and AWS_MAX_ATTEMPTS may set.
      assertTrue(throttling.requests().size() > 1, "the SDK retried: " + throttling.requests());
    }
  }

  @Test
  void rejectedCredentialsPointAtTheDefaultChain() {
    try (IotStub rejecting = IotStub.refusing(new IotStub.Refusal(403, "UnrecognizedClientException",
        "The security token included in the request is invalid."))) {
      SourceException failure = assertThrows(SourceException.class, () -> read(rejecting));

      assertEquals(List.of("aws-iot:eu-west-1@" + rejecting.endpoint() + ": cannot call iot:ListCACertificates:"
          + " AWS answered HTTP 403 UnrecognizedClientException 'The security token included in the request is invalid.'"
          + " (the credentials found by the AWS default chain are not valid for this account;"
          + " check AWS_ACCESS_KEY_ID / AWS_PROFILE or the option profile)"),
          failure.problems());
    }
  }

  @Test
  void anUnreachableEndpointIsNamed() {
    SourceConfig config = new SourceConfig("eu-west-1", Map.of("endpoint", "http://127.0.0.1:1"));

    SourceException failure = assertThrows(SourceException.class,
        () -> new AwsIotProvider(DUMMY).create(config).read((fact, origin) -> {}));

    assertEquals(List.of("aws-iot:eu-west-1@http://127.0.0.1:1: cannot call iot:ListCACertificates:"
        + " no connection to http://127.0.0.1:1: Connection refused"
        + " (check that the endpoint is reachable from here: network, proxy, firewall, VPC endpoint)"),
        failure.problems());
  }

  @Test
  void noMessageEverCarriesTheSecretKey() {
    for (IotStub.Refusal refusal : List.of(
        new IotStub.Refusal(403, "AccessDeniedException", "denied"),
        new IotStub.Refusal(403, "InvalidSignatureException", "The request signature we calculated does not match"),
        new IotStub.Refusal(500, "InternalFailureException", "internal"))) {
      try (IotStub refusing = IotStub.refusing(refusal)) {
        SourceException failure = assertThrows(SourceException.class, () -> read(refusing));
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
      }
    }
  }

  private static Map<String, Device> read() throws SourceException {
    return read(stub);
  }

  private static Map<String, Device> read(IotStub from) throws SourceException {
    Map<String, Device> devices = new LinkedHashMap<>();
    new AwsIotSource("eu-west-1", from.endpoint(), null, DUMMY, null, Clock.systemUTC())
        .read((Fact fact, Origin origin) -> {
          if (fact instanceof Device device) {
            devices.put(device.id(), device);
          }
        });
    return devices;
  }

  /** The deployment the source reads, which comes after every device. */
  private static Deployment deployment(IotStub from) throws SourceException {
    List<Fact> facts = new ArrayList<>();
    new AwsIotSource("eu-west-1", from.endpoint(), null, DUMMY, null, Clock.systemUTC())
        .read((fact, origin) -> facts.add(fact));
    assertEquals(1, facts.stream().filter(Deployment.class::isInstance).count(), "one deployment");
    return (Deployment) facts.get(facts.size() - 1);
  }

  private static AwsIotSource source(Clock clock) {
    return new AwsIotSource("eu-west-1", stub.endpoint(), null, DUMMY, null, clock);
  }
}
