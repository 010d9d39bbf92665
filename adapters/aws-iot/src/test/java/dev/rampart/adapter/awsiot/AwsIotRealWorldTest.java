package dev.rampart.adapter.awsiot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.CertificateStatus;
import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.source.Origin;
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
 * Reads responses written by others, the AWS CLI's own IoT examples (see {@code PROVENANCE.md}),
 * through the same local stub of the AWS IoT API as {@link AwsIotSourceTest}: one thing whose
 * certificate is the describe-certificate example, whose policy is the get-policy example, and
 * whose thing groups are the list-thing-groups-for-thing and describe-thing-group examples (a group
 * nested in LightBulbs, to which the list-attached-policies example attaches the same policy).
 */
class AwsIotRealWorldTest {

  private static final AwsCredentialsProvider DUMMY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLEONLY00000", "not-a-real-secret"));
  private static final Instant READ_AT = Instant.parse("2026-12-07T09:00:00Z");
  /** The id the AWS CLI example gives the certificate; it is not the SHA-256 of the example's PEM. */
  private static final String EXAMPLE_CERTIFICATE_ID =
      "4f0ba725787aa94d67d2fca420eca022242532e8b3c58e7465c7778b443fd65e";
  /** SHA-256 of the example's PEM (openssl x509 -noout -fingerprint -sha256). */
  private static final String PEM_SHA256 = "ff5e5b20a6ec49690bf5aca4fff041e2d8639532fb822b8f71eb9ce8f3ec9257";

  static IotStub stub;

  @BeforeAll
  static void startStub() {
    stub = IotStub.serving("real-world");
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @Test
  void theThingIsOneDeviceWithoutModelOrAttributes() throws SourceException {
    Map<String, Device> devices = read();

    assertEquals(List.of("MyRaspberryPi"), List.copyOf(devices.keySet()));
    Device device = devices.get("MyRaspberryPi");
    assertAll(
        () -> assertNull(device.model(), "the thing has no thingTypeName"),
        () -> assertEquals(Map.of(), device.attributes()));
  }

  @Test
  void theDescribeCertificateExampleIsAnalysedFromItsPemNotFromTheApiFields() throws SourceException {
    Device device = read().get("MyRaspberryPi");
    Certificate certificate = device.credentials().certificate();

    assertAll(
        () -> assertEquals(AuthMethod.CERTIFICATE, device.credentials().authMethod()),
        // The PEM could be read, so its own SHA-256 is the fingerprint, not the example's certificateId.
        () -> assertEquals(PEM_SHA256, device.credentials().fingerprint()),
        () -> assertEquals(PEM_SHA256, certificate.sha256Fingerprint()),
        () -> assertEquals("RSA", certificate.keyAlgorithm()),
        () -> assertEquals(1024, certificate.keySize()),
        () -> assertEquals("SHA1withRSA", certificate.signatureAlgorithm()),
        () -> assertEquals("fa9bba11c34b973a", certificate.serialNumber()),
        // The PEM's validity (2011-2012), not the API's validity block (2018-2050) of the example.
        () -> assertEquals(Instant.parse("2011-04-25T20:45:21Z"), certificate.notBefore()),
        () -> assertEquals(Instant.parse("2012-04-24T20:45:21Z"), certificate.notAfter()),
        // Subject and issuer are the same name, but AWS overwrote the signature's last bytes with "EXAMPLE":
        // the signature does not verify with the certificate's own key (JDK: "Signature does not match";
        // openssl verify -check_ss_sig fails). It names itself as issuer, so it must not count as "not
        // self-signed" either: unknown.
        () -> assertNull(certificate.selfSigned()),
        () -> assertEquals(certificate.subject(), certificate.issuer()),
        () -> assertNull(certificate.issuedByOrganisationPki(), "no caCertificateId in the example"),
        () -> assertEquals(CertificateStatus.ACTIVE, certificate.registryStatus()),
        () -> assertEquals(EXAMPLE_CERTIFICATE_ID, certificate.registryId()),
        () -> assertEquals(Instant.parse("2018-10-31T21:52:31.983Z"), certificate.registeredAt()),
        () -> assertNull(certificate.revoked(), "ACTIVE in the registry; whether its issuer revoked it is not said"));
  }

  @Test
  void theGetPolicyExampleGrantsUpdateCertificateOnEverything() throws SourceException {
    AccessPolicy policy = read().get("MyRaspberryPi").accessPolicy();

    // Attached to the certificate and, as in the list-attached-policies example, to the thing group LightBulbs.
    assertEquals(new AccessPolicy(List.of("iot:UpdateCertificate"), List.of("*"), List.of(), List.of(),
        List.of("UpdateDeviceCertPolicy")), policy);
  }

  @Test
  void theOriginIsTheThingArn() throws SourceException {
    List<Origin> origins = new ArrayList<>();
    new AwsIotSource("us-west-2", stub.endpoint(), null, DUMMY, null, Clock.fixed(READ_AT, ZoneOffset.UTC))
        .read((fact, origin) -> origins.add(origin));

    assertEquals(List.of(new Origin("aws-iot", "arn:aws:iot:us-west-2:123456789012:thing/MyRaspberryPi", 0, 0, READ_AT),
        new Origin("aws-iot", "aws-iot:123456789012:us-west-2", 0, 0, READ_AT)), origins);
  }

  @Test
  void theRoutesCalledAreThoseOfTheExamples() throws SourceException {
    stub.clearRequests();
    read();

    assertEquals(List.of(
        "GET /cacertificates?pageSize=250",
        "GET /things?maxResults=250",
        "GET /things/MyRaspberryPi/principals?maxResults=250",
        "GET /certificates/" + EXAMPLE_CERTIFICATE_ID,
        "POST /attached-policies/arn:aws:iot:us-west-2:123456789012:cert/" + EXAMPLE_CERTIFICATE_ID + "?pageSize=250",
        "GET /things/MyRaspberryPi/thing-groups?maxResults=250",
        "GET /thing-groups/HalogenBulbs",
        "GET /thing-groups/LightBulbs",
        "POST /attached-policies/arn:aws:iot:us-west-2:123456789012:thinggroup/HalogenBulbs?pageSize=250",
        "POST /attached-policies/arn:aws:iot:us-west-2:123456789012:thinggroup/LightBulbs?pageSize=250",
        "GET /policies/UpdateDeviceCertPolicy",
        "GET /v2LoggingOptions",
        "GET /role-aliases?pageSize=250",
        "POST /"),
        stub.requests());
  }

  @Test
  void theAccountHasNoCaAndLogsAtInfo() throws SourceException {
    List<Deployment> deployments = new ArrayList<>();
    new AwsIotSource("us-west-2", stub.endpoint(), null, DUMMY, null, Clock.systemUTC())
        .read((fact, origin) -> {
          if (fact instanceof Deployment deployment) {
            deployments.add(deployment);
          }
        });

    assertEquals(List.of(Deployment.builder("aws-iot:123456789012:us-west-2").registries(List.of(
        new DeviceRegistry("aws-iot:123456789012:us-west-2", List.of(), true, "INFO", null, null))).build()), deployments);
  }

  private static Map<String, Device> read() throws SourceException {
    Map<String, Device> devices = new LinkedHashMap<>();
    new AwsIotSource("us-west-2", stub.endpoint(), null, DUMMY, null, Clock.systemUTC())
        .read((fact, origin) -> {
          if (fact instanceof Device device) {
            devices.put(device.id(), device);
          }
        });
    return devices;
  }
}
