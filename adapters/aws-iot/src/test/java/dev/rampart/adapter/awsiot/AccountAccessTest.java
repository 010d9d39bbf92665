package dev.rampart.adapter.awsiot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rampart.adapter.testkit.RecordedServer;
import dev.rampart.adapter.testkit.RecordingSink;
import dev.rampart.spi.fact.AccessPolicy;
import dev.rampart.spi.fact.Deployment;
import dev.rampart.spi.fact.DeviceRegistry;
import dev.rampart.spi.fact.IamRole;
import dev.rampart.spi.fact.IdentityPool;
import dev.rampart.spi.fact.RoleAlias;
import dev.rampart.spi.fact.ServiceAccess;
import dev.rampart.spi.source.SourceException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Reads the account in {@code account/} through recorded answers of AWS IoT, IAM and Cognito
 * Identity: two role aliases on two pages, one handing out a role with an inline and two managed
 * policies (on two pages) and a two-page service report, the other a role that only reaches S3;
 * two identity pools on two pages, one admitting guests whose roles reach AWS IoT, one for a photo
 * app whose only role reaches S3.
 */
class AccountAccessTest {

  private static final String LIGHT_BULB_ROLE = "arn:aws:iam::123456789012:role/light_bulb_role_001";
  private static final String TEST_ROLE = "arn:aws:iam::123456789012:role/Test-Role";
  private static final String POOL = "us-west-2:11111111-1111-1111-1111-111111111111";
  /** IAM's answer while it builds a service last-accessed report. */
  private static final RecordedServer.Reply IN_PROGRESS = new RecordedServer.Reply(200, "text/xml", Map.of(), """
      <GetServiceLastAccessedDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
        <GetServiceLastAccessedDetailsResult>
          <JobStatus>IN_PROGRESS</JobStatus>
          <JobCreationDate>2019-10-01T03:50:35.929Z</JobCreationDate>
          <ServicesLastAccessed/>
          <IsTruncated>false</IsTruncated>
        </GetServiceLastAccessedDetailsResult>
        <ResponseMetadata><RequestId>a1f5c2de-0016-4000-8000-000000000016</RequestId></ResponseMetadata>
      </GetServiceLastAccessedDetailsResponse>
      """);
  private static final IamRoleReader.Polling QUICK = new IamRoleReader.Polling(Duration.ofMillis(10), 3);

  private final AccountSite site = new AccountSite();
  @AutoClose
  private final RecordedServer server = RecordedServer.start(site);

  @Test
  void everyRoleAliasOnEveryPageIsReadWithItsRoleAndCredentialDuration() throws SourceException {
    List<RoleAlias> aliases = read().roleAliases();

    assertAll(
        () -> assertEquals(List.of("LightBulbRole", "ThermostatRole"), aliases.stream().map(RoleAlias::name).toList()),
        () -> assertEquals(3600, aliases.get(0).credentialDurationSeconds()),
        () -> assertEquals(LIGHT_BULB_ROLE, aliases.get(0).role().arn()),
        () -> assertEquals(900, aliases.get(1).credentialDurationSeconds()),
        () -> assertEquals(TEST_ROLE, aliases.get(1).role().arn()));
  }

  @Test
  void theRolesPermissionsAreTheUnionOfItsInlineAndManagedPoliciesDecodedFromUrlEncodingWithTheirDenies() throws SourceException {
    IamRole role = read().roleAliases().get(0).role();

    // ExamplePolicy (inline), then SecurityAudit (with a Deny) and MySamplePolicy (managed, on two pages).
    assertEquals(new AccessPolicy(
        List.of("s3:ListBucket", "s3:Put*", "s3:Get*", "s3:*MultipartUpload*", "cloudtrail:DescribeTrails",
            "iam:GetAccountSummary", "iam:*"),
        List.of("*"), List.of("cloudtrail:DeleteTrail"), List.of("*"),
        List.of("ExamplePolicy", "SecurityAudit", "MySamplePolicy")),
        role.permissions());
  }

