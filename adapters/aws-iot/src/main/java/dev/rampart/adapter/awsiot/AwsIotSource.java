package dev.rampart.adapter.awsiot;

import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iot.IotClient;
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
  private final IamRoleReader.Polling polling;

  /**
   * @param deployment the id of the deployment the registry belongs to, so that its fact merges with
   *     the inventory's; {@code null} for the registry's own id ({@code aws-iot:ACCOUNT:REGION})
   */
  AwsIotSource(String region, @Nullable URI endpoint, @Nullable String profile,
      @Nullable AwsCredentialsProvider credentials, @Nullable String deployment, Clock clock) {
    this(region, endpoint, profile, credentials, deployment, clock, IamRoleReader.Polling.DEFAULT);
  }

  /** @param polling how long to wait for IAM's service last-accessed reports */
  AwsIotSource(String region, @Nullable URI endpoint, @Nullable String profile,
      @Nullable AwsCredentialsProvider credentials, @Nullable String deployment, Clock clock,
      IamRoleReader.Polling polling) {
    this.region = Objects.requireNonNull(region, "region");
    this.endpoint = endpoint;
    this.profile = profile;
    this.credentials = credentials;
    this.deployment = deployment;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.polling = Objects.requireNonNull(polling, "polling");
  }

  /**
   * Streams one device per thing into the sink, then one deployment that holds the account's
   * registry: its CA certificates, logging options, role aliases and identity pools. What of the
   * account-level settings could not be read without failing the read (an IAM or Cognito action the
   * reading identity may not call, an API the endpoint does not serve) stays unknown and is handed
   * to the sink as a {@linkplain FactSink#problem problem}.
   *
   * <p>A thing whose answer holds a value the adapter cannot read is handed to the sink as a
   * {@linkplain FactSink#skipped skipped record}, named by its thing name; a part that only fills
   * some fields (a certificate's PEM, a policy document, a CA certificate's status) leaves them
   * unknown with a problem.
   *
   * @throws SourceException when a call fails after the SDK's retries (access denied, throttled,
   *     unreachable endpoint, no credentials), naming the call and the fix, or when the sink refuses
   *     a skipped record; facts already handed to the sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    Objects.requireNonNull(sink, "sink");
    Failures failures = new Failures(describe(), region, endpoint, profile);
    AwsCredentialsProvider chain = credentials != null ? credentials : defaultChain();
    try (IotClient client = client(IotClient.builder(), chain);
        IamClient iam = client(IamClient.builder(), chain);
        CognitoIdentityClient cognito = client(CognitoIdentityClient.builder(), chain)) {
      Calls calls = new Calls(failures);
      RegistryReader registries = new RegistryReader(client, calls, region,
          () -> AccountAccess.read(client, iam, cognito, failures, polling));
      FleetReader fleet = new FleetReader(client, calls, clock, registries.caCertificates());
      fleet.read(sink);
      DeviceRegistry registry = registries.read(fleet.firstArn());
      String id = deployment != null ? deployment : registry.id();
      sink.accept(Deployment.builder(id).registries(List.of(registry)).build(),
          Origin.of(AwsIotProvider.ID, registry.id()).collectedAt(clock.instant()));
      registries.warnings().forEach(sink::problem);
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

  /**
   * A client of one of the APIs the source calls. With the option {@value AwsIotProvider#ENDPOINT}
   * every call goes to that endpoint, AWS IoT's and the account-level ones (IAM, Cognito Identity);
   * without it each goes to AWS's endpoint for the region, IAM's the global one of the region's
   * partition (the SDK's endpoint rules map the region to it).
   */
  private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(B builder,
      AwsCredentialsProvider chain) {
    builder.region(Region.of(region))
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
