package dev.rampart.spark;

import dev.rampart.engine.ComplianceEngine;
import dev.rampart.engine.RulePack;
import dev.rampart.engine.TrustedKeys;
import dev.rampart.engine.VerifyingKey;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.PackSignatureException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What an engine is built from, shipped with every task: the packs, the parameter overrides, the
 * time fixed on the driver and the keys signed packs must be signed by. Each JVM builds the engine of
 * one recipe once, keyed by the recipe's digest, and every task of the job there uses it.
 */
final class EngineRecipe implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Map<String, ComplianceEngine> ENGINES = new ConcurrentHashMap<>();

  private final List<PackText> packs;
  private final LinkedHashMap<String, String> parameters;
  private final Instant now;
  private final @Nullable List<byte[]> trustedKeys;
  private final String digest;

  EngineRecipe(List<PackText> packs, Map<String, String> parameters, Instant now, @Nullable List<byte[]> trustedKeys) {
    this.packs = List.copyOf(packs);
    this.parameters = new LinkedHashMap<>(parameters);
    this.now = now;
    this.trustedKeys = trustedKeys == null ? null : List.copyOf(trustedKeys);
    this.digest = digestOf();
  }

  Instant now() {
    return now;
  }

  /**
   * The engine of this recipe in this JVM, built (packs loaded, verified and compiled) on first use.
   *
   * @throws PackLoadException listing the problems of the packs or parameters
   * @throws PackSignatureException if signed packs are required and one is not
   */
  ComplianceEngine engine() throws PackLoadException, PackSignatureException {
    return engine(false);
  }

  /** The engine of this recipe on the driver, whose pack problems name the user's own files. */
  ComplianceEngine engineOnDriver() throws PackLoadException, PackSignatureException {
    return engine(true);
  }

  private ComplianceEngine engine(boolean driver) throws PackLoadException, PackSignatureException {
    ComplianceEngine engine = ENGINES.get(digest);
    if (engine != null) {
      return engine;
    }
    synchronized (ENGINES) {
      engine = ENGINES.get(digest);
      if (engine == null) {
        engine = build(driver);
        ENGINES.put(digest, engine);
      }
      return engine;
    }
  }

  /** The engine on an executor, where the driver already built it once: a failure now is the executor's environment. */
  ComplianceEngine engineOnExecutor() {
    try {
      return engine();
    } catch (PackLoadException | PackSignatureException e) {
      throw new ExecutorPackException(e.getMessage(), e);
    }
  }

  private ComplianceEngine build(boolean driver) throws PackLoadException, PackSignatureException {
    TrustedKeys trusted = trustedKeys == null ? null
        : TrustedKeys.of(trustedKeys.stream().map(VerifyingKey::of).toList());
    List<RulePack> loaded = new ArrayList<>();
    for (PackText pack : packs) {
      loaded.add(driver ? pack.loadOnDriver(trusted) : pack.load(trusted));
    }
    ComplianceEngine.Builder builder = ComplianceEngine.builder().packs(loaded).clock(Clock.fixed(now, ZoneOffset.UTC));
    parameters.forEach(builder::parameter);
    return builder.build();
  }

  private String digestOf() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      packs.forEach(pack -> pack.digest(sha));
      parameters.forEach((name, value) -> sha.update((name + "=" + value.length() + ":" + value + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      sha.update(("now=" + now + "\n").getBytes(StandardCharsets.UTF_8));
      if (trustedKeys != null) {
        // signed packs required, even with no key (built-in packs only): never the engine of unchecked packs
        sha.update("signed\n".getBytes(StandardCharsets.UTF_8));
        trustedKeys.forEach(key -> {
          sha.update("key=".getBytes(StandardCharsets.UTF_8));
          sha.update(key);
        });
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
