package dev.rampart.adapter.nmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nmap scan of two services started on 127.0.0.1 for the test: a plaintext telnet-style
 * listener that sends a login banner, and a TLS listener with a weak, self-signed RSA-1024
 * certificate made with Bouncy Castle, which answers HTTP requests like a small web server. Shared
 * with the CLI's end-to-end test through this module's test jar.
 *
 * <p>Needs the {@code nmap} command. Where it is missing, a test that uses it is skipped with a notice
 * naming what to install, so that the build passes on a machine with only a JDK; with {@code CI=true} it
 * fails instead, so a CI machine without nmap cannot pass silently ({@code .ci/run} installs it).
 * {@value #SKIP}{@code =1} skips the scans even where nmap is installed.
 */
public final class LiveScan implements AutoCloseable {

  /** The environment variable that skips scans with the real nmap. */
  public static final String SKIP = "RAMPART_SKIP_NMAP_TESTS";

  private static final Duration NMAP_TIMEOUT = Duration.ofSeconds(120);
  private static final String DISABLED_TLS = "jdk.tls.disabledAlgorithms";
  // IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD, then the prompt: how a BusyBox-style telnetd greets, and what
  // nmap's service probes recognise as telnet.
  private static final byte[] TELNET_BANNER = concat(new byte[] {(byte) 0xff, (byte) 0xfb, 0x01, (byte) 0xff,
      (byte) 0xfb, 0x03}, "\r\nlogin: ".getBytes(StandardCharsets.US_ASCII));

  private static final byte[] HTTP_RESPONSE = ("HTTP/1.0 200 OK\r\nServer: lighttpd/1.4.59\r\nContent-Type: text/plain\r\n"
      + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

  static {
    // JDK 17 disables TLS 1.0 and 1.1 by default. The TLS listener stands in for an old device that still
    // offers them, so they are enabled again for this test JVM; this must happen before any TLS class reads
    // the property, which is why it is done when this class loads. If it came too late, TLS 1.2 is still offered.
    String disabled = Security.getProperty(DISABLED_TLS);
    if (disabled != null) {
      Security.setProperty(DISABLED_TLS, Arrays.stream(disabled.split(","))
          .map(String::trim)
          .filter(entry -> !entry.equals("TLSv1") && !entry.equals("TLSv1.1"))
          .collect(Collectors.joining(", ")));
    }
  }

  private final ServerSocket telnet;
  private final SSLServerSocket tls;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "live-scan-listener");
    thread.setDaemon(true);
    return thread;
  });

  private LiveScan() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    telnet = new ServerSocket(0, 50, loopback);
    tls = (SSLServerSocket) weakTlsContext().getServerSocketFactory().createServerSocket(0, 50, loopback);
    List<String> offered = Arrays.stream(tls.getSupportedProtocols())
        .filter(List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")::contains).toList();
    tls.setEnabledProtocols(offered.toArray(String[]::new));
    connections.execute(() -> accept(telnet, LiveScan::greetLikeTelnet));
    connections.execute(() -> accept(tls, LiveScan::answerTls));
  }

  /** Starts both listeners, or skips (fails with {@code CI=true}) when nmap is not installed. */
  public static LiveScan start() throws Exception {
    requireNmap();
    return new LiveScan();
  }

  public int telnetPort() {
    return telnet.getLocalPort();
  }

  public int tlsPort() {
    return tls.getLocalPort();
  }

  /**
   * Runs {@code nmap -Pn -n -sV --version-light -p TELNET,TLS --script ssl-cert,ssl-enum-ciphers -oX FILE 127.0.0.1}.
   *
   * @return the XML file nmap wrote into the directory
   */
  public Path scan(Path directory) throws IOException, InterruptedException {
    Path xml = directory.resolve("scan.xml");
    Path log = directory.resolve("nmap.log");
    List<String> command = List.of("nmap", "-Pn", "-n", "-sV", "--version-light",
        "-p", telnetPort() + "," + tlsPort(), "--script", "ssl-cert,ssl-enum-ciphers",
        "-oX", xml.toString(), "127.0.0.1");
    Process nmap = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!nmap.waitFor(NMAP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      nmap.destroyForcibly();
      fail("nmap did not finish within " + NMAP_TIMEOUT.toSeconds() + " s: " + String.join(" ", command)
          + "\n" + read(log));
    }
    assertEquals(0, nmap.exitValue(), () -> String.join(" ", command) + " failed:\n" + read(log));
    return xml;
  }

  @Override
  public void close() throws IOException {
    telnet.close();
    tls.close();
    connections.shutdownNow();
  }

  private static void requireNmap() {
    if ("1".equals(System.getenv(SKIP))) {
      Assumptions.abort(SKIP + "=1: the test that runs the real nmap is skipped");
    }
    try {
      Process version = new ProcessBuilder("nmap", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      if (version.waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // not on the PATH: reported below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String install = "install nmap ('apt-get install -y nmap' on Debian/Ubuntu, 'brew install nmap' on macOS, or"
        + " https://nmap.org/download) so that 'nmap' is on the PATH";
    if ("true".equals(System.getenv("CI"))) {
      fail("nmap is not installed, and CI=true requires the tests that run a real nmap scan: " + install
          + " (.ci/run does), or set " + SKIP + "=1 to skip them on purpose");
    }
    String notice = "nmap is not installed, so the tests that run a real nmap scan are skipped: " + install
        + " to run them";
    // Surefire shows neither an assumption's message nor a class skipped in @BeforeAll: the notice goes to the
    // build log too (a logger, not System.err: this class ships in the test jar the CLI's tests use).
    System.getLogger(LiveScan.class.getName()).log(System.Logger.Level.WARNING, "NOTICE: " + notice);
    Assumptions.abort(notice);
  }

  private static SSLContext weakTlsContext() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("O=Rampart Test,CN=weak-device.test");
    Instant now = Instant.now();
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        name, BigInteger.valueOf(now.getEpochSecond()), Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(new BouncyCastleProvider()).build(keys.getPrivate())));
    char[] password = "test".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("device", keys.getPrivate(), password, new X509Certificate[] {certificate});
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    return context;
  }

  private interface Handler {
    void handle(Socket socket) throws IOException;
  }

  private void accept(ServerSocket server, Handler handler) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.execute(() -> {
          try (socket) {
            socket.setSoTimeout(5_000);
            handler.handle(socket);
          } catch (IOException e) {
            // Scanners drop connections half-way; that is their job.
          }
        });
      } catch (IOException | RuntimeException e) {
        return;
      }
    }
  }

  private static void greetLikeTelnet(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(TELNET_BANNER);
    out.flush();
    drain(socket.getInputStream());
  }

  /** Answers the first request inside TLS like a small web server, so that nmap names the service at once. */
  private static void answerTls(Socket socket) throws IOException {
    ((SSLSocket) socket).startHandshake();
    byte[] request = new byte[1024];
    int length = socket.getInputStream().read(request);
    if (length > 0 && new String(request, 0, length, StandardCharsets.US_ASCII).matches("(?s)(GET|HEAD|OPTIONS) .*")) {
      socket.getOutputStream().write(HTTP_RESPONSE);
      socket.getOutputStream().flush();
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[1024];
    while (in.read(buffer) >= 0) {
      // read until the scanner hangs up or the timeout ends the connection
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
