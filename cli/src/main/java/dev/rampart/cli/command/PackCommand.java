package dev.rampart.cli.command;

import dev.rampart.engine.MinimumVersions;
import dev.rampart.engine.PackSignatures;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.value.KeyFileException;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignature;
import dev.rampart.engine.value.PackSignatureException;
import dev.rampart.packsigning.PackSigning;
import dev.rampart.packsigning.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart pack}: makes signing keys, signs rule packs and checks their signatures. */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    versionProvider = ToolVersion.class,
    description = {
      "Signs rule packs and checks their signatures (docs/pack-signing.md).",
      "A signature covers every file of a pack's directory; 'rampart evaluate --require-signed' then loads"
          + " only packs signed by a trusted key and unchanged since."
    },
    subcommands = {PackCommand.Keygen.class, PackCommand.Sign.class, PackCommand.Verify.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  rampart pack keygen --out keys",
      "  rampart pack sign packs/site --key keys/rampart-signing.key",
      "  rampart pack verify packs/site --trusted-key keys/rampart-signing.pub",
      "  rampart evaluate site.yaml --pack packs/site/pack.yaml --require-signed \\",
      "      --trusted-key keys/rampart-signing.pub"
    })
public final class PackCommand implements Callable<Integer> {

  /** The private key file {@code keygen} writes. */
  public static final String PRIVATE_KEY_FILE = "rampart-signing.key";

