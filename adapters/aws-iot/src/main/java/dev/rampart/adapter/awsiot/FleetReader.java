package dev.rampart.adapter.awsiot;

import dev.rampart.adapter.certificates.CertificateAnalyzer;
import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.AuthMethod;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.InvalidFactException;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesResponse;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsResponse;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

/**
 * Walks the fleet: every thing, its certificate principals, and the policies attached to them.
 * Certificates and policies shared by many things are fetched once per read.
 */
final class FleetReader {

  private static final int PAGE_SIZE = 250;
  private static final String CERTIFICATE_ARN = ":cert/";

  private final IotClient client;
  private final Failures failures;
  private final Clock clock;
  private final Map<String, @Nullable ThingCertificate> certificates = new HashMap<>();
  private final Map<String, List<String>> policyNames = new HashMap<>();
  private final Map<String, PolicyDocument> policies = new HashMap<>();

  FleetReader(IotClient client, Failures failures, Clock clock) {
    this.client = client;
    this.failures = failures;
    this.clock = clock;
  }

  void read(FactSink sink) throws SourceException {
    String token = null;
    do {
      String page = token;
      ListThingsResponse things = call("call iot:ListThings", "",
          () -> client.listThings(request -> request.maxResults(PAGE_SIZE).nextToken(page)));
      for (ThingAttribute thing : things.things()) {
        Device device = checked(thing);
        if (device != null) {
          // The API says nothing of when it last saw the data, so the time of reading stands in.
          sink.accept(device, Origin.of(AwsIotProvider.ID, location(thing)).collectedAt(clock.instant()));
        }
      }
      token = things.nextToken();
    } while (token != null && !token.isEmpty());
  }

