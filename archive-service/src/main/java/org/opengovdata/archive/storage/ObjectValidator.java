package org.opengovdata.archive.storage;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.exception.OcflNoSuchFileException;
import io.ocfl.api.model.DigestAlgorithm;
import io.ocfl.api.model.ValidationIssue;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.core.storage.common.Listing;
import io.ocfl.core.storage.common.Storage;
import io.ocfl.core.validation.Validator;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates an object root with ocfl-java's validator — structure, inventories, sidecars and every
 * content digest — and reads the object's id when its inventory allows, so that even a broken
 * object can be named in a report.
 *
 * <p>The content digests are not computed by ocfl-java's validator: its fixity check (ocfl-java
 * 2.2.3, {@code Validator.fixityCheck}) reads every content file one byte at a time through a
 * {@code DigestInputStream}, one {@code MessageDigest.update(byte)} per byte — about 10 MB/s, a
 * tenth of what the disk and the digest allow, and most of a fixity audit's time. So the validator
 * runs without its fixity check (structure, every inventory and sidecar, every content path), and
 * {@link #contentFixity} then checks what that fixity check would: every content file of the root
 * manifest against its manifest digest (code {@code E092}) and against every digest the root
 * inventory's fixity block gives for it ({@code E093}), with the same messages, reading each file
 * once in {@value #BUFFER}-byte blocks for all its digests. Where the result could differ from
 * ocfl-java's — an object that fails the structural checks, or whose versions changed digest
 * algorithm (ocfl-java then also checks the older algorithm's digests) — ocfl-java's validator runs
 * in full instead, so the report of a broken object is exactly ocfl-java's. {@code
 * OcflConformanceTest} compares both on every fixture of the OCFL editors.
 */
public class ObjectValidator {

  private static final int MAX_ERRORS = 100;
  private static final int BUFFER = 256 * 1024;

  static {
    registerDigestProviders();
  }

  /**
   * OCFL allows fixity digests the JDK does not implement (blake2b-*); BouncyCastle provides them.
   */
  public static synchronized void registerDigestProviders() {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private final Storage storage;
  private final JsonMapper json;

  public ObjectValidator(Storage storage, JsonMapper json) {
    this.storage = storage;
    this.json = json;
  }

  /**
   * @param objectRoot the object root's path relative to the storage
   */
  public ObjectCheck check(String objectRoot) {
    List<String> errors;
    try {
      Validator validator = new Validator(storage);
      ValidationResults structure = validator.validateObject(objectRoot, false);
      Optional<List<String>> fixity =
          structure.hasErrors() ? Optional.empty() : contentFixity(objectRoot);
      errors =
          fixity.orElseGet(() -> describe(validator.validateObject(objectRoot, true))).stream()
              .limit(MAX_ERRORS)
              .toList();
    } catch (RuntimeException e) {
      errors = List.of("validation failed: " + e.getMessage());
    }
    return new ObjectCheck(objectRoot, readId(objectRoot), errors);
  }

  private Optional<String> readId(String objectRoot) {
    try {
      JsonNode inventory = json.readTree(storage.readToString(objectRoot + "/inventory.json"));
      JsonNode id = inventory.get("id");
      return id != null && id.isString() && !id.asString().isBlank()
          ? Optional.of(id.asString())
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * ocfl-java's fixity check of a structurally valid object, reading each file once: the errors
   * (empty when every digest matches), or empty when it cannot stand in for ocfl-java's (the
   * object's versions use more than one digest algorithm).
   */
  Optional<List<String>> contentFixity(String objectRoot) {
    JsonNode inventory = json.readTree(storage.readToString(objectRoot + "/inventory.json"));
    String algorithmName = inventory.path("digestAlgorithm").asString("");
    DigestAlgorithm contentAlgorithm = DigestAlgorithmRegistry.getAlgorithm(algorithmName);
    if (contentAlgorithm == null || !singleAlgorithm(objectRoot, algorithmName)) {
      return Optional.empty();
    }
    // content path → every fixity-block digest the root inventory gives for it
    Map<String, Map<DigestAlgorithm, String>> fixity = new HashMap<>();
    for (var block : inventory.path("fixity").properties()) {
      DigestAlgorithm algorithm = DigestAlgorithmRegistry.getAlgorithm(block.getKey());
      if (algorithm == null) {
        continue; // unknown to ocfl-java as well: not checked there either
      }
      for (var digest : block.getValue().properties()) {
        for (JsonNode path : digest.getValue()) {
          fixity
              .computeIfAbsent(path.asString(), p -> new HashMap<>())
              .put(algorithm, digest.getKey());
        }
      }
    }
    List<String> errors = new ArrayList<>();
    byte[] buffer = new byte[BUFFER];
    for (var entry : inventory.path("manifest").properties()) {
      for (JsonNode path : entry.getValue()) {
        String contentPath = path.asString();
        String storagePath = objectRoot + "/" + contentPath;
        // the manifest digest (E092), then every fixity digest (E093; one of the content
        // algorithm is checked as well, where ocfl-java would let it replace the manifest's)
        List<Map.Entry<DigestAlgorithm, String>> expected = new ArrayList<>();
        expected.add(Map.entry(contentAlgorithm, entry.getKey()));
        expected.addAll(fixity.getOrDefault(contentPath, Map.of()).entrySet());
        Map<DigestAlgorithm, MessageDigest> digests = new LinkedHashMap<>();
        expected.forEach(
            e -> digests.computeIfAbsent(e.getKey(), DigestAlgorithm::getMessageDigest));
        try (InputStream in = storage.read(storagePath)) {
          for (int n; (n = in.read(buffer)) != -1; ) {
            for (MessageDigest digest : digests.values()) {
              digest.update(buffer, 0, n);
            }
          }
        } catch (OcflNoSuchFileException e) {
          continue; // the structural check has reported a missing file already
        } catch (Exception e) {
          errors.add(
              "E092: Failed to validate fixity of %s: %s".formatted(storagePath, e.getMessage()));
          continue;
        }
        Map<DigestAlgorithm, String> actual = new HashMap<>();
        digests.forEach(
            (algorithm, digest) -> actual.put(algorithm, algorithm.encode(digest.digest())));
        for (int i = 0; i < expected.size(); i++) {
          DigestAlgorithm algorithm = expected.get(i).getKey();
          String digest = expected.get(i).getValue();
          if (!digest.equalsIgnoreCase(actual.get(algorithm))) {
            errors.add(
                "%s: File %s failed %s fixity check. Expected: %s; Actual: %s"
                    .formatted(
                        i == 0 || algorithm.equals(contentAlgorithm) ? "E092" : "E093",
                        storagePath,
                        algorithm.getOcflName(),
                        digest,
                        actual.get(algorithm)));
          }
        }
      }
    }
    return Optional.of(errors);
  }

  /** Whether every version's inventory uses the root inventory's digest algorithm. */
  private boolean singleAlgorithm(String objectRoot, String algorithm) {
    String sidecar = "inventory.json." + algorithm;
    for (Listing entry : storage.listDirectory(objectRoot)) {
      if (entry.isDirectory() && entry.getRelativePath().matches("v\\d+")) {
        for (Listing file : storage.listDirectory(objectRoot + "/" + entry.getRelativePath())) {
          String name = file.getRelativePath();
          if (file.isFile() && name.startsWith("inventory.json.") && !name.equals(sidecar)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static List<String> describe(ValidationResults results) {
    return results.getErrors().stream().map(ObjectValidator::describe).toList();
  }

  static String describe(ValidationIssue issue) {
    return issue.getCode() + ": " + issue.getMessage();
  }

  /** What validation found about one object root. */
  public record ObjectCheck(String objectRoot, Optional<String> objectId, List<String> errors) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }
}
