/**
 * Certificate analysis shared by adapters: {@link dev.rampart.adapter.certificates.CertificateAnalyzer}
 * turns an X.509 certificate into a {@link dev.rampart.spi.fact.Certificate} fact, optionally
 * checking its chain and revocation against {@link dev.rampart.adapter.certificates.TrustMaterial}.
 *
 * <p>Only those two classes and {@link dev.rampart.adapter.certificates.CertificateParseException} are
 * public; Bouncy Castle types never appear in the API.
 */
@NullMarked
package dev.rampart.adapter.certificates;

import org.jspecify.annotations.NullMarked;
