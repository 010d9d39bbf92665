package dev.rampart.adapter.nmap;

import com.fasterxml.jackson.core.JsonParser;
import dev.rampart.adaptersupport.json.JsonFailure;
import dev.rampart.spi.fact.Exposure;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One nmap XML scan ({@code nmap -oX}), read as a stream of devices: each host that is up, with its
 * ports as services and the certificate {@code ssl-cert} saw; or a masscan scan, its XML ({@code -oX})
 * or JSON ({@code -oJ}, {@code --ndjson}), told apart by the content. The mapping is described in
 * {@code docs/adapters/nmap.md}.
 */
public final class NmapScanSource implements FactSource {

  /** How far into the file to look for the first character that tells JSON from XML. */
  private static final int PEEK = 4096;

  private final Path file;
  private final String name;
  private final @Nullable Exposure scannedFrom;

  private NmapScanSource(Path file, @Nullable Exposure scannedFrom) {
    this.file = file;
    this.name = file.toString();
    this.scannedFrom = scannedFrom;
  }

  /** A source for the scan file; exposure stays unknown. Nothing is opened until {@link #read(FactSink)}. */
  public static NmapScanSource of(Path file) {
    return new NmapScanSource(Objects.requireNonNull(file, "file"), null);
  }

  /** A source for a scan run from the internet or from inside the network, which sets the exposure of every open port. */
  public static NmapScanSource scannedFrom(Path file, Exposure exposure) {
    return new NmapScanSource(Objects.requireNonNull(file, "file"), Objects.requireNonNull(exposure, "exposure"));
  }

  /**
   * Streams a device for every host that is up into the sink, each with the file, line and column of its
   * {@code <host>} element and the scan's start time, and hands the sink each host it cannot read as
   * skipped, with every value of it that is wrong, in the form {@code FILE:LINE:COLUMN: host ADDRESS: WHAT (FIX)}.
   *
   * @throws SourceException when the file as a whole cannot be read (not a scan, not XML or JSON, cut short,
   *     no host at all), with every problem found, one line each, in the form {@code FILE:LINE:COLUMN: WHAT (FIX)};
   *     or when the sink refuses a skipped host. Facts already handed to the sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    Objects.requireNonNull(sink, "sink");
    SourceProblems problems = new SourceProblems(name);
    try (InputStream in = new BufferedInputStream(open())) {
      if (isJson(in)) {
        readMasscanJson(in, sink, problems);
      } else {
        XMLStreamReader xml = newSafeFactory().createXMLStreamReader(in);
        try {
          new ScanReader(name, new XmlCursor(xml), sink, problems, scannedFrom).read();
        } finally {
          xml.close();
        }
      }
    } catch (XMLStreamException e) {
      XmlFailure failure = XmlFailure.of(e);
      problems.add(failure.position(), "", failure.what(), failure.fix());
    } catch (IOException e) {
      // Only the first bytes (JSON or XML?) and closing are read here; the readers report their own failures.
      problems.add(null, "", "could not read the file: " + e.getMessage(), "check the disk");
    }
    problems.throwIfAny();
  }

  private void readMasscanJson(InputStream in, FactSink sink, SourceProblems problems)
      throws IOException, SourceException {
    JsonParser parser = JsonFailure.STRICT.createParser(in);
    try (parser) {
      HostDevices hosts = new HostDevices(name, sink, problems, scannedFrom, HostDevices.Dialect.MASSCAN_JSON);
      new MasscanJsonReader(parser, problems, hosts).read();
    } catch (IOException e) {
      JsonFailure failure = JsonFailure.of(e, parser);
      problems.add(failure.at(), "", failure.what(), failure.kind() == JsonFailure.Kind.CUT_SHORT
          ? "the scan is truncated, or masscan was interrupted; run the scan again and let it finish"
          : MasscanJsonReader.WRITE_JSON);
    }
  }

  /**
   * Whether the file is JSON (masscan's {@code -oJ} or {@code --ndjson}) rather than XML: its first
   * character after white space and a byte order mark is {@code [} or <code>{</code>.
   */
  private static boolean isJson(InputStream in) throws IOException {
    in.mark(PEEK);
    try {
      for (int i = 0; i < PEEK; i++) {
        int next = in.read();
        if (next == '[' || next == '{') {
          return true;
        }
        boolean skipped = next == ' ' || next == '\t' || next == '\r' || next == '\n'
            || next == 0xEF || next == 0xBB || next == 0xBF;
        if (!skipped) {
          return false;
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  @Override
  public String describe() {
    return NmapScanProvider.ID + ":" + name;
  }

  /**
   * The JDK's own StAX parser (not whichever one the class path offers), with DTDs and external
   * entities off: nmap's {@code <!DOCTYPE nmaprun>} is still accepted, but nothing it or an entity
   * points to is ever fetched, and no entity is ever expanded.
   */
  private static XMLInputFactory newSafeFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entity '" + systemId + "' is not read");
    });
    return factory;
  }

  private InputStream open() throws SourceException {
    try {
      return InputFiles.open(file, Long.MAX_VALUE);
    } catch (InputFileException e) {
      throw new SourceException(e.cannotRead(name, "an nmap -oX file"));
    }
  }
}
