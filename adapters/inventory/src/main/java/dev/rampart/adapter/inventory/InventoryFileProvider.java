package dev.rampart.adapter.inventory;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.adapter.certificates.TrustMaterial;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link InventoryFileSource}s for the source id {@value #ID}; the location is a file path.
 * The option {@value #EMBEDDED_AT} reads an inventory embedded under a top-level key; the
 * {@code trust.*} options give the trust material for certificates the inventory references.
 */
@API(status = STABLE, since = "0.1")
public final class InventoryFileProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "inventory";

  /**
   * The option naming a top-level key whose value is the inventory, e.g. {@code embeddedAt=facts}
   * for a rule pack's test fixture; the file's other top-level keys are skipped unread.
   */
  public static final String EMBEDDED_AT = "embeddedAt";

  /**
   * The option naming trust anchor files (PEM or DER, separated by commas, relative to the working
   * directory) that certificates the inventory references are judged against; see
   * {@code docs/inventory-format.md}.
   */
  public static final String TRUST_ANCHORS = "trust.anchors";

  /** The option saying whether the trust anchors are the organisation's own PKI: true (the default) or false. */
  public static final String TRUST_ORGANISATION_PKI = "trust.organisationPki";

  /** The option naming a CRL file (PEM or DER) that says which referenced certificates are revoked. */
  public static final String TRUST_CRL = "trust.crl";

  /**
   * The option saying how many threads bind the lists of a large JSON inventory in plain ASCII
   * (see {@link InventoryFileSource#withReadThreads(int)}); 1 binds them on the reading thread.
   */
  public static final String READ_THREADS = "readThreads";

  private static final List<String> OPTIONS =
      List.of(EMBEDDED_AT, TRUST_ANCHORS, TRUST_ORGANISATION_PKI, TRUST_CRL, READ_THREADS);

  @Override
  public String id() {
    return ID;
  }

  /** System of record: an inventory file lists the devices its authors manage. */
  @Override
  public SourceRole role() {
    return SourceRole.SYSTEM_OF_RECORD;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    config.refuseUnknownOptions(ID, OPTIONS);
    String embeddedAt = config.option(EMBEDDED_AT).orElse(null);
    if (embeddedAt != null && embeddedAt.isBlank()) {
      throw new SourceException("inventory source '" + config.location() + "': option " + EMBEDDED_AT
          + " is blank (name the top-level key that holds the inventory, e.g. " + EMBEDDED_AT + "=facts)");
    }
    Path file = config.file();
    InventoryFileSource source = embeddedAt == null ? InventoryFileSource.of(file) : InventoryFileSource.embedded(file, embeddedAt);
    String threads = config.option(READ_THREADS).orElse(null);
    if (threads != null) {
      source = source.withReadThreads(readThreads(config.location(), threads));
    }
    TrustMaterial trust = trust(config);
    return trust == null ? source : source.withTrust(trust, "the source options " + TRUST_ANCHORS + " and " + TRUST_CRL);
  }

  private static int readThreads(String location, String option) throws SourceException {
    try {
      int threads = Integer.parseInt(option.strip());
      if (threads >= 1) {
        return threads;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SourceException("inventory source '" + location + "': option " + READ_THREADS + " is '" + option
        + "' (write a whole number of threads, 1 or more; 1 reads on one thread)");
  }

  /** The trust material the options name, or {@code null} when they name none. */
  private static @Nullable TrustMaterial trust(SourceConfig config) throws SourceException {
    String anchorsOption = config.option(TRUST_ANCHORS).orElse("");
    String crlOption = config.option(TRUST_CRL).orElse("");
    String organisationOption = config.option(TRUST_ORGANISATION_PKI).orElse("true");
    String prefix = "inventory source '" + config.location() + "': option ";
    List<String> problems = new ArrayList<>();
    if (!organisationOption.equals("true") && !organisationOption.equals("false")) {
      problems.add(prefix + TRUST_ORGANISATION_PKI + " is '" + organisationOption + "' (write true or false)");
    }
    List<byte[]> anchors = new ArrayList<>();
    for (String name : anchorsOption.split(",")) {
      if (!name.isBlank()) {
        byte[] anchor = read(name.strip(), prefix + TRUST_ANCHORS, "trust anchor", problems);
        if (anchor != null && check(() -> TrustFiles.checkAnchor(anchor), name, prefix + TRUST_ANCHORS, problems)) {
          anchors.add(anchor);
        }
      }
    }
    byte[] crl = crlOption.isBlank() ? null : read(crlOption.strip(), prefix + TRUST_CRL, "CRL", problems);
    if (crl != null) {
      check(() -> TrustFiles.checkCrl(crl), crlOption, prefix + TRUST_CRL, problems);
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    if (anchors.isEmpty() && crl == null) {
      return null;
    }
    try {
      return TrustFiles.of(anchors, organisationOption.equals("true"), crl);
    } catch (CertificateParseException e) {
      throw new SourceException(prefix + TRUST_ANCHORS + ": " + e.getMessage());
    }
  }

  private interface Check {
    void run() throws CertificateParseException;
  }

  private static boolean check(Check check, String name, String option, List<String> problems) {
    try {
      check.run();
      return true;
    } catch (CertificateParseException e) {
      problems.add(option + ": '" + name + "' is " + e.getMessage());
      return false;
    }
  }

  private static byte @Nullable [] read(String name, String option, String what, List<String> problems) {
    String cannot = option + ": cannot read the " + what + " file '" + name + "': ";
    try {
      return InputFiles.read(Path.of(name), CertificateReferences.MAX_BYTES);
    } catch (InvalidPathException e) {
      problems.add(cannot + "not a valid file path (" + e.getReason() + ")");
    } catch (InputFileException e) {
      problems.add(cannot + switch (e.kind()) {
        case MISSING -> "no such file (paths in options are relative to the working directory)";
        case DIRECTORY -> "it is not a regular file (paths in options are relative to the working directory)";
        case TOO_LARGE -> "it " + e.reason() + " (is this the right file?)";
        default -> "it " + e.reason() + " (" + e.fix() + ")";
      });
    }
    return null;
  }
}
