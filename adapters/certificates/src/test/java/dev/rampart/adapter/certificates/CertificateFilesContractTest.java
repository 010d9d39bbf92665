package dev.rampart.adapter.certificates;

import dev.rampart.adapter.testkit.FactSourceContract;
import dev.rampart.adapter.testkit.MalformedInput;
import dev.rampart.adapter.testkit.NonEmptyInput;
import dev.rampart.adapter.testkit.PartlyBadInput;
import dev.rampart.spi.source.FactSourceProvider;
import dev.rampart.spi.source.SourceConfig;
import java.util.List;
import java.util.Map;

/** The certificates source meets the contract of every fact source. */
class CertificateFilesContractTest extends FactSourceContract {

  @Override
  protected FactSourceProvider provider() {
    return new CertificateFilesProvider();
  }

  @Override
  protected SourceConfig validSource() {
    return files("bundle.pem");
  }

  @Override
  protected List<MalformedInput> malformedInputs() {
    return List.of(
        new MalformedInput("no such file", SourceConfig.of("no-such-certificate.pem"),
            "cannot read 'no-such-certificate.pem': no such file (check the path)"),
        new MalformedInput("a public key where certificates belong", files("public-key-only.pem"),
            "public-key-only.pem: the PEM text holds no CERTIFICATE block (name a file of PEM or DER certificates;"
                + " a key or a CRL is not one)"),
        new MalformedInput("text that is not DER", files("not-a-certificate.der"),
            "not-a-certificate.der: not a PEM or DER certificate: the bytes are not an X.509 certificate in DER"
                + " encoding ("),
        new MalformedInput("an unknown option", new SourceConfig("bundle.pem", Map.of("idFrom", "cn")),
            "certificates source 'bundle.pem': unknown option(s) idFrom"),
        new MalformedInput("a device id from nowhere", new SourceConfig("bundle.pem", Map.of("deviceId", "serial")),
            "certificates source 'bundle.pem': option deviceId is 'serial' (write deviceId=subjectCn to name each"
                + " device by its certificate's common name, or deviceId=fileName by the file's name without its"
                + " extension)"));
  }

  @Override
  protected List<NonEmptyInput> nonEmptyInputsWithoutFacts() {
    return List.of(
        new NonEmptyInput("only a CA certificate", files("ca-only.pem")),
        new NonEmptyInput("only a public key", files("public-key-only.pem")),
        new NonEmptyInput("a certificate whose subject names no device", files("no-cn-bundle.pem")));
  }

  @Override
  protected List<PartlyBadInput> partlyBadInputs() {
    return List.of(
        new PartlyBadInput("a cut-off certificate in a bundle", files("partly-bad-bundle.pem"),
            "partly-bad-bundle.pem:13:1: certificate 2: the block is not an X.509 certificate ("),
        new PartlyBadInput("a block without its end line", files("unclosed.pem"),
            "unclosed.pem:13:1: certificate 2: the block has no -----END CERTIFICATE----- line"),
        new PartlyBadInput("a subject without a common name", files("no-cn-bundle.pem"),
            "no-cn-bundle.pem:13:1: certificate 2: the subject 'OU=Gates,O=Harbourside Works' has no common name"),
        new PartlyBadInput("one device's certificate twice", files("duplicate-cn.pem"),
            "duplicate-cn.pem:13:1: certificate 2 (device 'cam-01'): device 'cam-01' already has the certificate at"),
        new PartlyBadInput("a cut-off certificate in a directory", files("partly-bad-fleet"),
            "partly-bad-fleet/cam-02.pem:1:1: certificate 1: the block is not an X.509 certificate ("));
  }

  static SourceConfig files(String fixture) {
    return SourceConfig.of(CertificateFiles.path(fixture).toString());
  }
}
