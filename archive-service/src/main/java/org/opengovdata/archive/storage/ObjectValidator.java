package org.opengovdata.archive.storage;

import io.ocfl.api.model.ValidationIssue;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.core.storage.common.Storage;
import io.ocfl.core.validation.Validator;
import java.security.Security;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates an object root with ocfl-java's validator — structure, inventories, sidecars and every
 * content digest — and reads the object's id when its inventory allows, so that even a broken
 * object can be named in a report.
 */
public class ObjectValidator {

  private static final int MAX_ERRORS = 100;

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
      ValidationResults results = new Validator(storage).validateObject(objectRoot, true);
      errors =
          results.getErrors().stream().map(ObjectValidator::describe).limit(MAX_ERRORS).toList();
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

  private static String describe(ValidationIssue issue) {
    return issue.getCode() + ": " + issue.getMessage();
  }

  /** What validation found about one object root. */
  public record ObjectCheck(String objectRoot, Optional<String> objectId, List<String> errors) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }
}
