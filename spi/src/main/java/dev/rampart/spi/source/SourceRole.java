package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What a source's records say about the devices they name: whether the organisation manages them
 * (a system of record), only that they exist (discovery), or neither (a description). The merged
 * view of the sources tells a device that some system of record lists from an unmanaged one that
 * only discovery saw.
 */
@API(status = STABLE, since = "0.1")
public enum SourceRole {

  /**
   * Lists the devices the organisation manages: an inventory file, a CMDB such as ServiceNow, NetBox.
   * A device it reports is recorded.
   */
  SYSTEM_OF_RECORD,

  /**
   * Observes devices that exist, whether managed or not: a network scan, a cloud registry that any
   * device with credentials can join (AWS IoT, Azure IoT Hub). A device only discovery reports is
   * unmanaged, once a system of record has been read.
   */
  DISCOVERY,

  /**
   * Describes devices that other sources report and says nothing of whether they exist: MUD files,
   * which give a model's allowed traffic to the devices a user names.
   */
  DESCRIPTION;

  /**
   * The source option every source takes to declare its role in one run, e.g. {@code role=systemOfRecord}
   * for a team whose AWS IoT registry is its inventory; the role's wire name is its value.
   */
  public static final String OPTION = "role";
}
