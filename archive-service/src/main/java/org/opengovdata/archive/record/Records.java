package org.opengovdata.archive.record;

import io.ocfl.api.exception.ObjectOutOfSyncException;
import io.ocfl.api.model.VersionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.outbox.OutboxEvents;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.opengovdata.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The records feature: archive a document, add versions, find and read records. Every write puts a
 * whole OCFL version first and then, in one database transaction, its index rows, its audit entry
 * and its outbox event; if that transaction fails, the OCFL version is undone, so storage and index
 * never disagree for long (and a rebuild would repair them anyway).
 */
@Service
public class Records {

  private static final Logger log = LoggerFactory.getLogger(Records.class);

  private final RecordIndex index;
  private final OcflStore store;
  private final Uploads uploads;
  private final VersionReader reader;
  private final IndexLock indexLock;
  private final AuditLog audit;
  private final OutboxEvents outbox;
  private final TransactionTemplate tx;
  private final WriteIntents intents;

  Records(
      RecordIndex index,
      OcflStore store,
      Uploads uploads,
      VersionReader reader,
      IndexLock indexLock,
      AuditLog audit,
      OutboxEvents outbox,
      TransactionTemplate tx,
      WriteIntents intents) {
    this.index = index;
    this.store = store;
    this.uploads = uploads;
    this.reader = reader;
    this.indexLock = indexLock;
    this.audit = audit;
    this.outbox = outbox;
    this.tx = tx;
    this.intents = intents;
  }

  public ArchiveRecord create(RecordMetadata submitted, MultipartFile file) {
    return create(
        UUID.randomUUID(), submitted, file, Caller.current().orElseThrow(), "archived", v -> {});
  }

  /**
   * Archives a document as a new record {@code id} for {@code caller} (the request's caller, or the
   * archive itself capturing a policy); {@code alsoInTransaction} runs inside the transaction that
   * indexes the first version, so what it writes commits with it or not at all.
   */
  public ArchiveRecord create(
      UUID id,
      RecordMetadata submitted,
      MultipartFile file,
      Caller caller,
      String message,
      Consumer<ArchiveVersion> alsoInTransaction) {
    String objectId = RecordIds.objectId(id);
    RecordMetadata metadata =
        new RecordMetadata(
            submitted.title().strip(),
            DocumentNumberLookup.canonical(submitted.documentNumber()),
            blankToNull(submitted.issuer()),
            submitted.documentDate(),
            submitted.retentionClass(),
            blankToNull(submitted.series()),
            blankToNull(submitted.sourceReference()),
            submitted.access() == null ? Access.PUBLIC : submitted.access());
    AtomicInteger written = new AtomicInteger();
    UUID intent = null;
    try (Uploads.Staged staged = uploads.stage(file, id, metadata)) {
      intent = intents.begin(objectId, id, 0);
      UUID fulfilled = intent;
      return tx.execute(
          status -> {
            indexLock.enterWrite();
            written.set(
                store.writeVersion(objectId, 0, staged.dir(), versionInfo(caller, message)));
            intents.fulfil(fulfilled);
            ArchiveVersion version = reader.indexedVersion(id, objectId, written.get());
            ArchiveRecord record =
                new ArchiveRecord(
                    id,
                    objectId,
                    metadata,
                    version.version(),
                    false,
                    true,
                    List.of(),
                    version.created(),
                    version.created());
            index.upsert(record);
            index.upsertVersion(version);
            audit.recordAs(
                caller.subject(),
                roles(caller),
                "record.created",
                id,
                "v%d %s %s:%s"
                    .formatted(
                        version.version(),
                        version.content().path(),
                        version.digestAlgorithm(),
                        version.digest()));
            outbox.record(PlatformEvent.ARCHIVE_VERSION_CREATED, id.toString(), version.version());
            alsoInTransaction.accept(version);
            return record;
          });
    } catch (RuntimeException e) {
      if (written.get() > 0) {
        compensate(() -> store.purge(objectId), objectId, intent, e);
      } else if (intent != null && e instanceof ApiException) {
        intents.drop(intent); // refused before the OCFL write; anything else is left to recovery
      }
      throw e;
    } finally {
      if (intent != null) {
        intents.end(intent);
      }
    }
  }

  public ArchiveVersion addVersion(UUID id, MultipartFile file, String changeNote) {
    return addVersion(
        id, file, changeNote, Caller.current().orElseThrow(), UnaryOperator.identity(), v -> {});
  }

