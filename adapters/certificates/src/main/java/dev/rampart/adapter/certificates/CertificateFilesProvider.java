package dev.rampart.adapter.certificates;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceRole;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Creates sources for the source id {@value #ID}: device certificates in a PEM or DER file, a PEM
 * bundle, or a directory of such files, each device certificate giving the device it names with
 * its certificate analysed. The option {@value #DEVICE_ID} says where a device's id comes from.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CertificateFilesProvider implements FactSourceProvider {

  /** The stable id of this source type, also the {@code sourceId} of every {@code Origin} it reports. */
  public static final String ID = "certificates";

  /**
   * The option saying where a device's id comes from: {@code subjectCn} (the default), the common name
   * in the certificate's subject, or {@code fileName}, the file's name without its extension.
   */
  public static final String DEVICE_ID = "deviceId";

  @Override
  public String id() {
    return ID;
  }

  /** Description: a certificate file describes the credential of a device that other sources list or see. */
  @Override
  public SourceRole role() {
    return SourceRole.DESCRIPTION;
  }

  @Override
  public FactSource create(SourceConfig config) throws SourceException {
    config.refuseUnknownOptions(ID, List.of(DEVICE_ID));
    String given = config.option(DEVICE_ID).orElse("subjectCn");
    DeviceIds ids = switch (given.strip().toLowerCase(Locale.ROOT)) {
      case "subjectcn" -> DeviceIds.SUBJECT_CN;
      case "filename" -> DeviceIds.FILE_NAME;
      default -> throw new SourceException(ID + " source '" + config.location() + "': option " + DEVICE_ID + " is '"
          + given + "' (write " + DEVICE_ID + "=subjectCn to name each device by its certificate's common name, or "
          + DEVICE_ID + "=fileName by the file's name without its extension)");
    };
    return new CertificateFilesSource(config.file(), config.location(), ids);
  }

  /** Where a device's id comes from. */
  enum DeviceIds {
    SUBJECT_CN,
    FILE_NAME
  }
}
