package dev.rampart.adapter.certificates;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.jspecify.annotations.Nullable;

/** Signature, chain and revocation checks, all done with Bouncy Castle so the result does not vary with JDK policy files. */
final class Chains {

  // Used by reference, never registered, so embedding applications keep their own provider list.
  private static final Provider BC = new BouncyCastleProvider();

  private Chains() {}

  /**
   * Whether the certificate's signature verifies with the signer's key: {@code false} also when the
   * key is of another type than the signature (an EC key cannot have made an RSA signature);
   * {@code null} when the algorithm is not supported.
   */
  static @Nullable Boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder signer) {
    try {
      return certificate.isSignatureValid(verifier(signer));
    } catch (OperatorCreationException | CertException e) {
      return causedByWrongKeyType(e) ? Boolean.FALSE : null;
    }
  }

  private static boolean causedByWrongKeyType(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidKeyException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a PKIX path builds from the leaf, through any of the intermediates, to one of the anchors,
   * at the current time and without revocation checking (revocation is judged separately).
   */
  static boolean buildsToAnchor(X509CertificateHolder leaf, List<X509CertificateHolder> intermediates,
      List<X509CertificateHolder> anchors) {
    if (anchors.contains(leaf)) {
      return true;
    }
    try {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
      Set<TrustAnchor> trustAnchors = new HashSet<>();
      for (X509CertificateHolder anchor : anchors) {
        trustAnchors.add(new TrustAnchor(converter.getCertificate(anchor), null));
      }
      List<X509Certificate> chain = new ArrayList<>();
      X509Certificate target = converter.getCertificate(leaf);
      chain.add(target);
      for (X509CertificateHolder intermediate : intermediates) {
        chain.add(converter.getCertificate(intermediate));
      }
      X509CertSelector selector = new X509CertSelector();
      selector.setCertificate(target);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, selector);
      parameters.setRevocationEnabled(false);
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain), BC));
      CertPathBuilder.getInstance("PKIX", BC).build(parameters);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Whether the CRL lists the certificate: {@code null} unless the CRL was issued by the
   * certificate's issuer and verifies with the key of one of the candidate issuer certificates.
   */
  static @Nullable Boolean revoked(X509CertificateHolder certificate, X509CRLHolder crl,
      List<X509CertificateHolder> candidateIssuers) {
    if (!crl.getIssuer().equals(certificate.getIssuer())) {
      return null;
    }
    for (X509CertificateHolder issuer : candidateIssuers) {
      if (issuer.getSubject().equals(crl.getIssuer()) && crlSignedBy(crl, issuer)) {
        return crl.getRevokedCertificate(certificate.getSerialNumber()) != null;
      }
    }
    return null;
  }

  private static boolean crlSignedBy(X509CRLHolder crl, X509CertificateHolder issuer) {
    try {
      return crl.isSignatureValid(verifier(issuer));
    } catch (OperatorCreationException | CertException e) {
      return false;
    }
  }

  private static ContentVerifierProvider verifier(X509CertificateHolder signer) throws OperatorCreationException {
    return new JcaContentVerifierProviderBuilder().setProvider(BC).build(signer.getSubjectPublicKeyInfo());
  }
}