  /** The thing as a device; a value the fact model refuses fails the read, naming the thing like other failures. */
  private @Nullable Device checked(ThingAttribute thing) throws SourceException {
    try {
      return device(thing);
    } catch (InvalidFactException e) {
      throw new SourceException(failures.source() + ": " + location(thing) + ": "
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
    return device
        .credentials(Credentials.builder().fingerprint(chosen.fingerprint()).authMethod(AuthMethod.CERTIFICATE)
            .certificate(chosen.certificate()).build())
        .accessPolicy(accessPolicy(active.isEmpty() ? List.of(chosen) : active))
        .build();
  }

  private @Nullable List<String> principals(String thing) throws SourceException {
    List<String> principals = new ArrayList<>();
    String token = null;
    do {
      String page = token;
      ListThingPrincipalsResponse response = callOrMissing("call iot:ListThingPrincipals", "for thing '" + thing + "'",
          () -> client.listThingPrincipals(request -> request.thingName(thing).maxResults(PAGE_SIZE).nextToken(page)));
      if (response == null) {
        return null;
      }
      principals.addAll(response.principals());
      token = response.nextToken();
    } while (token != null && !token.isEmpty());
    return principals;
  }

  private @Nullable ThingCertificate certificate(String arn) throws SourceException {
    if (certificates.containsKey(arn)) {
      return certificates.get(arn);
    }
    String id = arn.substring(arn.lastIndexOf('/') + 1);
    var response = callOrMissing("call iot:DescribeCertificate", "for certificate " + id,
        () -> client.describeCertificate(request -> request.certificateId(id)));
    ThingCertificate certificate = response == null ? null : ThingCertificate.of(arn, response.certificateDescription());
    certificates.put(arn, certificate);
    return certificate;
  }

  private AccessPolicy accessPolicy(List<ThingCertificate> certificates) throws SourceException {
    Set<String> names = new LinkedHashSet<>();
    for (ThingCertificate certificate : certificates) {
      names.addAll(policyNames(certificate.arn()));
    }
    Set<String> actions = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> deniedActions = new LinkedHashSet<>();
    Set<String> deniedResources = new LinkedHashSet<>();
    for (String name : names) {
      PolicyDocument policy = policy(name);
      actions.addAll(policy.allowedActions());
      resources.addAll(policy.allowedResources());
      deniedActions.addAll(policy.deniedActions());
      deniedResources.addAll(policy.deniedResources());
    }
    return new AccessPolicy(List.copyOf(actions), List.copyOf(resources), List.copyOf(deniedActions),
        List.copyOf(deniedResources), List.copyOf(names));
  }

  private List<String> policyNames(String certificateArn) throws SourceException {
    List<String> cached = policyNames.get(certificateArn);
    if (cached != null) {
      return cached;
    }
    List<String> names = new ArrayList<>();
    String marker = null;
    do {
      String page = marker;
      ListAttachedPoliciesResponse response = call("call iot:ListAttachedPolicies",
          "for certificate " + certificateArn.substring(certificateArn.lastIndexOf('/') + 1),
          () -> client.listAttachedPolicies(request -> request.target(certificateArn).pageSize(PAGE_SIZE).marker(page)));
      response.policies().stream().map(Policy::policyName).forEach(names::add);
      marker = response.nextMarker();
    } while (marker != null && !marker.isEmpty());
    policyNames.put(certificateArn, List.copyOf(names));
    return names;
  }

  private PolicyDocument policy(String name) throws SourceException {
    PolicyDocument cached = policies.get(name);
    if (cached != null) {
      return cached;
    }
    var response = call("call iot:GetPolicy", "for policy '" + name + "'",
        () -> client.getPolicy(request -> request.policyName(name)));
    PolicyDocument policy;
    try {
      policy = PolicyDocument.parse(response.policyDocument());
    } catch (PolicyDocument.InvalidPolicyException e) {
      throw new SourceException(failures.source() + ": policy '" + name + "' cannot be read: " + e.getMessage()
          + " (check the policy's default version in the AWS IoT console)");
    }
    policies.put(name, policy);
    return policy;
  }

  private <T> T call(String call, String subject, Supplier<T> request) throws SourceException {
    try {
      return request.get();
    } catch (SdkException e) {
      throw failures.explain(e, call, subject);
    }
  }

  /** Like {@link #call}, but {@code null} when the thing or certificate no longer exists. */
  private <T> @Nullable T callOrMissing(String call, String subject, Supplier<T> request) throws SourceException {
    try {
      return request.get();
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (SdkException e) {
      throw failures.explain(e, call, subject);
    }
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
  record ThingCertificate(String arn, boolean active, String fingerprint, Certificate certificate) {

    static ThingCertificate of(String arn, CertificateDescription description) {
      Certificate analysed = analyse(description.certificatePem());
      boolean revoked = description.status() == CertificateStatus.REVOKED;
      // A certificate registered with a CA of the account was issued by a CA the organisation chose.
      Boolean organisationPki = description.caCertificateId() != null ? Boolean.TRUE
          : analysed == null ? null : analysed.issuedByOrganisationPki();
      Certificate.Builder builder = analysed == null
          ? Certificate.builder()
              .notBefore(description.validity() == null ? null : description.validity().notBefore())
              .notAfter(description.validity() == null ? null : description.validity().notAfter())
          : analysed.toBuilder();
      Certificate certificate = builder.issuedByOrganisationPki(organisationPki).revoked(revoked).build();
      // AWS IoT's certificate id is the SHA-256 of the certificate; it stands in when the PEM could not be read.
      String fingerprint = certificate.sha256Fingerprint() != null ? certificate.sha256Fingerprint()
          : description.certificateId();
      return new ThingCertificate(arn, description.status() == CertificateStatus.ACTIVE, fingerprint, certificate);
    }

    /**
     * The certificate's own facts, or {@code null} when AWS sent no PEM or one the analyser cannot
     * read; the device then keeps what the API says (status, validity) and the rest stays unknown.
     */
    private static @Nullable Certificate analyse(@Nullable String pem) {
      if (pem == null || pem.isBlank()) {
        return null;
      }
      try {
        return CertificateAnalyzer.analyze(pem.getBytes(StandardCharsets.US_ASCII));
      } catch (CertificateParseException e) {
        return null;
      }
    }
  }
}
