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
import dev.rampart.spi.source.SkippedRecord;
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
 *
 * <p>Each thing is a record: a thing whose answer holds a value the adapter cannot read (a
 * certificate status this release does not know, a value the fact model refuses) is handed to the
 * sink as skipped, named by its thing name, and the other things are read. What only fills some
 * fields of a thing (a certificate's PEM, a policy document) stays unknown with a warning.
 */
final class FleetReader {

  private static final int PAGE_SIZE = 250;
  private static final String CERTIFICATE_ARN = ":cert/";

  private final IotClient client;
  private final Calls calls;
  private final Clock clock;
  private final Map<String, Certificate> caCertificates;
  private final PolicyReader policies;
  private final Map<String, @Nullable ThingCertificate> certificates = new HashMap<>();
  private @Nullable String firstArn;

  /**
   * @param caCertificates the CA certificates registered in the account, by certificate id, so that
   *     a device certificate learns whether its CA is revoked
   */
  FleetReader(IotClient client, Calls calls, Clock clock, Map<String, Certificate> caCertificates) {
    this.client = client;
    this.calls = calls;
    this.clock = clock;
    this.caCertificates = Map.copyOf(caCertificates);
    this.policies = new PolicyReader(client, calls);
  }

  /**
   * Hands every thing to the sink as a device, or as a skipped record when its answer holds a value
   * the adapter cannot read, and the warnings about fields left unknown.
   *
   * @throws SourceException when a call fails, or when the sink refuses a skipped record
   */
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
        thing(thing, sink);
      }
      token = things.nextToken();
    } while (token != null && !token.isEmpty());
  }

  /** The ARN of the first thing read, which names the account; {@code null} when there is no thing. */
  @Nullable String firstArn() {
    return firstArn;
  }

  private void thing(ThingAttribute thing, FactSink sink) throws SourceException {
    // The API says nothing of when it last saw the data, so the time of reading stands in.
    Origin origin = Origin.of(AwsIotProvider.ID, location(thing)).collectedAt(clock.instant());
    SourceProblems record = new SourceProblems(calls.source());
    String name = thing.thingName();
    if (name == null || name.isBlank()) {
      record.add(null, location(thing), "AWS answered a thing without a name",
          "AWS IoT names every thing; read again, and report this if it persists");
      sink.skipped(SkippedRecord.unidentified(origin, record.inFileOrder()));
      return;
    }
    Device device;
    try {
      device = device(thing, record, sink);
    } catch (InvalidFactException e) {
      record.add(null, place(name), e.about(FactType.DEVICE, name).withoutFix(),
          e.fix() + "; correct it in AWS IoT Core");
      device = null;
    }
    if (!record.isEmpty()) {
      sink.skipped(SkippedRecord.of(origin, FactType.DEVICE, name, record.inFileOrder()));
    } else if (device != null) {
      sink.accept(device, origin);
    }
  }

  /**
   * The thing as a device, or {@code null} when it was deleted while the fleet was being read or when
   * {@code record} got a problem that keeps it from being one.
   */
  private @Nullable Device device(ThingAttribute thing, SourceProblems record, FactSink sink) throws SourceException {
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
        ThingCertificate certificate = certificate(principal, name, sink);
        if (certificate != null) {
          attached.add(certificate);
        }
      }
    }
    for (ThingCertificate certificate : attached) {
      if (certificate.read().unknownStatus() != null) {
        // Which certificate connects depends on the status, so the thing's credentials cannot be told.
        record.add(null, place(name), "certificate " + certificate.arn() + ": " + certificate.read().statusProblem(),
            "a newer release of Rampart may know it; until then, read with --allow-partial or the source option"
                + " partial=true to evaluate the other things, with this thing's rules UNKNOWN");
      }
    }
    if (!record.isEmpty()) {
      return null;
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
        .accessPolicy(policies.accessPolicy(name, connecting, (policy, reason) -> warn(sink, name,
            "policy '" + policy + "' cannot be read: " + reason + "; the thing's accessPolicy stays unknown, so the"
                + " rules over it are UNKNOWN",
            "check the policy's default version in the AWS IoT console")))
        .build();
  }

  private @Nullable List<String> principals(String thing) throws SourceException {
    return calls.everyPage("call iot:ListThingPrincipals", "for thing '" + thing + "'", ResourceNotFoundException.class,
        token -> client.listThingPrincipals(request -> request.thingName(thing).maxResults(PAGE_SIZE).nextToken(token)),
        ListThingPrincipalsResponse::principals, ListThingPrincipalsResponse::nextToken);
  }

  /** The certificate, read once per read; its unreadable PEM is a warning, given for the first thing that has it. */
  private @Nullable ThingCertificate certificate(String arn, String thing, FactSink sink) throws SourceException {
    if (certificates.containsKey(arn)) {
      return certificates.get(arn);
    }
    String id = arn.substring(arn.lastIndexOf('/') + 1);
    var response = calls.callOrAbsent("call iot:DescribeCertificate", "for certificate " + id,
        ResourceNotFoundException.class, () -> client.describeCertificate(request -> request.certificateId(id)));
    // Without a description it was deleted while being read: no longer attached.
    ThingCertificate certificate = response == null || response.certificateDescription() == null ? null
        : thingCertificate(arn, response.certificateDescription());
    certificates.put(arn, certificate);
    if (certificate != null && certificate.read().unreadablePem() != null) {
      warn(sink, thing, "the PEM of certificate " + arn + " cannot be read: " + certificate.read().unreadablePem()
          + "; what only the certificate itself tells (key, signature, subject, issuer) stays unknown",
          "check the certificate in the AWS IoT console; AWS's status, validity and id are kept");
    }
    return certificate;
  }

  private ThingCertificate thingCertificate(String arn, CertificateDescription description) {
    String ca = description.caCertificateId();
    CertificateFacts.Read read = CertificateFacts.device(description, ca == null ? null : caCertificates.get(ca));
    Certificate certificate = read.certificate();
    // AWS IoT's certificate id is the SHA-256 of the certificate; it stands in when the PEM could not be read.
    String fingerprint = certificate.sha256Fingerprint() != null ? certificate.sha256Fingerprint()
        : description.certificateId();
    return new ThingCertificate(arn, certificate.registryStatus() == CertificateStatus.ACTIVE, fingerprint, read);
  }

  private void warn(FactSink sink, String thing, String what, String fix) {
    sink.problem(calls.warning(place(thing), what, fix));
  }

  private static String place(String thing) {
    return "thing '" + thing + "'";
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
   * @param read the analysed certificate, with what of it could not be read
   */
  private record ThingCertificate(String arn, boolean active, String fingerprint, CertificateFacts.Read read) {

    Certificate certificate() {
      return read.certificate();
    }
  }
}