  /** The public key file {@code keygen} writes. */
  public static final String PUBLIC_KEY_FILE = "rampart-signing.pub";

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: try 'rampart pack keygen --out DIR'");
  }

  /** {@code rampart pack keygen}: a new Ed25519 key pair. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      versionProvider = ToolVersion.class,
      description = {
        "Makes a new Ed25519 key pair for signing packs: DIR/" + PRIVATE_KEY_FILE + " (PKCS#8 PEM, readable"
            + " by its owner only: keep it secret) and DIR/" + PUBLIC_KEY_FILE + " (PEM: give it to whoever"
            + " verifies your packs). Never replaces an existing key file; writes both or neither, each"
            + " to a temporary file first, then moved into place whole."
      },
      footerHeading = "%nExit codes:%n",
      footer = {
        "  0  the key pair was written",
        "  2  a key file exists already, or the directory cannot be written",
        "  3  internal error in rampart: run again with --debug and please report it"
      })
  static final class Keygen implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "The directory to write the two key files to; created if missing.")
    private Path out;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (Files.exists(out) && !Files.isDirectory(out)) {
        err.println("rampart: --out '" + out + "' is a file; give the directory to write the keys to");
        return ExitCode.INPUT_ERROR;
      }
      Path privateKey = out.resolve(PRIVATE_KEY_FILE);
      Path publicKey = out.resolve(PUBLIC_KEY_FILE);
      for (Path existing : List.of(privateKey, publicKey)) {
        // a dangling symbolic link counts: writing through it would fail after the private key was written
        if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
          err.println("rampart: " + existing + " exists already; 'rampart pack keygen' never replaces a key"
              + " (give another --out directory)");
          return ExitCode.INPUT_ERROR;
        }
      }
      SigningKey key = SigningKey.generate();
      try {
        Files.createDirectories(out);
        key.writePairTo(privateKey, publicKey);
      } catch (FileAlreadyExistsException e) {
        err.println("rampart: " + e.getFile() + " exists already; 'rampart pack keygen' never replaces a key"
            + " (give another --out directory)");
        return ExitCode.INPUT_ERROR;
      } catch (IOException e) {
        err.println("rampart: cannot write the keys to '" + out + "': " + e);
        return ExitCode.INPUT_ERROR;
      }
      PrintWriter output = spec.commandLine().getOut();
      output.println("Wrote " + privateKey + ": the private key; keep it secret (readable by its owner only)");
      output.println("Wrote " + publicKey + ": the public key; verifiers trust it with --trusted-key");
      output.println("Key id: " + key.id());
      return ExitCode.OK;
    }
  }

  /** {@code rampart pack sign}: writes a pack's {@code pack.sig}. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      versionProvider = ToolVersion.class,
      description = {
        "Signs a rule pack with a private key: writes pack.sig beside the pack file (atomically, replacing"
            + " an older signature). The signature covers every file of the pack's directory: the pack file,"
            + " its tests and anything else there, except pack.sig itself; and the id and version of the pack"
            + " and of each base it extends, so it loads only as that pack, on those bases (re-sign it when a"
            + " base changes version). The pack is loaded first: a pack with mistakes is not signed."
      },
      footerHeading = "%nExit codes:%n",
      footer = {
        "  0  the pack was signed",
        "  2  the pack has mistakes or cannot be read, the key file is not an Ed25519 private key, or",
        "     pack.sig cannot be written",
        "  3  internal error in rampart: run again with --debug and please report it"
      })
  static final class Sign implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACK", description = "A pack directory, or a pack file (e.g. pack.yaml).")
    private String pack;

    @Option(names = "--key", paramLabel = "FILE", required = true,
        description = "The private key file, e.g. " + PRIVATE_KEY_FILE + " as 'rampart pack keygen' writes it.")
    private Path keyFile;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (RulePacks.namesBuiltin(pack)) {
        err.println("rampart: '" + pack + "' names a built-in pack, and built-in packs are signed when rampart is"
            + " built; to sign the pack directory or file '" + pack + "', write './" + pack + "'");
        return ExitCode.INPUT_ERROR;
      }
      Path path = existing(pack);
      if (path == null) {
        err.println("rampart: '" + pack + "' is neither a pack directory nor a pack file; built-in packs are"
            + " signed when rampart is built");
        return ExitCode.INPUT_ERROR;
      }
      List<String> problems = new ArrayList<>();
      SigningKey key = null;
      try {
        key = SigningKey.read(keyFile);
      } catch (KeyFileException e) {
        problems.add("rampart: --key " + e.getMessage());
      }
      try {
        RulePacks.load(path);
      } catch (PackLoadException e) {
        problems.add(e.getMessage());
      }
      if (!problems.isEmpty() || key == null) {
        problems.forEach(err::println);
        return ExitCode.INPUT_ERROR;
      }
      try {
        PackSignature signature = PackSigning.sign(path, key);
        String where = signature.pack().equals(".") ? PackSignatures.SIGNATURE_FILE
            : Path.of(signature.pack()).resolve(PackSignatures.SIGNATURE_FILE).toString();
        spec.commandLine().getOut().println("Signed " + signature.pack() + " (" + files(signature.files())
            + ") with key " + signature.keyId() + ": wrote " + where);
        return ExitCode.OK;
      } catch (PackSignatureException | PackLoadException e) {
        err.println(e.getMessage());
      } catch (IOException e) {
        err.println("rampart: cannot sign '" + pack + "': " + e);
      }
      return ExitCode.INPUT_ERROR;
    }
  }

  /** {@code rampart pack verify}: checks the signatures of packs and of their bases. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      versionProvider = ToolVersion.class,
      description = {
        "Checks that each pack, and every base it extends, is signed by a trusted key and unchanged since,"
            + " exactly as 'rampart evaluate --require-signed' does before it loads them. Built-in packs are"
            + " trusted when signed by the key that ships with rampart.",
        "Prints 'OK PACK' and each signature checked: the files it covers, its key, and the id and version"
            + " of the pack and of each base it binds; or why a pack is refused: not signed; a file added,"
            + " removed or changed after signing (named); signed by a key that is not trusted (its id); or"
            + " a malformed pack.sig (file:line:column)."
      },
      footerHeading = "%nExit codes:%n",
      footer = {
        "  0  every pack and its bases are signed by trusted keys and unchanged",
        "  2  a pack is refused (the message says why), has mistakes, or a key file cannot be read",
        "  3  internal error in rampart: run again with --debug and please report it"
      })
  static final class Verify implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PACK",
        description = "A pack directory or pack file, or the id of a built-in pack.")
    private List<String> packs = new ArrayList<>();

    @Option(names = "--trusted-key", paramLabel = "FILE",
        description = "A public key file whose signatures are accepted. Repeatable.")
    private List<Path> trustedKeyFiles = new ArrayList<>();

    @Option(names = "--min-pack-version", paramLabel = "ID=VERSION",
        description = "Refuse pack ID, as a pack or a base, below VERSION, as 'rampart evaluate' does. Repeatable.")
    private List<String> minimumVersions = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<String> problems = new ArrayList<>();
      TrustedKeys trusted = PackTrustOptions.readKeys(trustedKeyFiles, problems);
      MinimumVersions minimum = PackTrustOptions.readMinimumVersions(minimumVersions, problems);
      if (trusted == null || minimum == null) {
        problems.forEach(err::println);
        return ExitCode.INPUT_ERROR;
      }
      int exitCode = ExitCode.OK;
      for (String pack : packs) {
        Path path = RulePacks.namesBuiltin(pack) ? null : existing(pack);
        try {
          List<PackSignature> signatures = path == null
              ? PackSignatures.verifyBuiltin(pack, trusted, minimum)
              : PackSignatures.verify(path, trusted, minimum);
          out.println("OK " + pack);
          for (PackSignature signature : signatures) {
            out.println("  " + signature.pack() + ": " + files(signature.files()) + " signed by "
                + (signature.builtinKey() ? "the built-in key " : "key ") + signature.keyId() + ", as "
                + identity(signature.signed()) + (signature.bases().isEmpty() ? "" : " on "
                    + String.join(", ", signature.bases().stream().map(PackCommand::identity).toList())));
          }
        } catch (PackSignatureException | PackLoadException e) {
          err.println(e.getMessage());
          exitCode = ExitCode.INPUT_ERROR;
        }
      }
      return exitCode;
    }
  }

  private static @Nullable Path existing(String pack) {
    try {
      Path path = Path.of(pack);
      return Files.exists(path) ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String identity(PackSignature.Identity identity) {
    return "'" + identity.id() + "' version " + identity.version();
  }

  private static String files(int count) {
    return count == 1 ? "1 file" : count + " files";
  }
}
