package org.opengovdata.archive.fixity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.RecordIds;
import org.opengovdata.archive.record.Records;
import org.opengovdata.archive.record.StoredFile;
import org.opengovdata.archive.storage.IoProperties;
import org.opengovdata.archive.storage.ObjectValidator.ObjectCheck;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.archive.storage.OrderedParallel;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.jobs.JobProgress;
import org.opengovdata.common.jobs.JobRunner;
import org.opengovdata.common.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fixity audits (item 5): a job that validates every object root of the OCFL storage root with
 * ocfl-java's validator — structure, inventories, sidecars and the digest of every content file —
 * and compares each indexed version's digest with the object's inventory (an inventory rewritten
 * together with its sidecar would pass the validator, but not this). Every problem is kept ({@code
 * fixity_problem}); a record whose object fails is taken out of service (index {@code valid =
 * false}) so that every read refuses it until the object is repaired and the index rebuilt.
 *
 * <p>An object that fails is checked a second time before it is reported: a version being written
 * while the audit reads the object (version directory moved, root inventory not yet replaced) must
 * not be reported as corruption.
 */
@Service
public class FixityAudits {

  public static final String JOB_TYPE = "fixity-audit";

  /** Objects validated before their index rows are fetched (one query) and their results kept. */
  private static final int CHUNK = 256;

  private static final Logger log = LoggerFactory.getLogger(FixityAudits.class);

  /** Why an audit ran. */
  public enum Trigger {
    MANUAL,
    SCHEDULED
  }

  /** One problem an audit found. */
  public record Problem(
      String objectRoot, String objectId, UUID recordId, String code, String message) {}

  /** An audit, its job and everything it found. */
  public record Audit(
      UUID id,
      Trigger trigger,
      String requestedBy,
      Instant startedAt,
      Instant finishedAt,
      long objectsChecked,
      long objectsInvalid,
      Optional<Job> job,
      List<Problem> problems) {}

  private final JobRunner jobs;
  private final OcflStore store;
  private final Records records;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final int threads;

  FixityAudits(
      JobRunner jobs,
      OcflStore store,
      Records records,
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      IoProperties io) {
    this.jobs = jobs;
    this.store = store;
    this.records = records;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.threads = io.threads();
  }

  /**
   * Queues an audit of the whole storage root.
   *
   * @throws ApiException 409 while another audit runs
   */
  public Job start(Trigger trigger, String requestedBy) {
    Job job = jobs.submit(JOB_TYPE, requestedBy, progress -> run(progress, trigger, requestedBy));
    insertAudit(job.id(), trigger, requestedBy, job.submittedAt());
    return job;
  }

