package dev.rampart.adaptersupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.fact.Vendor;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What every web API adapter shares: its id, its environment, and how a read reports what it found. */
class WebApiProviderTest {

  private static final WebApiEnvironment TEST = new WebApiEnvironment(Map.of("TOKEN", "t")::get, wait -> { },
      Clock.systemUTC());

  @Test
  void eachSourceIsCreatedWithTheProvidersEnvironmentAndNamesItsServer() throws SourceException {
    Provider provider = new Provider(List.of());

    FactSource source = provider.create(SourceConfig.of("https://cmdb.example.com/"));

    assertEquals("cmdb", provider.id());
    assertSame(TEST, provider.environment);
    assertEquals("cmdb:https://cmdb.example.com", source.describe());
  }

  @Test
  void aReadHandsOnEveryValidFactAndThenReportsEveryInvalidValueTogether() throws SourceException {
    List<Object> facts = new ArrayList<>();
    FactSource source = new Provider(List.of(
        "https://cmdb.example.com/api/1: serial '' is blank (fill it in)",
        "https://cmdb.example.com/api/2: date '31.12.' is not a date (write 2030-12-31)"))
        .create(SourceConfig.of("https://cmdb.example.com"));

    SourceException e = assertThrows(SourceException.class, () -> source.read((fact, origin) -> facts.add(fact)));

    assertEquals(1, facts.size());
    assertEquals("""
        https://cmdb.example.com/api/1: serial '' is blank (fill it in)
        https://cmdb.example.com/api/2: date '31.12.' is not a date (write 2030-12-31)""", String.join("\n", e.problems()));
  }

  @Test
  void aReadWithoutInvalidValuesEndsQuietly() throws SourceException {
    List<Object> facts = new ArrayList<>();

    new Provider(List.of()).create(SourceConfig.of("https://cmdb.example.com")).read((fact, origin) -> facts.add(fact));

    assertEquals(1, facts.size());
  }

  @Test
  void aLocationThatIsNoServerUrlIsRefusedBeforeAnySourceExists() {
    SourceException e = assertThrows(SourceException.class,
        () -> new Provider(List.of()).create(SourceConfig.of("ftp://cmdb.example.com")));

    assertEquals(List.of("cmdb source: not an http or https URL (give the server's URL, e.g. https://cmdb.example.com)"),
        e.problems());
  }

  /** A provider whose source hands on one vendor and reports the problems it is given. */
  private static final class Provider extends WebApiProvider {

    private final List<String> problems;
    private @Nullable WebApiEnvironment environment;

    Provider(List<String> problems) {
      super("cmdb", TEST);
      this.problems = problems;
    }

    @Override
    protected WebApiSource<Settings> create(SourceConfig config, WebApiEnvironment environment) throws SourceException {
      this.environment = environment;
      Options options = new Options(config, "cmdb source", List.of());
      BaseUrl base = BaseUrl.parse(config.location(), options, "https://cmdb.example.com");
      String token = environment.variables().apply("TOKEN");
      if (base == null || token == null) {
        throw new SourceException(options.problems());
      }
      return new WebApiSource<>("cmdb", new Settings(base, token), environment) {
        @Override
        protected List<String> emit(Settings settings, JsonClient.Builder client, FactSink sink) {
          sink.accept(Vendor.builder("acme").build(), Origin.of("cmdb", settings.base().resolve("/api/1").toString()));
          return problems;
        }
      };
    }
  }

  private record Settings(BaseUrl base, String token) implements WebApiSettings {

    @Override
    public HttpPolicy http() {
      return new HttpPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Override
    public String authorization() {
      return "Bearer " + token;
    }

    @Override
    public String redact(String text) {
      return text.replace(token, "[secret]");
    }
  }
}
