package dev.rampart.adapter.certificates;

import dev.rampart.adapter.certificates.CertificateFilesProvider.DeviceIds;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.jspecify.annotations.Nullable;

/**
 * Device certificates in one file (PEM, with one or many certificates, or DER) or in a directory of
 * such files: each certificate that is not a CA's becomes the device it names, with the certificate
 * analysed as its {@code credentials.certificate}; a CA certificate in the same file may complete
 * the chain of the others. A certificate that cannot be read is skipped with its file and line.
 */
final class CertificateFilesSource implements FactSource {

  /** Largest file read: a bundle of a few thousand device certificates. */
  static final long MAX_BYTES = 16L * 1024 * 1024;
  /** The files of a directory that are read; others (keys, notes) are passed over. */
  static final List<String> EXTENSIONS = List.of(".pem", ".crt", ".cer", ".cert", ".der");
  private static final String FIX_BLOCK =
      "copy the certificate again, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----";

  private final Path location;
  private final String name;
  private final DeviceIds ids;

  CertificateFilesSource(Path location, String name, DeviceIds ids) {
    this.location = location;
    this.name = name;
    this.ids = ids;
  }

  @Override
  public String describe() {
    return CertificateFilesProvider.ID + ":" + name;
  }

  @Override
  public void read(FactSink sink) throws SourceException {
    boolean directory = Files.isDirectory(location);
    Read read = new Read(sink, directory);
    for (Path file : directory ? files() : List.of(location)) {
      read.file(file);
    }
    if (read.devices == 0 && read.skipped == 0) {
      throw new SourceException(CertificateFilesProvider.ID + " source '" + name + "': holds no device certificate, "
          + (read.authorities == 1 ? "only 1 CA certificate" : "only " + read.authorities + " CA certificates")
          + " (name the device certificates; CA certificates only complete the chains of the device certificates"
          + " in the same file)");
    }
  }

