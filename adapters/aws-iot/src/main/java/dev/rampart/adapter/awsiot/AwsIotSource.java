package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.IotClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The things of one AWS account in one region, and the account's registry settings, read through
 * the AWS IoT control-plane API.
 */
final class AwsIotSource implements FactSource {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final String region;
  private final @Nullable URI endpoint;
  private final @Nullable String profile;
  private final @Nullable AwsCredentialsProvider credentials;
  private final @Nullable String deployment;
  private final Clock clock;

  /**
   * @param deployment the id of the deployment the registry belongs to, so that its fact merges with
   *     the inventory's; {@code null} for the registry's own id ({@code aws-iot:ACCOUNT:REGION})
   */
  AwsIotSource(String region, @Nullable URI endpoint, @Nullable String profile,
      @Nullable AwsCredentialsProvider credentials, @Nullable String deployment, Clock clock) {
    this.region = Objects.requireNonNull(region, "region");
    this.endpoint = endpoint;
    this.profile = profile;
    this.credentials = credentials;
    this.deployment = deployment;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Streams one device per thing into the sink, then one deployment that holds the account's
   * registry: its CA certificates and logging options.
   *
   * @throws SourceException when a call fails after the SDK's retries (access denied, throttled,
   *     unreachable endpoint, no credentials), naming the call and the fix, or when AWS answered a
   *     value the fact model cannot take (every such value, together); facts already handed to the
   *     sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    Objects.requireNonNull(sink, "sink");
    Failures failures = new Failures(describe(), region, endpoint, profile);
    SourceProblems problems = new SourceProblems(describe());
    AwsCredentialsProvider chain = credentials != null ? credentials : defaultChain();
    try (IotClient client = client(chain)) {
      Calls calls = new Calls(failures);
      RegistryReader registries = new RegistryReader(client, calls, problems, region);
      FleetReader fleet = new FleetReader(client, calls, problems, clock, registries.caCertificates());
      fleet.read(sink);
      DeviceRegistry registry = registries.read(fleet.firstArn());
      problems.throwIfAny();
      String id = deployment != null ? deployment : registry.id();
      sink.accept(Deployment.builder(id).registries(List.of(registry)).build(),
          Origin.of(AwsIotProvider.ID, registry.id()).collectedAt(clock.instant()));
    } catch (SdkException e) {
      // Building the client can fail too, e.g. on a malformed profile file.
      throw failures.explain(e, "create the AWS IoT client", "");
    } finally {
      if (credentials == null && chain instanceof SdkAutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  @Override
  public String describe() {
    return AwsIotProvider.ID + ":" + region + (endpoint == null ? "" : "@" + endpoint);
  }

  private AwsCredentialsProvider defaultChain() {
    DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
    if (profile != null) {
      chain.profileName(profile);
    }
    return chain.build();
  }

  private IotClient client(AwsCredentialsProvider chain) {
    IotClientBuilder builder = IotClient.builder()
        .region(Region.of(region))
        .credentialsProvider(chain)
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(READ_TIMEOUT));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