  public Optional<Audit> find(UUID id) {
    return jdbc.sql("select * from fixity_audit where id = ?")
        .param(id)
        .query(
            (rs, row) ->
                new Audit(
                    id,
                    Trigger.valueOf(rs.getString("trigger")),
                    rs.getString("requested_by"),
                    rs.getTimestamp("started_at").toInstant(),
                    Optional.ofNullable(rs.getTimestamp("finished_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null),
                    rs.getLong("objects_checked"),
                    rs.getLong("objects_invalid"),
                    jobs.find(id),
                    problems(id)))
        .optional();
  }

  private List<Problem> problems(UUID auditId) {
    return jdbc.sql(
            """
            select object_root, object_id, record_id, code, message from fixity_problem
            where audit_id = ? order by seq""")
        .param(auditId)
        .query(
            (rs, row) ->
                new Problem(
                    rs.getString("object_root"),
                    rs.getString("object_id"),
                    rs.getObject("record_id", UUID.class),
                    rs.getString("code"),
                    rs.getString("message")))
        .list();
  }

  private void insertAudit(UUID id, Trigger trigger, String requestedBy, Instant at) {
    jdbc.sql(
            """
            insert into fixity_audit (id, trigger, requested_by, started_at) values (?, ?, ?, ?)
            on conflict (id) do nothing""")
        .params(id, trigger.name(), requestedBy, Timestamp.from(at))
        .update();
  }

  void run(JobProgress progress, Trigger trigger, String requestedBy) {
    UUID auditId = progress.jobId();
    insertAudit(auditId, trigger, requestedBy, clock.instant());
    List<String> roots = new ArrayList<>();
    store.forEachObjectRoot(roots::add);
    progress.total(roots.size());
    long[] counts = {0, 0}; // checked, invalid
    int[] seq = {0};
    // objects are validated on several threads (reading and hashing overlap), a chunk at a time;
    // the index rows of a chunk's records come in one query, and what was found is recorded here,
    // in order, on the job's thread
    try {
      for (int from = 0; from < roots.size(); from += CHUNK) {
        List<Examined> chunk = new ArrayList<>();
        OrderedParallel.run(
            "fixity",
            threads,
            roots.subList(from, Math.min(roots.size(), from + CHUNK)),
            this::examine,
            (root, examined) -> chunk.add(examined));
        Map<UUID, List<IndexedDigest>> indexed =
            indexedVersions(
                chunk.stream().map(Examined::recordId).filter(Objects::nonNull).toList());
        for (Examined examined : chunk) {
          List<Problem> found = problems(examined, indexed);
          String root = examined.check().objectRoot();
          if (!found.isEmpty()) {
            counts[1]++;
            for (Problem problem : found) {
              insertProblem(auditId, ++seq[0], problem);
              progress.problem(
                  "%s (%s): %s %s"
                      .formatted(
                          problem.objectId() == null ? root : problem.objectId(),
                          problem.recordId() == null ? "no record" : "record " + problem.recordId(),
                          problem.code() == null ? "" : problem.code(),
                          problem.message()));
            }
            takeOutOfService(found);
          }
          counts[0]++;
          progress.advance(1);
        }
        updateCounts(auditId, counts[0], counts[1], null);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    long checked = counts[0];
    long invalid = counts[1];
    updateCounts(auditId, checked, invalid, clock.instant());
    audit.recordSystem(
        "fixity.audited",
        null,
        "audit %s (%s, by %s): %d objects checked, %d failed"
            .formatted(auditId, trigger, requestedBy, checked, invalid));
    log.info("Fixity audit {}: {} objects checked, {} failed", auditId, checked, invalid);
  }

  /** A version's content digest as the index recorded it when the version was archived. */
  private record IndexedDigest(
      int version, String contentPath, String digestAlgorithm, String digest) {}

  /** What a pool thread found out about one object root: its validation and its files. */
  private record Examined(
      ObjectCheck check, UUID recordId, Map<Integer, List<StoredFile>> files, String unreadable) {}

  /** Validates one object root (twice if it fails) and reads its inventory's files. */
  private Examined examine(String root) {
    ObjectCheck check = store.check(root);
    if (!check.valid()) {
      check = store.check(root); // a write in progress may have been seen half-way
    }
    String objectId = check.objectId().orElse(null);
    UUID recordId = objectId == null ? null : RecordIds.recordId(objectId);
    if (!check.valid() || objectId == null) {
      return new Examined(check, recordId, Map.of(), null);
    }
    try {
      return new Examined(check, recordId, records.files(objectId), null);
    } catch (RuntimeException e) {
      return new Examined(check, recordId, Map.of(), e.getMessage());
    }
  }

  /**
   * Every version the index holds of each of {@code recordIds} whose record is in service (one
   * query for a chunk of objects, not three per object).
   */
  private Map<UUID, List<IndexedDigest>> indexedVersions(List<UUID> recordIds) {
    Map<UUID, List<IndexedDigest>> versions = new HashMap<>();
    if (recordIds.isEmpty()) {
      return versions;
    }
    jdbc.sql(
            """
            select v.record_id, v.version, v.content_path, v.digest_algorithm, v.digest
            from record r join record_version v on v.record_id = r.id
            where r.valid and r.id = any (?) order by v.record_id, v.version""")
        .param(recordIds.toArray(UUID[]::new))
        .query(
            rs -> {
              versions
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new IndexedDigest(
                          rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            });
    return versions;
  }

  /** The problems of one examined object root; empty when it is sound. */
  private static List<Problem> problems(Examined examined, Map<UUID, List<IndexedDigest>> index) {
    ObjectCheck check = examined.check();
    String root = check.objectRoot();
    String objectId = check.objectId().orElse(null);
    UUID recordId = examined.recordId();
    List<Problem> problems = new ArrayList<>();
    for (String error : check.errors()) {
      int colon = error.indexOf(": ");
      boolean coded = colon > 0 && colon < 12;
      problems.add(
          new Problem(
              root,
              objectId,
              recordId,
              coded ? error.substring(0, colon) : null,
              coded ? error.substring(colon + 2) : error));
    }
    if (problems.isEmpty() && recordId != null && index.containsKey(recordId)) {
      problems.addAll(compareWithIndex(examined, objectId, index.get(recordId)));
    }
    return problems;
  }

  /** The digests the index recorded at write time must still be the inventory's. */
  private static List<Problem> compareWithIndex(
      Examined examined, String objectId, List<IndexedDigest> indexed) {
    String root = examined.check().objectRoot();
    UUID recordId = examined.recordId();
    if (examined.unreadable() != null) {
      return List.of(new Problem(root, objectId, recordId, "READ", examined.unreadable()));
    }
    List<Problem> problems = new ArrayList<>();
    for (IndexedDigest version : indexed) {
      if (version.contentPath() == null || version.digest() == null) {
        continue;
      }
      Optional<StoredFile> stored =
          examined.files().getOrDefault(version.version(), List.of()).stream()
              .filter(f -> f.path().equals(version.contentPath()))
              .findFirst();
      if (stored.isEmpty()) {
        problems.add(
            new Problem(
                root,
                objectId,
                recordId,
                "INDEX",
                "version %d: the inventory has no file %s"
                    .formatted(version.version(), version.contentPath())));
      } else if (!version.digest().equalsIgnoreCase(stored.get().digest())) {
        problems.add(
            new Problem(
                root,
                objectId,
                recordId,
                "INDEX",
                "version %d: %s has %s digest %s in the inventory but %s when it was archived"
                    .formatted(
                        version.version(),
                        version.contentPath(),
                        version.digestAlgorithm(),
                        stored.get().digest(),
                        version.digest())));
      }
    }
    return problems;
  }

  private void takeOutOfService(List<Problem> problems) {
    UUID recordId = problems.get(0).recordId();
    if (recordId == null) {
      return;
    }
    List<String> messages =
        problems.stream()
            .map(p -> "fixity: " + (p.code() == null ? "" : p.code() + ": ") + p.message())
            .limit(20)
            .toList();
    if (records.markInvalid(recordId, messages)) {
      log.error(
          "INTEGRITY ALERT: fixity audit found object {} of record {} broken: {}",
          problems.get(0).objectId(),
          recordId,
          messages.get(0));
      audit.recordSystem("integrity.failure", recordId, "fixity audit: " + messages.get(0));
    }
  }

  private void insertProblem(UUID auditId, int seq, Problem problem) {
    jdbc.sql(
            """
            insert into fixity_problem (audit_id, seq, object_root, object_id, record_id, code,
              message) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            auditId,
            seq,
            problem.objectRoot(),
            problem.objectId(),
            problem.recordId(),
            problem.code(),
            problem.message())
        .update();
  }

  private void updateCounts(UUID auditId, long checked, long invalid, Instant finished) {
    jdbc.sql(
            """
            update fixity_audit set objects_checked = ?, objects_invalid = ?, finished_at = ?
            where id = ?""")
        .params(checked, invalid, finished == null ? null : Timestamp.from(finished), auditId)
        .update();
  }
}
