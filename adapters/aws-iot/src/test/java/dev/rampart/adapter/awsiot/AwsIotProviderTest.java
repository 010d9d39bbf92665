package dev.rampart.adapter.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsIotProviderTest {

  private final AwsIotProvider provider = new AwsIotProvider();

  @Test
  void theLocationIsTheRegion() throws SourceException {
    assertEquals("aws-iot:eu-west-1", provider.create(SourceConfig.of("eu-west-1")).describe());
  }

  @Test
  void anEndpointOverrideIsPartOfTheDescription() throws SourceException {
    SourceConfig config = new SourceConfig("eu-west-1",
        Map.of("endpoint", "https://vpce-0abc.iot.eu-west-1.vpce.amazonaws.com"));

    assertEquals("aws-iot:eu-west-1@https://vpce-0abc.iot.eu-west-1.vpce.amazonaws.com",
        provider.create(config).describe());
  }

  @Test
  void anUnknownRegionSuggestsTheClosestKnownOne() {
    assertEquals(List.of("aws-iot source 'eu-wset-1': unknown AWS region 'eu-wset-1'"
        + " (did you mean 'eu-west-1'? for a region newer than this release, also give the option"
        + " endpoint=https://iot.eu-wset-1.amazonaws.com)"),
        problems(SourceConfig.of("eu-wset-1")));
  }

  @Test
  void aRegionUnknownToThisReleaseIsAcceptedWithAnEndpoint() throws SourceException {
    SourceConfig config = new SourceConfig("xx-north-7", Map.of("endpoint", "https://iot.xx-north-7.amazonaws.com"));

    assertEquals("aws-iot:xx-north-7@https://iot.xx-north-7.amazonaws.com", provider.create(config).describe());
  }

  @Test
  void somethingThatIsNoRegionCodeIsRefused() {
    assertEquals(List.of("aws-iot source 'Ireland': 'Ireland' is not an AWS region code"
        + " (the location of an aws-iot source is a region such as eu-west-1 or us-east-1)"),
        problems(SourceConfig.of("Ireland")));
  }

  @Test
  void secretsAreNoOptions() {
    SourceConfig config = new SourceConfig("eu-west-1", Map.of("accessKeyId", "AKID", "secretAccessKey", "x"));

    assertEquals(List.of("aws-iot source 'eu-west-1': unknown option(s) accessKeyId, secretAccessKey"
        + " (the aws-iot source takes the options endpoint, profile and deployment; credentials come from the environment"
        + " or the AWS profile files, never from options)"),
        problems(config));
  }

  @Test
  void theEndpointMustBeAnHttpUrl() {
    SourceConfig config = new SourceConfig("eu-west-1", Map.of("endpoint", "iot.eu-west-1.amazonaws.com"));

    assertEquals(List.of("aws-iot source 'eu-west-1': option endpoint 'iot.eu-west-1.amazonaws.com' is not an"
        + " http or https URL with a host (give a URL such as https://vpce-0abc-123.iot.eu-west-1.vpce.amazonaws.com)"),
        problems(config));
  }

  @Test
  void aBlankProfileIsRefused() {
    assertEquals(List.of("aws-iot source 'eu-west-1': option profile is blank"
        + " (name a profile of ~/.aws/config, or leave the option out to use the default chain)"),
        problems(new SourceConfig("eu-west-1", Map.of("profile", " "))));
  }

  @Test
  void aBlankDeploymentIsRefused() {
    assertEquals(List.of("aws-iot source 'eu-west-1': option deployment is blank (give the id of the inventory's"
        + " deployment, e.g. deployment=harbourside-works, or leave the option out to report the registry as a"
        + " deployment of its own)"),
        problems(new SourceConfig("eu-west-1", Map.of("deployment", " "))));
  }

  private List<String> problems(SourceConfig config) {
    return assertThrows(SourceException.class, () -> provider.create(config)).problems();
  }
}