  @Test
  void theServicesTheRoleLastUsedComeFromIamsReportOnEveryPage() throws SourceException {
    IamRole role = read().roleAliases().get(0).role();

    assertEquals(List.of(
        new ServiceAccess("lambda", Instant.parse("2019-09-30T23:02:00Z")),
        new ServiceAccess("s3", null)), role.serviceAccess(), "s3 is granted but was never used");
  }

  @Test
  void aReportStillBeingBuiltIsAskedForAgainUntilItIsDone() throws SourceException {
    server.answer("", "iam GetServiceLastAccessedDetails 2eb6c2b8-7b4c-3xmp-3c13-03b72c8cdfdc", IN_PROGRESS, IN_PROGRESS);

    AccountAccess access = read();

    assertAll(
        () -> assertEquals(2, access.roleAliases().get(0).role().serviceAccess().size()),
        () -> assertEquals(List.of(), access.problems()),
        () -> assertEquals(3, site.keys().stream()
            .filter(key -> key.equals("iam GetServiceLastAccessedDetails 2eb6c2b8-7b4c-3xmp-3c13-03b72c8cdfdc")).count(),
            "two looks at the running job, one at the finished one"));
  }

  @Test
  void aReportThatIsNotReadyInTimeLeavesServiceUseUnknownWithAProblemInsteadOfWaitingForever()
      throws SourceException {
    server.answer("", "iam GetServiceLastAccessedDetails 2eb6c2b8-7b4c-3xmp-3c13-03b72c8cdfdc",
        IN_PROGRESS, IN_PROGRESS, IN_PROGRESS, IN_PROGRESS);

    AccountAccess access = read();

    assertAll(
        () -> assertNull(access.roleAliases().get(0).role().serviceAccess()),
        () -> assertEquals(List.of("aws-iot:eu-west-1: IAM role '" + LIGHT_BULB_ROLE + "': IAM's service last-accessed"
            + " report (job 2eb6c2b8-7b4c-3xmp-3c13-03b72c8cdfdc) was not ready after 30 ms; the services it last used"
            + " stay unknown (read again later; IAM usually builds the report within seconds)"), access.problems()));
  }

  @Test
  void accessDeniedOnIamLeavesTheRoleUnknownAndNamesTheMissingPermissionWithoutFailingTheRead()
      throws SourceException {
    server.answer("", "iam GetRole Test-Role", AccountSite.iamError(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to perform: iam:GetRole on resource:"
            + " role Test-Role because no identity-based policy allows the iam:GetRole action"));

    AccountAccess access = read();

    IamRole denied = access.roleAliases().get(1).role();
    assertAll(
        () -> assertEquals(new IamRole(TEST_ROLE, null, null), denied, "unknown, never an empty grant"),
        () -> assertEquals(LIGHT_BULB_ROLE, access.roleAliases().get(0).role().arn()),
        () -> assertEquals(7, access.roleAliases().get(0).role().permissions().actions().size(), "the other role is read"),
        () -> assertEquals(List.of("""
            aws-iot:eu-west-1: IAM role 'arn:aws:iam::123456789012:role/Test-Role': iam:GetRole was refused: AWS \
            answered HTTP 403 AccessDenied 'User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to \
            perform: iam:GetRole on resource: role Test-Role because no identity-based policy allows the iam:GetRole \
            action'; its permissions and service use stay unknown, so the rules over them are UNKNOWN (allow the \
            identity that reads the fleet iam:GetRole; iot:ListRoleAliases, iot:DescribeRoleAlias, iam:GetRole, \
            iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies, iam:GetPolicy, iam:GetPolicyVersion, \
            iam:GenerateServiceLastAccessedDetails, iam:GetServiceLastAccessedDetails, \
            cognito-identity:ListIdentityPools, cognito-identity:DescribeIdentityPool and \
            cognito-identity:GetIdentityPoolRoles are all needed)"""), access.problems()));
  }

