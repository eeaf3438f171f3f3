package org.opengovdata.archive.storage;

import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.exception.NotFoundException;
import io.ocfl.api.model.ObjectDetails;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersionFile;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.api.model.VersionNum;
import io.ocfl.core.storage.common.OcflObjectRootDirIterator;
import io.ocfl.core.storage.common.Storage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive's only door to the OCFL storage root: writes whole versions (ocfl-java stages them
 * and moves them into place atomically, so a crash leaves no half version), reads files with their
 * inventory digests, purges objects, and walks and validates every object root.
 */
@Component
public class OcflStore {

  private final OcflRepository ocfl;
  private final Storage storage;
  private final ObjectValidator validator;

  OcflStore(OcflRepository ocfl, Storage storage, JsonMapper json) {
    this.ocfl = ocfl;
    this.storage = storage;
    this.validator = new ObjectValidator(storage, json);
  }

  /**
   * Writes the files of {@code staged} as the next version of {@code objectId}, moving them.
   *
   * @param expectedHead the version the caller saw as head, 0 for a new object; another writer
   *     having moved the head makes ocfl-java refuse ({@code ObjectOutOfSyncException})
   * @return the number of the new version
   */
  public int writeVersion(String objectId, int expectedHead, Path staged, VersionInfo info) {
    ObjectVersionId target =
        expectedHead == 0
            ? ObjectVersionId.head(objectId)
            : ObjectVersionId.version(objectId, VersionNum.fromInt(expectedHead));
    return Math.toIntExact(
        ocfl.putObject(target, staged, info, OcflOption.MOVE_SOURCE)
            .getVersionNum()
            .getVersionNum());
  }

  public boolean contains(String objectId) {
    return ocfl.containsObject(objectId);
  }

  public ObjectDetails describe(String objectId) {
    return ocfl.describeObject(objectId);
  }

  /** A file of a version, whose stream checks the inventory digest; empty if there is none. */
  public Optional<OcflObjectVersionFile> file(String objectId, int version, String logicalPath) {
    try {
      var objectVersion =
          ocfl.getObject(ObjectVersionId.version(objectId, VersionNum.fromInt(version)));
      return objectVersion.containsFile(logicalPath)
          ? Optional.of(objectVersion.getFile(logicalPath))
          : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Removes the object and every version of it from the storage root (disposition). */
  public void purge(String objectId) {
    ocfl.purgeObject(objectId);
  }

  /** Undoes the versions after {@code version} (only to compensate a write the index refused). */
  public void rollbackTo(String objectId, int version) {
    ocfl.rollbackToVersion(ObjectVersionId.version(objectId, VersionNum.fromInt(version)));
  }

  /** Calls {@code sink} with the storage-relative path of every object root, whatever its state. */
  public void forEachObjectRoot(Consumer<String> sink) {
    try (OcflObjectRootDirIterator roots = storage.iterateObjects()) {
      roots.forEachRemaining(sink);
    }
  }

  /** Validates the object at {@code objectRoot}, content digests included. */
  public ObjectValidator.ObjectCheck check(String objectRoot) {
    return validator.check(objectRoot);
  }
}