  /**
   * Adds a version for {@code caller}; {@code metadataChange} may give the new version other
   * descriptive metadata (its {@code metadata.json} and the index follow the head version), and
   * {@code alsoInTransaction} runs inside the transaction that indexes it.
   */
  public ArchiveVersion addVersion(
      UUID id,
      MultipartFile file,
      String changeNote,
      Caller caller,
      UnaryOperator<RecordMetadata> metadataChange,
      Consumer<ArchiveVersion> alsoInTransaction) {
    ArchiveRecord current = require(id);
    AtomicInteger written = new AtomicInteger();
    UUID intent = null;
    try (Uploads.Staged staged =
        uploads.stage(file, id, metadataChange.apply(current.metadata()))) {
      intent = intents.begin(current.objectId(), id, current.headVersion());
      UUID fulfilled = intent;
      return tx.execute(
          status -> {
            indexLock.enterWrite();
            ArchiveRecord locked = index.lock(id).orElseThrow(() -> goneOrNotFound(id));
            requireValid(locked);
            int head = locked.headVersion();
            if (head != current.headVersion()) {
              throw ApiException.conflict(
                  "Record %s changed while this version was uploaded; send it again."
                      .formatted(id));
            }
            try {
              written.set(
                  store.writeVersion(
                      locked.objectId(), head, staged.dir(), versionInfo(caller, changeNote)));
            } catch (ObjectOutOfSyncException e) {
              throw ApiException.conflict(
                  "Record %s changed while this version was uploaded; send it again."
                      .formatted(id));
            }
            intents.fulfil(fulfilled);
            ArchiveVersion version = reader.indexedVersion(id, locked.objectId(), written.get());
            index.upsert(
                new ArchiveRecord(
                    id,
                    locked.objectId(),
                    metadataChange.apply(locked.metadata()),
                    version.version(),
                    locked.onHold(),
                    true,
                    List.of(),
                    locked.createdAt(),
                    version.created()));
            index.upsertVersion(version);
            audit.recordAs(
                caller.subject(),
                roles(caller),
                "version.created",
                id,
                "v%d %s %s:%s — %s"
                    .formatted(
                        version.version(),
                        version.content().path(),
                        version.digestAlgorithm(),
                        version.digest(),
                        changeNote));
            outbox.record(PlatformEvent.ARCHIVE_VERSION_CREATED, id.toString(), version.version());
            alsoInTransaction.accept(version);
            return version;
          });
    } catch (RuntimeException e) {
      int previous = written.get() - 1;
      if (previous > 0) {
        compensate(
            () -> store.rollbackTo(current.objectId(), previous), current.objectId(), intent, e);
      } else if (intent != null && e instanceof ApiException) {
        intents.drop(intent); // refused before the OCFL write; anything else is left to recovery
      }
      throw e;
    } finally {
      if (intent != null) {
        intents.end(intent);
      }
    }
  }

  /**
   * Raises the retention class after appraisal (鉴定). Retention is never shortened: an equal or
   * lower class is a 409.
   */
  public ArchiveRecord extendRetention(UUID id, RetentionClass to, String reason) {
    return tx.execute(
        status -> {
          indexLock.enterWrite();
          ArchiveRecord record = index.lock(id).orElseThrow(() -> goneOrNotFound(id));
          RetentionClass from = record.metadata().retentionClass();
          if (!from.isExtendedBy(to)) {
            throw ApiException.conflict(
                "Retention may be extended, never shortened: record %s is kept %s, and %s is not longer."
                    .formatted(id, from, to));
          }
          String who = Caller.current().map(Caller::subject).orElseThrow();
          index.insertRetentionChange(id, from, to, reason, who);
          index.updateRetention(
              id, to, to.dispositionDate(record.metadata().documentDate()).orElse(null));
          audit.record("retention.extended", id, "%s → %s: %s".formatted(from, to, reason));
          return index.find(id).orElseThrow();
        });
  }

  /**
   * Removes a disposed record from the index, inside the disposition's transaction. The OCFL object
   * is purged with {@link #purgeObject} once that transaction has committed.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void removeFromIndex(UUID id) {
    indexLock.enterWrite();
    index.delete(id);
  }

  /**
   * Takes a record out of service because its object failed a fixity audit: every read answers
   * {@code integrity-failure} until the object is repaired and the index rebuilt.
   *
   * @return whether the record is in the index
   */
  public boolean markInvalid(UUID id, List<String> problems) {
    return index.markInvalid(id, problems) > 0;
  }

