package dev.rampart.adapter.inventory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's {@code trust} section: what referenced certificates are judged against.
 *
 * @param anchors trust anchor files (PEM or DER), relative to the inventory file
 * @param organisationPki whether the anchors are the organisation's own PKI; {@code true} when absent
 * @param crl a CRL file (PEM or DER), relative to the inventory file
 */
record TrustSection(@Nullable List<String> anchors, @Nullable Boolean organisationPki, @Nullable String crl) {

  static final List<String> FIELDS = FactModel.fieldNames(TrustSection.class);
}
