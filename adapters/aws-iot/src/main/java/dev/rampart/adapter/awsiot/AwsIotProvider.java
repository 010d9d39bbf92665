package dev.rampart.adapter.awsiot;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Creates sources for the source id {@value #ID}: the things of one AWS account in one region, with
 * their certificates and IoT policies, and the account's registry (CA certificates, logging) as a
 * deployment. The location is the region code (e.g. {@code eu-west-1}); the options are
 * {@value #ENDPOINT}, {@value #PROFILE} and {@value #DEPLOYMENT}. Credentials come from the AWS
 * SDK's default provider chain, never from options.
 */
@API(status = STABLE, since = "0.1")
public final class AwsIotProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "aws-iot";

  /** The option giving the API endpoint to call instead of the region's, e.g. a VPC interface endpoint. */
  public static final String ENDPOINT = "endpoint";

  /** The option naming the profile (in {@code ~/.aws/config} and {@code ~/.aws/credentials}) to take credentials from. */
  public static final String PROFILE = "profile";

  /**
   * The option naming the deployment the account's registry belongs to, so that it merges with the
   * inventory's deployment of that id; without it the registry is a deployment of its own, with the
   * id {@code aws-iot:ACCOUNT:REGION}.
   */
  public static final String DEPLOYMENT = "deployment";

  private static final Set<String> OPTIONS = Set.of(ENDPOINT, PROFILE, DEPLOYMENT);
  private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

  private final @Nullable AwsCredentialsProvider credentials;

  /** The provider found through {@link java.util.ServiceLoader}; credentials come from the default chain. */
  public AwsIotProvider() {
    this(null);
  }

  /** A provider whose sources sign with the given credentials, for tests against a local stub. */
  AwsIotProvider(@Nullable AwsCredentialsProvider credentials) {
    this.credentials = credentials;
  }

  @Override
  public String id() {
    return ID;
  }

  /** Discovery: any device given credentials registers itself; a team whose registry is its inventory says role=systemOfRecord. */
  @Override
  public SourceRole role() {
    return SourceRole.DISCOVERY;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    String location = config.location();
    List<String> unknown = config.unknownOptions(OPTIONS);
    if (!unknown.isEmpty()) {
      throw new SourceException(ID + " source '" + location + "': unknown option(s) " + String.join(", ", unknown)
          + " (the " + ID + " source takes the options " + ENDPOINT + ", " + PROFILE + " and " + DEPLOYMENT
          + "; credentials come from the environment or the AWS profile files, never from options)");
    }
    URI endpoint = endpoint(location, config.option(ENDPOINT).orElse(null));
    String profile = config.option(PROFILE).orElse(null);
    if (profile != null && profile.isBlank()) {
      throw new SourceException(ID + " source '" + location + "': option " + PROFILE
          + " is blank (name a profile of ~/.aws/config, or leave the option out to use the default chain)");
    }
    String deployment = config.option(DEPLOYMENT).map(String::strip).orElse(null);
    if (deployment != null && deployment.isEmpty()) {
      throw new SourceException(ID + " source '" + location + "': option " + DEPLOYMENT
          + " is blank (give the id of the inventory's deployment, e.g. " + DEPLOYMENT + "=harbourside-works,"
          + " or leave the option out to report the registry as a deployment of its own)");
    }
    String region = region(location.trim(), endpoint);
    return new AwsIotSource(region, endpoint, profile, credentials, deployment, Clock.systemUTC());
  }

  private static String region(String location, @Nullable URI endpoint) throws SourceException {
    if (location.isEmpty()) {
      throw new SourceException(ID + " source: no region given (the location of an " + ID
          + " source is the AWS region of the things, e.g. eu-west-1)");
    }
    if (!REGION_CODE.matcher(location).matches()) {
      throw new SourceException(ID + " source '" + location + "': '" + location + "' is not an AWS region code"
          + " (the location of an " + ID + " source is a region such as eu-west-1 or us-east-1)");
    }
    List<String> known = Region.regions().stream().map(Region::id).toList();
    if (endpoint == null && !known.contains(location)) {
      String closest = DidYouMean.nearest(location,
              known.stream().filter(id -> REGION_CODE.matcher(id).matches()).toList())
          .orElse("eu-west-1");
      throw new SourceException(ID + " source '" + location + "': unknown AWS region '" + location
          + "' (" + DidYouMean.question(closest) + " for a region newer than this release, also give the option "
          + ENDPOINT + "=https://iot." + location + ".amazonaws.com)");
    }
    return location;
  }

  private static @Nullable URI endpoint(String location, @Nullable String value) throws SourceException {
    if (value == null) {
      return null;
    }
    String fix = "give a URL such as https://vpce-0abc-123.iot.eu-west-1.vpce.amazonaws.com";
    try {
      URI uri = new URI(value.trim());
      if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
          || uri.getHost() == null) {
        throw new SourceException(ID + " source '" + location + "': option " + ENDPOINT + " '" + value
            + "' is not an http or https URL with a host (" + fix + ")");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new SourceException(ID + " source '" + location + "': option " + ENDPOINT + " '" + value
          + "' is not a valid URL: " + e.getReason() + " (" + fix + ")");
    }
  }
}