  public void purgeObject(String objectId) {
    store.purge(objectId);
  }

  /**
   * The record if it exists and the caller may read it; 404, 410 (tombstone), 401/403 otherwise.
   */
  public ArchiveRecord readable(UUID id) {
    ArchiveRecord record = require(id);
    if (record.restricted() && !isArchivist()) {
      throw new AccessDeniedException("restricted record");
    }
    return record;
  }

  /** The indexed record, if any, whatever its access and validity. */
  public Optional<ArchiveRecord> indexed(UUID id) {
    return index.find(id);
  }

  /** The record whatever its access; 404 or 410 when there is none. */
  public ArchiveRecord require(UUID id) {
    return index.find(id).orElseThrow(() -> goneOrNotFound(id));
  }

  private ApiException goneOrNotFound(UUID id) {
    return index.tombstone(id).map(RecordGone::of).orElseGet(() -> notFound(id));
  }

  /** The record of a content read: refused (500, integrity-failure) when its object is invalid. */
  public void requireValid(ArchiveRecord record) {
    if (!record.valid()) {
      throw IntegrityFailure.invalidObject(record);
    }
  }

  public long count(RecordFilter filter) {
    return index.count(filter);
  }

  public List<ArchiveRecord> page(RecordFilter filter, PageRequest page) {
    return index.page(filter, page);
  }

  @Transactional(readOnly = true)
  public void forEach(RecordFilter filter, Consumer<ArchiveRecord> sink) {
    index.forEach(filter, sink);
  }

  public long countVersions(UUID id) {
    return index.countVersions(id);
  }

  public List<ArchiveVersion> versions(UUID id, PageRequest page) {
    return index.versions(id, page);
  }

  public List<ArchiveVersion> allVersions(UUID id) {
    return index.allVersions(id);
  }

  public ArchiveVersion version(UUID id, int version) {
    return index
        .version(id, version)
        .orElseThrow(
            () -> ApiException.notFound("Record %s has no version %d.".formatted(id, version)));
  }

  public Optional<ArchiveVersion> versionAt(UUID id, Instant instant) {
    return index.versionAt(id, instant);
  }

  /** Every file of each version of the record, with its digest, from the OCFL inventory. */
  public java.util.Map<Integer, List<StoredFile>> files(ArchiveRecord record) {
    return files(record.objectId());
  }

  /** Every file of each version of the object, with its digest, from the OCFL inventory. */
  public java.util.Map<Integer, List<StoredFile>> files(String objectId) {
    var details = store.describe(objectId);
    String algorithm = details.getDigestAlgorithm().getOcflName();
    java.util.Map<Integer, List<StoredFile>> files = new java.util.HashMap<>();
    details
        .getVersionMap()
        .forEach(
            (number, version) ->
                files.put(
                    Math.toIntExact(number.getVersionNum()),
                    version.getFiles().stream()
                        .map(
                            f ->
                                new StoredFile(
                                    f.getPath(),
                                    algorithm,
                                    f.getFixity().get(details.getDigestAlgorithm())))
                        .sorted(java.util.Comparator.comparing(StoredFile::path))
                        .toList()));
    return files;
  }

  /** Whether the current caller holds the archivist role. */
  public static boolean isArchivist() {
    return Caller.current().map(c -> c.roles().contains(Role.ARCHIVIST)).orElse(false);
  }

  private static ApiException notFound(UUID id) {
    return ApiException.notFound("No record %s in the archive.".formatted(id));
  }

  private static String roles(Caller caller) {
    return String.join(",", caller.roles().stream().map(Role::claimValue).toList());
  }

  private static VersionInfo versionInfo(Caller caller, String message) {
    String role = caller.roles().contains(Role.ARCHIVIST) ? "archivist" : caller.roles().toString();
    return new VersionInfo()
        .setUser(caller.subject() + " (" + role + ")", "urn:opendata:api-key:" + caller.subject())
        .setMessage(message);
  }

  private void compensate(Runnable undo, String objectId, UUID intent, RuntimeException cause) {
    try {
      undo.run();
      intents.drop(intent);
      log.warn(
          "Undid the OCFL write to {} after the index refused it: {}",
          objectId,
          cause.getMessage());
    } catch (RuntimeException e) {
      log.error(
          "OCFL object {} has a version the index does not; write-intent recovery undoes it",
          objectId,
          e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