  @Test
  void aManagedPolicyThatCannotBeReadMakesThePermissionsUnknownNotSmaller() throws SourceException {
    server.answer("", "iam GetPolicyVersion MySamplePolicy.v2", AccountSite.iamError(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to perform: iam:GetPolicyVersion"));

    AccountAccess access = read();

    assertAll(
        () -> assertNull(access.roleAliases().get(0).role().permissions()),
        () -> assertEquals(1, access.problems().size()),
        () -> assertTrue(access.problems().get(0).startsWith("aws-iot:eu-west-1: managed policy"
            + " 'arn:aws:iam::123456789012:policy/MySamplePolicy' of IAM role '" + LIGHT_BULB_ROLE + "' version v2:"
            + " iam:GetPolicyVersion was refused"), access.problems().get(0)));
  }

  @Test
  void accessDeniedOnCognitoLeavesTheIdentityPoolsUnknown() throws SourceException {
    server.answer("", "cognito ListIdentityPools", AccountSite.cognitoError(400, "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to perform:"
            + " cognito-identity:ListIdentityPools"));

    AccountAccess access = read();

    assertAll(
        () -> assertNull(access.identityPools()),
        () -> assertEquals(2, access.roleAliases().size()),
        () -> assertTrue(access.problems().get(0).startsWith("aws-iot:eu-west-1: the Cognito identity pools of the"
            + " account: cognito-identity:ListIdentityPools was refused: AWS answered HTTP 400 AccessDeniedException"),
            access.problems().get(0)));
  }

  @Test
  void throttlingIsRetriedByTheSdk() throws SourceException {
    server.answer("", "iam GetRole light_bulb_role_001",
        AccountSite.iamError(400, "Throttling", "Rate exceeded"));

    AccountAccess access = read();

    assertAll(
        () -> assertEquals(LIGHT_BULB_ROLE, access.roleAliases().get(0).role().arn()),
        () -> assertEquals(7, access.roleAliases().get(0).role().permissions().actions().size()),
        () -> assertEquals(List.of(), access.problems()));
  }

  @Test
  void throttlingThatOutlastsTheRetriesFailsTheReadNamingTheCall() {
    RecordedServer.Reply throttled = AccountSite.iamError(400, "Throttling", "Rate exceeded");
    server.answer("", "iam GetRole light_bulb_role_001", throttled, throttled, throttled, throttled);

    SourceException failure = assertThrows(SourceException.class, () -> read());

    assertEquals(List.of("aws-iot:eu-west-1: cannot call iam:GetRole for IAM role '" + LIGHT_BULB_ROLE + "': AWS"
        + " answered HTTP 400 Throttling 'Rate exceeded' and still did after the SDK's retries (read again later, or"
        + " read fewer sources at once; AWS can raise the account's IoT API rate limits)"), failure.problems());
  }

  @Test
  void aPoolAdmittingGuestsIsReadWithBothRoles() throws SourceException {
    List<IdentityPool> pools = read().identityPools();

    IdentityPool pool = pools.get(0);
    assertAll(
        () -> assertEquals(POOL, pool.id()),
        () -> assertEquals("MyIdentityPool", pool.name()),
        () -> assertEquals(true, pool.allowUnauthenticated()),
        () -> assertEquals(List.of("iot:*"), pool.unauthenticatedRole().permissions().actions()),
        () -> assertEquals("arn:aws:iam::111111111111:role/Cognito_MyIdentityPoolAuth_Role",
            pool.authenticatedRole().arn()),
        () -> assertEquals(List.of(new ServiceAccess("iot", Instant.parse("2026-11-24T12:00:00Z"))),
            pool.authenticatedRole().serviceAccess()));
  }

  @Test
  void aPoolWhoseRolesCannotReachAwsIotIsLeftOut() throws SourceException {
    List<IdentityPool> pools = read().identityPools();

    assertEquals(List.of(POOL), pools.stream().map(IdentityPool::id).toList(), "PhotoAlbumPool only reaches S3");
    assertTrue(site.keys().contains("cognito GetIdentityPoolRoles us-west-2:22222222-2222-2222-2222-222222222222"),
        "the second page of pools was read");
  }

  @Test
  void aPoolWhoseRolesCannotBeReadIsKeptSoItsRulesAreUnknown() throws SourceException {
    server.answer("", "iam GetRole PhotoAlbumAuthRole", AccountSite.iamError(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to perform: iam:GetRole"));

    List<IdentityPool> pools = read().identityPools();

    assertEquals(List.of(POOL, "us-west-2:22222222-2222-2222-2222-222222222222"),
        pools.stream().map(IdentityPool::id).toList());
  }

  @Test
  void theSourceHandsTheRoleAliasesAndPoolsOnInItsRegistryAndWhatItCouldNotReadAsProblems() throws SourceException {
    server.answer("", "iam GetRole Test-Role", AccountSite.iamError(403, "AccessDenied",
        "User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to perform: iam:GetRole"));

    RecordingSink sink = RecordingSink.read(new AwsIotSource("eu-west-1", URI.create(server.url("")), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLEONLY00000", "not-a-real-secret")),
        "plant-berlin", Clock.systemUTC(), QUICK));

    DeviceRegistry registry = ((Deployment) sink.facts().get(0)).registries().get(0);
    assertAll(
        () -> assertEquals(List.of("LightBulbRole", "ThermostatRole"),
            registry.roleAliases().stream().map(RoleAlias::name).toList()),
        () -> assertEquals(new IamRole(TEST_ROLE, null, null), registry.roleAliases().get(1).role()),
        () -> assertEquals(List.of(POOL), registry.identityPools().stream().map(IdentityPool::id).toList()),
        () -> assertEquals(1, sink.problems().size()),
        () -> assertTrue(sink.problems().get(0).startsWith("aws-iot:eu-west-1@" + server.url("") + ": IAM role '"
            + TEST_ROLE + "': iam:GetRole was refused"), sink.problems().get(0)));
  }

  @Test
  void anEndpointThatDoesNotServeTheAccountLevelApisLeavesThemUnknownWithAProblem() throws SourceException {
    server.answer("", "iot role-aliases", AccountSite.iotError(404, "ResourceNotFoundException", "Not Found"));

    AccountAccess access = read();

    assertAll(
        () -> assertNull(access.roleAliases()),
        () -> assertEquals(1, access.identityPools().size(), "the pools are read all the same"),
        () -> assertEquals(List.of("aws-iot:eu-west-1: cannot call iot:ListRoleAliases for the role aliases of the"
            + " account: AWS answered HTTP 404 ResourceNotFoundException 'Not Found' (check the region 'eu-west-1');"
            + " the role aliases and the roles they hand out stay unknown, so the rules over them are UNKNOWN"),
            access.problems()));
  }

  @Test
  void aPoolWhoseRolesCannotBeListedIsKeptWithItsRolesUnknown() throws SourceException {
    server.answer("", "cognito GetIdentityPoolRoles us-west-2:22222222-2222-2222-2222-222222222222",
        AccountSite.cognitoError(400, "NotAuthorizedException",
            "User: arn:aws:iam::123456789012:user/rampart-reader is not authorized to perform:"
                + " cognito-identity:GetIdentityPoolRoles"));

    List<IdentityPool> pools = read().identityPools();

    assertEquals(new IdentityPool("us-west-2:22222222-2222-2222-2222-222222222222", "PhotoAlbumPool", false, null,
        null), pools.get(1), "whether it reaches AWS IoT is unknown, so it stays, its roles unknown");
  }

  @Test
  void aRoleAliasNamingADeletedRoleLeavesTheRoleUnknownWithAProblem() throws SourceException {
    server.answer("", "iam GetRole Test-Role",
        AccountSite.iamError(404, "NoSuchEntity", "The role with name Test-Role cannot be found."));

    AccountAccess access = read();

    assertAll(
        () -> assertEquals(new IamRole(TEST_ROLE, null, null), access.roleAliases().get(1).role()),
        () -> assertEquals(List.of("aws-iot:eu-west-1: IAM role '" + TEST_ROLE + "': the role does not exist, so its"
            + " permissions and service use stay unknown (point the role alias or identity pool at an existing role,"
            + " or delete it)"), access.problems()));
  }

  @Test
  void aRoleAliasDescribedWithoutADescriptionIsKeptWithItsRoleUnknownAndAProblem() throws SourceException {
    server.answer("", "iot role-aliases/ThermostatRole",
        new RecordedServer.Reply(200, "application/json", Map.of(), "{}"));

    AccountAccess access = read();

    assertAll(
        () -> assertEquals(new RoleAlias("ThermostatRole", null, null), access.roleAliases().get(1)),
        () -> assertEquals(List.of("aws-iot:eu-west-1: role alias 'ThermostatRole': AWS answered iot:DescribeRoleAlias"
            + " without a description, so its role and credential duration stay unknown and the rules over them are"
            + " UNKNOWN (read again; if it persists, describe the alias with 'aws iot describe-role-alias --role-alias"
            + " ThermostatRole')"), access.problems()));
  }

  @Test
  void iamOutOfReachLeavesTheRolesUnknownAndSaysWhichEndpointWasNotReached() throws SourceException {
    AccountAccess access = read(URI.create("http://127.0.0.1:1"));

    assertAll(
        () -> assertEquals(new IamRole(LIGHT_BULB_ROLE, null, null), access.roleAliases().get(0).role()),
        () -> assertTrue(access.problems().get(0).startsWith("aws-iot:eu-west-1: cannot call iam:GetRole for IAM role '"
            + LIGHT_BULB_ROLE + "': no connection to the IAM endpoint of eu-west-1: "), access.problems().get(0)));
  }

  @Test
  void anActionOrWildcardThatCanStandForAnIotActionReachesIot() {
    assertAll(
        () -> assertTrue(IdentityPoolReader.canBeIotAction("iot:Publish")),
        () -> assertTrue(IdentityPoolReader.canBeIotAction("IoT:Connect"), "IAM compares actions without case"),
        () -> assertTrue(IdentityPoolReader.canBeIotAction("*")),
        () -> assertTrue(IdentityPoolReader.canBeIotAction("i*")),
        () -> assertTrue(IdentityPoolReader.canBeIotAction("io?:*")),
        () -> assertEquals(false, IdentityPoolReader.canBeIotAction("iotanalytics:*")),
        () -> assertEquals(false, IdentityPoolReader.canBeIotAction("s3:*")),
        () -> assertEquals(false, IdentityPoolReader.canBeIotAction("io")));
  }

  @Test
  void iamPolicyDocumentsAreDecodedFromUrlEncodingKeepingPlusSigns() throws PolicyDocument.InvalidPolicyException {
    assertAll(
        () -> assertEquals("{\"Resource\": \"arn:aws:s3:::a+b\"}",
            IamRoleReader.text("%7B%22Resource%22%3A%20%22arn%3Aaws%3As3%3A%3A%3Aa+b%22%7D")),
        () -> assertEquals("{\"Version\":\"2012-10-17\"}", IamRoleReader.text("  {\"Version\":\"2012-10-17\"}\n  "),
            "already JSON, as the IAM API reference's samples print it"),
        () -> assertThrows(PolicyDocument.InvalidPolicyException.class, () -> IamRoleReader.text("%7B%ZZ")));
  }

  /** Reads through one endpoint for all three APIs: IAM's client sends every call to the path {@code /}. */
  private AccountAccess read() throws SourceException {
    return read(URI.create(server.url("")));
  }

  private AccountAccess read(URI iamEndpoint) throws SourceException {
    URI endpoint = URI.create(server.url(""));
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIDEXAMPLEONLY00000", "not-a-real-secret"));
    try (IotClient iot = IotClient.builder().region(Region.EU_WEST_1).credentialsProvider(credentials)
            .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        IamClient iam = IamClient.builder().region(Region.EU_WEST_1).credentialsProvider(credentials)
            .endpointOverride(iamEndpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        CognitoIdentityClient cognito = CognitoIdentityClient.builder().region(Region.EU_WEST_1)
            .credentialsProvider(credentials).endpointOverride(endpoint)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      return AccountAccess.read(iot, iam, cognito, new Failures("aws-iot:eu-west-1", "eu-west-1", null, null), QUICK);
    }
  }
}
