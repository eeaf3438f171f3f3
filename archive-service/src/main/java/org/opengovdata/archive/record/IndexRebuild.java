package org.opengovdata.archive.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.VersionReader.IndexedObject;
import org.opengovdata.archive.storage.IoProperties;
import org.opengovdata.archive.storage.ObjectValidator.ObjectCheck;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.archive.storage.OrderedParallel;
import org.opengovdata.common.jobs.JobProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recreates the query index from the OCFL storage root alone, as Fedora 6 does: every object root
 * is validated (ocfl-java's validator, content digests included) and read; then, in one
 * transaction, the old index is replaced — readers see the old index until the new one commits.
 * Writes are refused while it runs ({@link IndexLock}). Objects that fail validation are indexed as
 * invalid, so they are listed but never served; objects of disposed records are skipped.
 *
 * <p>{@code policy_capture} (which policy version each captured record holds) is derived from the
 * objects too: a captured version's {@code metadata.json} names its source, {@code
 * catalog:policies/<policy id>@<policy version>} ({@code PolicyCapture}), so each record whose head
 * metadata names a policy gets that row again. Rows of disposed records (no object left to read
 * them from) are kept: they keep a destroyed policy record from being captured anew.
 */
@Component
public class IndexRebuild {

  public static final String JOB_TYPE = "index-rebuild";

  /** The source reference of a captured policy version, as {@code PolicyCapture} writes it. */
  static final Pattern CAPTURED_POLICY =
      Pattern.compile("catalog:policies/([0-9a-fA-F-]{36})@(\\d{1,18})");

  private final OcflStore store;
  private final VersionReader reader;
  private final RecordIndex index;
  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final Clock clock;
  private final int threads;

  IndexRebuild(
      OcflStore store,
      VersionReader reader,
      RecordIndex index,
      DataSource dataSource,
      JdbcClient jdbc,
      TransactionTemplate tx,
      AuditLog audit,
      Clock clock,
      IoProperties io) {
    this.store = store;
    this.reader = reader;
    this.index = index;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
    this.threads = io.threads();
  }

  public void run(JobProgress progress) throws SQLException {
    try (Connection lock = dataSource.getConnection()) {
      IndexLock.enterRebuild(lock);
      try {
        rebuild(progress);
      } finally {
        IndexLock.leaveRebuild(lock);
      }
    }
  }

