package dev.rampart.adapter.awsiot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * pages; a thermostat with a CA-issued EC certificate and a least-privilege policy, a camera with a
 * self-signed RSA certificate and a legacy {@code iot:*} policy, a gateway whose only certificate is
 * revoked, and a sensor without any certificate.
 */
class AwsIotSourceTest {

  private static final String SECRET = "not-a-real-secret-key-used-in-tests-only";
  private static final AwsCredentialsProvider DUMMY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLEONLY00000", SECRET));
  private static final Instant READ_AT = Instant.parse("2026-11-25T08:00:00Z");
  private static final String THERMOSTAT_CERTIFICATE = "ddd48f70a8e985bc7e5fa6073c4075078e07a43bec2f155e0f330887ee517c0c";
  private static final String CAMERA_CERTIFICATE = "4f1225e72b211ab1f1587f67e34329fd3a34c166e13636cb7df80e559e5344b6";
  private static final String GATEWAY_CERTIFICATE = "e105c8a40cd44f3099841c78632774dede4c5d07d930685f6f5029494427d41d";
  private static final String ACCOUNT = "arn:aws:iot:eu-west-1:123456789012:";

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
  void theAttachedCertificateIsAnalysedFromItsPem() throws SourceException {
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
        () -> assertEquals(false, certificate.revoked()));
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
  void aLeastPrivilegePolicyReachesTheAccessPolicyAsWritten() throws SourceException {
    AccessPolicy thermostat = read().get("thermostat-01").accessPolicy();

    assertEquals(new AccessPolicy(
        List.of("iot:Connect", "iot:Publish"),
        List.of(ACCOUNT + "client/${iot:Connection.Thing.ThingName}",
            ACCOUNT + "topic/telemetry/${iot:Connection.Thing.ThingName}"), List.of(), List.of(),
        List.of("thermostat-telemetry")),
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
        "GET /things?maxResults=250",
        "GET /things/thermostat-01/principals?maxResults=250",
        "GET /certificates/" + THERMOSTAT_CERTIFICATE,
        "POST /attached-policies/" + ACCOUNT + "cert/" + THERMOSTAT_CERTIFICATE + "?pageSize=250",
        "GET /policies/thermostat-telemetry",
        "GET /things/camera-07/principals?maxResults=250",
        "GET /things/camera-07/principals?nextToken=more&maxResults=250",
        "GET /certificates/" + CAMERA_CERTIFICATE,
        "POST " + camera + "?pageSize=250",
        "POST " + camera + "?marker=next&pageSize=250",
        "GET /policies/camera-telemetry",
        "GET /policies/legacy-admin",
        "GET /things?nextToken=page-2&maxResults=250",
        "GET /things/gateway-02/principals?maxResults=250",
        "GET /certificates/" + GATEWAY_CERTIFICATE,
        "POST /attached-policies/" + ACCOUNT + "cert/" + GATEWAY_CERTIFICATE + "?pageSize=250",
        "GET /things/sensor-09/principals?maxResults=250"),
        stub.requests());
  }

  @Test
  void accessDeniedNamesTheCallAndThePermissionsToGrant() {
    try (IotStub denying = IotStub.refusing(new IotStub.Refusal(403, "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iot:ListThings"))) {
      SourceException failure = assertThrows(SourceException.class, () -> read(denying));

      assertEquals(List.of("aws-iot:eu-west-1@" + denying.endpoint() + ": cannot call iot:ListThings:"
          + " AWS answered HTTP 403 AccessDeniedException"
          + " 'User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iot:ListThings'"
          + " (allow the identity that reads the fleet the IAM actions iot:ListThings, iot:ListThingPrincipals,"
          + " iot:DescribeCertificate, iot:ListAttachedPolicies and iot:GetPolicy)"),
          failure.problems());
    }
  }

  @Test
  void throttlingThatOutlastsTheSdkRetriesSaysSo() {
    try (IotStub throttling = IotStub.refusing(new IotStub.Refusal(400, "ThrottlingException", "Rate exceeded"))) {
      SourceException failure = assertThrows(SourceException.class, () -> read(throttling));

      assertEquals(List.of("aws-iot:eu-west-1@" + throttling.endpoint() + ": cannot call iot:ListThings:"
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

      assertEquals(List.of("aws-iot:eu-west-1@" + rejecting.endpoint() + ": cannot call iot:ListThings:"
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

    assertEquals(List.of("aws-iot:eu-west-1@http://127.0.0.1:1: cannot call iot:ListThings:"
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
    new AwsIotSource("eu-west-1", from.endpoint(), null, DUMMY, Clock.systemUTC())
        .read((Fact fact, Origin origin) -> devices.put(fact.id(), (Device) fact));
    return devices;
  }

  private static AwsIotSource source(Clock clock) {
    return new AwsIotSource("eu-west-1", stub.endpoint(), null, DUMMY, clock);
  }
}
