package dev.rampart.adapter.certificates;

/** The bytes given are not a certificate or CRL that can be read; the message says why in plain words. */
public final class CertificateParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public CertificateParseException(String message) {
    super(message);
  }

  public CertificateParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