  private void rebuild(JobProgress progress) {
    List<String> roots = new ArrayList<>();
    store.forEachObjectRoot(roots::add);
    progress.total(roots.size());
    Set<UUID> disposed =
        Set.copyOf(jdbc.sql("select record_id from tombstone").query(UUID.class).list());
    List<IndexedObject> objects = new ArrayList<>();
    int[] invalid = {0};
    try {
      // validated on several threads, indexed in order on this one
      OrderedParallel.run(
          "index-rebuild",
          threads,
          roots,
          store::check,
          (root, check) -> {
            Optional<IndexedObject> object = index(check, disposed, progress);
            object.ifPresent(objects::add);
            if (object.isPresent() && !object.get().record().valid()) {
              invalid[0]++;
            }
            progress.advance(1);
          });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Map<UUID, RetentionClass> extended = retentionExtensions();
    int invalidCount = invalid[0];
    int valid = objects.size() - invalidCount;
    int skipped = roots.size() - objects.size();
    tx.executeWithoutResult(
        status -> {
          index.deleteAll();
          for (IndexedObject object : objects) {
            index.upsert(withRetention(object.record(), extended.get(object.record().id())));
            object.versions().forEach(index::upsertVersion);
          }
          int captured = recapturePolicies(objects);
          audit.recordSystem(
              "index.rebuilt",
              null,
              "job %s: %d object roots, %d indexed, %d indexed as invalid, %d skipped; %d captured policies"
                  .formatted(
                      progress.jobId(), roots.size(), valid, invalidCount, skipped, captured));
        });
  }

  private Optional<IndexedObject> index(
      ObjectCheck check, Set<UUID> disposed, JobProgress progress) {
    if (check.objectId().isEmpty()) {
      progress.problem(
          "%s: skipped, no readable object id (%s)"
              .formatted(check.objectRoot(), String.join("; ", check.errors())));
      return Optional.empty();
    }
    String objectId = check.objectId().get();
    UUID recordId = RecordIds.recordId(objectId);
    if (disposed.contains(recordId)) {
      progress.problem(
          "%s: record %s was disposed but its object is still in storage; purge it"
              .formatted(objectId, recordId));
      return Optional.empty();
    }
    boolean placed;
    try {
      placed = store.contains(objectId);
    } catch (RuntimeException e) {
      // ocfl-java refuses to open some broken objects at all (e.g. an md5 inventory sidecar)
      placed = true;
    }
    if (!placed) {
      progress.problem(
          "%s: object %s is not where the storage layout puts it; skipped"
              .formatted(check.objectRoot(), objectId));
      return Optional.empty();
    }
    if (!check.valid()) {
      progress.problem(
          "%s: invalid, never served — %s".formatted(objectId, String.join("; ", check.errors())));
    }
    try {
      IndexedObject read = reader.read(objectId);
      return Optional.of(
          check.valid() ? read : invalid(read.record(), check.errors(), read.versions()));
    } catch (RuntimeException e) {
      if (check.valid()) {
        progress.problem("%s: unreadable — %s".formatted(objectId, e.getMessage()));
      }
      List<String> errors = new ArrayList<>(check.errors());
      errors.add("unreadable: " + e.getMessage());
      ArchiveRecord record =
          new ArchiveRecord(
              recordId,
              objectId,
              new RecordMetadata(
                  objectId,
                  null,
                  null,
                  null,
                  RetentionClass.PERMANENT,
                  null,
                  null,
                  Access.RESTRICTED),
              0,
              false,
              false,
              errors,
              clock.instant(),
              clock.instant());
      return Optional.of(new IndexedObject(record, List.of()));
    }
  }

  private static IndexedObject invalid(
      ArchiveRecord record, List<String> errors, List<ArchiveVersion> versions) {
    return new IndexedObject(
        new ArchiveRecord(
            record.id(),
            record.objectId(),
            record.metadata(),
            record.headVersion(),
            false,
            false,
            errors,
            record.createdAt(),
            record.updatedAt()),
        versions);
  }

  /**
   * Recreates {@code policy_capture} from the objects: for each policy, the record whose head
   * metadata names the newest version of it. Rows of disposed records stay as they are.
   *
   * @return the rows written
   */
  private int recapturePolicies(List<IndexedObject> objects) {
    record Captured(UUID policyId, long policyVersion, ArchiveRecord record) {}
    jdbc.sql("delete from policy_capture where record_id not in (select record_id from tombstone)")
        .update();
    List<Captured> captured = new ArrayList<>();
    for (IndexedObject object : objects) {
      ArchiveRecord record = object.record();
      String source = record.metadata().sourceReference();
      Matcher m = source == null ? null : CAPTURED_POLICY.matcher(source);
      if (m != null && m.matches() && record.headVersion() > 0) {
        try {
          captured.add(
              new Captured(UUID.fromString(m.group(1)), Long.parseLong(m.group(2)), record));
        } catch (IllegalArgumentException e) {
          // not a UUID after all: not a captured policy
        }
      }
    }
    // the newest version of a policy first: it wins when two records name the same policy
    captured.sort(Comparator.comparingLong(Captured::policyVersion).reversed());
    int written = 0;
    for (Captured c : captured) {
      written +=
          jdbc.sql(
                  """
                  insert into policy_capture (policy_id, record_id, policy_version,
                    archive_version, captured_at) values (?, ?, ?, ?, ?) on conflict do nothing""")
              .params(
                  c.policyId(),
                  c.record().id(),
                  c.policyVersion(),
                  c.record().headVersion(),
                  Timestamp.from(c.record().updatedAt()))
              .update();
    }
    return written;
  }

  /** Retention raised by appraisal lives in the database, not in the objects: apply it again. */
  private Map<UUID, RetentionClass> retentionExtensions() {
    Map<UUID, RetentionClass> latest = new HashMap<>();
    jdbc.sql("select record_id, to_class from retention_change order by id")
        .query(
            rs -> {
              latest.put(
                  rs.getObject("record_id", UUID.class),
                  RetentionClass.valueOf(rs.getString("to_class")));
            });
    return latest.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static ArchiveRecord withRetention(ArchiveRecord record, RetentionClass extended) {
    if (extended == null || !record.metadata().retentionClass().isExtendedBy(extended)) {
      return record;
    }
    return new ArchiveRecord(
        record.id(),
        record.objectId(),
        record.metadata().withRetention(extended),
        record.headVersion(),
        record.onHold(),
        record.valid(),
        record.problems(),
        record.createdAt(),
        record.updatedAt());
  }
}