  /** The certificate files of the directory, by name. */
  private List<Path> files() throws SourceException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(location)) {
      files = entries.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .filter(file -> EXTENSIONS.stream().anyMatch(file.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new SourceException("cannot read the directory '" + name + "': " + e.getMessage()
          + " (check that it exists and can be read)");
    }
    if (files.isEmpty()) {
      throw new SourceException(CertificateFilesProvider.ID + " source '" + name + "': the directory holds no"
          + " certificate file (name a directory of *" + String.join(", *", EXTENSIONS) + " files, or one such file)");
    }
    return files;
  }

  /** One read: what was handed on so far. */
  private final class Read {

    final FactSink sink;
    final boolean directory;
    final Map<String, Origin> firstById = new HashMap<>();
    int devices;
    int skipped;
    int authorities;

    Read(FactSink sink, boolean directory) {
      this.sink = sink;
      this.directory = directory;
    }

    void file(Path file) throws SourceException {
      String shown = directory ? file.toString() : name;
      byte[] bytes;
      try {
        bytes = InputFiles.read(file, MAX_BYTES);
      } catch (InputFileException e) {
        wholeFile(shown, e.cannotRead(shown, "a certificate file or a directory of them"));
        return;
      }
      List<Decoded> decoded = PemBlocks.isPem(bytes) ? pem(shown, bytes) : der(shown, bytes);
      if (decoded == null) {
        return;
      }
      List<X509CertificateHolder> authoritiesOfFile = decoded.stream().map(Decoded::certificate)
          .filter(certificate -> certificate != null && CertificateAnalyzer.isCa(certificate)).toList();
      authorities += authoritiesOfFile.size();
      for (Decoded entry : decoded) {
        if (entry.certificate() == null) {
          skip(entry, null, entry.problem());
        } else if (!CertificateAnalyzer.isCa(entry.certificate())) {
          device(file, entry, authoritiesOfFile);
        }
      }
    }

    private void device(Path file, Decoded entry, List<X509CertificateHolder> authoritiesOfFile) throws SourceException {
      X509CertificateHolder certificate = entry.certificate();
      String id = ids == DeviceIds.FILE_NAME ? stem(file) : commonName(certificate);
      if (id == null) {
        skip(entry, null, new Problem("the subject '" + Names.rfc4514(certificate.getSubject()) + "' has no common name"
            + " (CN) to name the device by", "name each file after its device and give the source option "
            + CertificateFilesProvider.DEVICE_ID + "=fileName"));
        return;
      }
      Origin first = firstById.putIfAbsent(id, entry.origin());
      if (first != null) {
        skip(entry, id, new Problem("device '" + id + "' already has the certificate at " + first,
            "keep one certificate per device; a renewed device keeps only its current one here"));
        return;
      }
      Device device;
      try {
        Certificate analysed = CertificateAnalyzer.analyze(certificate, authoritiesOfFile, TrustMaterial.none());
        device = Device.builder(id).credentials(Credentials.builder().certificate(analysed).build()).build();
      } catch (CertificateParseException | IllegalArgumentException e) {
        skip(entry, id, new Problem(e.getMessage(), "replace the certificate with one that can be read"));
        return;
      }
      devices++;
      sink.accept(device, entry.origin());
    }

    private void skip(Decoded entry, @Nullable String id, Problem problem) throws SourceException {
      SourceProblems problems = new SourceProblems(entry.origin().location());
      String place = "certificate " + entry.ordinal() + (id == null ? "" : " (device '" + id + "')");
      problems.add(entry.line() > 0 ? new TextPosition(entry.line(), 1) : null, place, problem.what(), problem.fix());
      skipped++;
      sink.skipped(id == null
          ? new SkippedRecord(entry.origin(), FactType.DEVICE, null, problems.inFileOrder())
          : SkippedRecord.of(entry.origin(), FactType.DEVICE, id, problems.inFileOrder()));
    }

    /** A file that cannot be read at all: the source fails when it is the only one, else it is skipped. */
    private void wholeFile(String shown, String problem) throws SourceException {
      if (!directory) {
        throw new SourceException(problem);
      }
      skipped++;
      sink.skipped(SkippedRecord.unidentified(Origin.of(CertificateFilesProvider.ID, shown), List.of(problem)));
    }

    private @Nullable List<Decoded> pem(String shown, byte[] bytes) throws SourceException {
      List<PemBlocks.Block> blocks = PemBlocks.certificates(bytes);
      if (blocks.isEmpty()) {
        wholeFile(shown, shown + ": the PEM text holds no CERTIFICATE block (name a file of PEM or DER certificates;"
            + " a key or a CRL is not one)");
        return null;
      }
      List<Decoded> decoded = new ArrayList<>();
      for (int i = 0; i < blocks.size(); i++) {
        decoded.add(decode(shown, i + 1, blocks.get(i)));
      }
      return decoded;
    }

    private Decoded decode(String shown, int ordinal, PemBlocks.Block block) {
      Origin origin = new Origin(CertificateFilesProvider.ID, shown, block.line(), 1);
      if (!block.closed()) {
        return Decoded.bad(ordinal, block.line(), origin, new Problem("the block has no -----END " + block.label()
            + "----- line", FIX_BLOCK));
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(block.base64());
      } catch (IllegalArgumentException e) {
        return Decoded.bad(ordinal, block.line(), origin,
            new Problem("the base64 text of the block is damaged (" + Encodings.reason(e) + ")", FIX_BLOCK));
      }
      try {
        X509CertificateHolder certificate = block.label().equals("TRUSTED CERTIFICATE")
            ? new X509TrustedCertificateBlock(der).getCertificateHolder()
            : new X509CertificateHolder(der);
        return new Decoded(ordinal, block.line(), origin, certificate, null);
      } catch (IOException | RuntimeException e) {
        return Decoded.bad(ordinal, block.line(), origin,
            new Problem("the block is not an X.509 certificate (" + Encodings.reason(e) + ")", FIX_BLOCK));
      }
    }

    private @Nullable List<Decoded> der(String shown, byte[] bytes) throws SourceException {
      Origin origin = Origin.of(CertificateFilesProvider.ID, shown);
      try {
        return List.of(new Decoded(1, 0, origin, new X509CertificateHolder(bytes), null));
      } catch (IOException | RuntimeException e) {
        wholeFile(shown, shown + ": not a PEM or DER certificate: " + (bytes.length == 0 ? "the file is empty"
            : "the bytes are not an X.509 certificate in DER encoding (" + Encodings.reason(e) + ")")
            + " (name a file of PEM or DER certificates)");
        return null;
      }
    }
  }

  private static @Nullable String commonName(X509CertificateHolder certificate) {
    RDN[] names = certificate.getSubject().getRDNs(BCStyle.CN);
    if (names.length == 0 || !(names[0].getFirst().getValue() instanceof ASN1String text)) {
      return null;
    }
    String id = text.getString().strip();
    return id.isEmpty() ? null : id;
  }

  private static String stem(Path file) {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** What is wrong with a certificate and how to fix it. */
  private record Problem(String what, String fix) {}

  /**
   * One certificate of a file, decoded or not.
   *
   * @param ordinal its place among the file's certificates, from 1
   * @param line the line of its PEM block, or 0 for a DER file
   * @param certificate the certificate, or {@code null} when it could not be decoded
   * @param problem why it could not, when it could not
   */
  private record Decoded(int ordinal, int line, Origin origin, @Nullable X509CertificateHolder certificate,
      @Nullable Problem problem) {

    static Decoded bad(int ordinal, int line, Origin origin, Problem problem) {
      return new Decoded(ordinal, line, origin, null, problem);
    }
  }
}
