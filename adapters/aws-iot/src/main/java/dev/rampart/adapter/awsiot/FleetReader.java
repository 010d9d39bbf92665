package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.CertificateStatus;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsResponse;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

/**
 * Walks the fleet: every thing, each of its certificate principals, and the policies that apply to
 * them. Certificates and policies shared by many things are fetched once per read.
 */
final class FleetReader {

  private static final int PAGE_SIZE = 250;
  private static final String CERTIFICATE_ARN = ":cert/";

  private final IotClient client;
  private final Calls calls;
  private final SourceProblems problems;
  private final Clock clock;
  private final Map<String, Certificate> caCertificates;
  private final PolicyReader policies;
  private final Map<String, @Nullable ThingCertificate> certificates = new HashMap<>();
  private @Nullable String firstArn;

  /**
   * @param caCertificates the CA certificates registered in the account, by certificate id, so that
   *     a device certificate learns whether its CA is revoked
   * @param problems where values the fact model cannot take are reported, all together after the read
   */
  FleetReader(IotClient client, Calls calls, SourceProblems problems, Clock clock,
      Map<String, Certificate> caCertificates) {
    this.client = client;
    this.calls = calls;
    this.problems = problems;
    this.clock = clock;
    this.caCertificates = Map.copyOf(caCertificates);
    this.policies = new PolicyReader(client, calls);
  }

  void read(FactSink sink) throws SourceException {
    String token = null;
    do {
      String page = token;
      ListThingsResponse things = calls.call("call iot:ListThings", "",
          () -> client.listThings(request -> request.maxResults(PAGE_SIZE).nextToken(page)));
      for (ThingAttribute thing : things.things()) {
        if (firstArn == null) {
          firstArn = thing.thingArn();
        }
        Device device = checked(thing);
        if (device != null) {
          // The API says nothing of when it last saw the data, so the time of reading stands in.
          sink.accept(device, Origin.of(AwsIotProvider.ID, location(thing)).collectedAt(clock.instant()));
        }
      }
      token = things.nextToken();
    } while (token != null && !token.isEmpty());
  }

  /** The ARN of the first thing read, which names the account; {@code null} when there is no thing. */
  @Nullable String firstArn() {
    return firstArn;
  }

  /** The thing as a device; a value the fact model refuses fails the read, naming the thing like other failures. */
  private @Nullable Device checked(ThingAttribute thing) throws SourceException {
    try {
      return device(thing);
    } catch (InvalidFactException e) {
      throw new SourceException(calls.source() + ": " + location(thing) + ": "
          + e.about(FactType.DEVICE, thing.thingName()).withoutFix() + " (" + e.fix() + "; correct it in AWS IoT Core)");
    }
  }

  /** The thing as a device, or {@code null} when it was deleted while the fleet was being read. */
  private @Nullable Device device(ThingAttribute thing) throws SourceException {
    String name = thing.thingName();
    Device.Builder device = Device.builder(name)
        .model(thing.thingTypeName())
        .attributes(new LinkedHashMap<>(new TreeMap<String, Object>(thing.attributes())));
    List<String> principals = principals(name);
    if (principals == null) {
      return null;
    }
    List<ThingCertificate> attached = new ArrayList<>();
    for (String principal : principals) {
      if (principal.contains(CERTIFICATE_ARN)) {
        ThingCertificate certificate = certificate(principal);
        if (certificate != null) {
          attached.add(certificate);
        }
      }
    }
    if (attached.isEmpty()) {
      // No X.509 principal: the thing may use a custom authorizer or none; the API does not say.
      return device.build();
    }
    List<ThingCertificate> active = attached.stream().filter(ThingCertificate::active).toList();
    ThingCertificate chosen = active.isEmpty() ? attached.get(0) : active.get(0);
    List<String> connecting = (active.isEmpty() ? List.of(chosen) : active).stream().map(ThingCertificate::arn).toList();
    return device
        .credentials(Credentials.builder().fingerprint(chosen.fingerprint()).authMethod(AuthMethod.CERTIFICATE)
            .certificate(chosen.certificate())
            .certificates(attached.stream().map(ThingCertificate::certificate).toList())
            .build())
        .accessPolicy(policies.accessPolicy(name, connecting))
        .build();
  }

  private @Nullable List<String> principals(String thing) throws SourceException {
    return calls.everyPage("call iot:ListThingPrincipals", "for thing '" + thing + "'", ResourceNotFoundException.class,
        token -> client.listThingPrincipals(request -> request.thingName(thing).maxResults(PAGE_SIZE).nextToken(token)),
        ListThingPrincipalsResponse::principals, ListThingPrincipalsResponse::nextToken);
  }

  private @Nullable ThingCertificate certificate(String arn) throws SourceException {
    if (certificates.containsKey(arn)) {
      return certificates.get(arn);
    }
    String id = arn.substring(arn.lastIndexOf('/') + 1);
    var response = calls.callOrAbsent("call iot:DescribeCertificate", "for certificate " + id,
        ResourceNotFoundException.class, () -> client.describeCertificate(request -> request.certificateId(id)));
    ThingCertificate certificate = response == null ? null : thingCertificate(arn, response.certificateDescription());
    certificates.put(arn, certificate);
    return certificate;
  }

  private ThingCertificate thingCertificate(String arn, CertificateDescription description) {
    String ca = description.caCertificateId();
    Certificate certificate = CertificateFacts.device(description, ca == null ? null : caCertificates.get(ca), problems);
    // AWS IoT's certificate id is the SHA-256 of the certificate; it stands in when the PEM could not be read.
    String fingerprint = certificate.sha256Fingerprint() != null ? certificate.sha256Fingerprint()
        : description.certificateId();
    return new ThingCertificate(arn, certificate.registryStatus() == CertificateStatus.ACTIVE, fingerprint, certificate);
  }

  private static String location(ThingAttribute thing) {
    return thing.thingArn() != null ? thing.thingArn() : "thing/" + thing.thingName();
  }

  /**
   * A certificate attached to a thing, as facts.
   *
   * @param arn the certificate's ARN
   * @param active its status is ACTIVE, so a device can connect with it
   * @param fingerprint the SHA-256 fingerprint, for uniqueness across the fleet
   * @param certificate the analysed certificate
   */
  private record ThingCertificate(String arn, boolean active, String fingerprint, Certificate certificate) {}
}
