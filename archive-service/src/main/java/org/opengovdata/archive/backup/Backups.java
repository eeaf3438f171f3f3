package org.opengovdata.archive.backup;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.IndexRebuild;
import org.opengovdata.archive.record.RecordIds;
import org.opengovdata.archive.storage.IoProperties;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.archive.storage.OcflStore.BagFile;
import org.opengovdata.archive.storage.OcflStore.ObjectSnapshot;
import org.opengovdata.archive.storage.OrderedParallel;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.jobs.JobProgress;
import org.opengovdata.common.jobs.JobRunner;
import org.opengovdata.common.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups (item 6) as BagIt bags (RFC 8493, the Library of Congress's {@code gov.loc:bagit}).
 *
 * <p>A backup is a job that copies every OCFL object whose root inventory changed since the last
 * successful backup (incremental: the first one copies everything), the storage root's own files,
 * and a full snapshot of the management records — retention changes, holds, dispositions,
 * tombstones, the destruction register and the audit log — into a bag with sha512 manifests,
 * written under a {@code .partial} name and renamed when complete, to every configured target. Bag
 * layout: {@code data/backup.json} (this backup, its predecessor, the objects it holds), {@code
 * data/ocfl-root/}, {@code data/objects/<object root>/}, {@code data/management/<table>.json}.
 * {@code bag-info.txt} names the backup and its predecessor, so the chain can be followed from the
 * bags alone — which is what restore does, into an empty archive.
 */
@Service
public class Backups {

  public static final String BACKUP_JOB = "backup";
  public static final String RESTORE_JOB = "restore";

  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  private static final String NONE = "none";
  private static final String PARTIAL = ".partial";

  /** Management tables in restore order (foreign keys), each with its ordering column. */
  private static final Map<String, String> MANAGEMENT = new LinkedHashMap<>();

  static {
    MANAGEMENT.put("retention_change", "id");
    MANAGEMENT.put("legal_hold", "placed_at, id");
    MANAGEMENT.put("disposition", "proposed_at, id");
    MANAGEMENT.put("disposition_record", "disposition_id, record_id");
    MANAGEMENT.put("tombstone", "destroyed_at, record_id");
    MANAGEMENT.put("destruction_register", "sequence");
    MANAGEMENT.put("audit_entry", "sequence");
    // derived from the objects by the index rebuild, except the rows of disposed records (their
    // objects are gone): carried so that a restored archive does not capture them anew
    MANAGEMENT.put("policy_capture", "policy_id");
  }

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  /** A backup as recorded in the database. */
  public record Backup(
      UUID id,
      UUID previousId,
      String state,
      String requestedBy,
      Instant startedAt,
      Instant finishedAt,
      int objectsTotal,
      int objectsCopied,
      long bytesCopied,
      List<String> targets,
      String error,
      Optional<Job> job) {}

  /** What verifying one target's copy of a bag found. */
  public record TargetCheck(String target, boolean valid, String problem) {}

  /** The bag's description, as {@code data/backup.json} has it. */
  record BagManifest(UUID id, UUID previousId, Instant startedAt, List<ObjectSnapshot> objects) {}

  private final BackupProperties properties;
  private final OcflStore store;
  private final JobRunner jobs;
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final IndexRebuild rebuild;
  private final JsonMapper json;
  private final Clock clock;
  private final int threads;

  Backups(
      BackupProperties properties,
      OcflStore store,
      JobRunner jobs,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      TransactionTemplate tx,
      AuditLog audit,
      IndexRebuild rebuild,
      JsonMapper json,
      Clock clock,
      IoProperties io) {
    this.properties = properties;
    this.store = store;
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.tx = tx;
    this.audit = audit;
    this.rebuild = rebuild;
    this.json = json;
    this.clock = clock;
    this.threads = io.threads();
  }

  /**
   * One object's part of the bag: its files (none: unchanged since the last backup), or why it is
   * left out.
   */
  private record ObjectPlan(
      Optional<ObjectSnapshot> snapshot, List<BagFile> files, String failure) {}

  // ---------------------------------------------------------------------------------- backup

  public Job startBackup(String requestedBy) {
    requireTargets();
    Job job = jobs.submit(BACKUP_JOB, requestedBy, progress -> backup(progress, requestedBy));
    insertBackup(job.id(), requestedBy, job.submittedAt());
    return job;
  }

  private void insertBackup(UUID id, String requestedBy, Instant at) {
    jdbc.sql(
            """
            insert into backup (id, state, requested_by, started_at, targets)
            values (?, 'RUNNING', ?, ?, ?) on conflict (id) do nothing""")
        .params(
            id,
            requestedBy,
            Timestamp.from(at),
            String.join("\n", properties.targets().stream().map(Path::toString).toList()))
        .update();
  }

  private void backup(JobProgress progress, String requestedBy) throws Exception {
    UUID id = progress.jobId();
    insertBackup(id, requestedBy, clock.instant());
    List<Path> staged = new ArrayList<>();
    try {
      Optional<UUID> previous =
          jdbc.sql(
                  """
                  select id from backup where state = 'SUCCEEDED'
                  order by finished_at desc limit 1""")
              .query(UUID.class)
              .optional();
      Map<String, String> held = new HashMap<>();
      jdbc.sql(
              """
              select distinct on (o.object_id) o.object_id, o.inventory_digest
              from backup_object o join backup b on b.id = o.backup_id
              where b.state = 'SUCCEEDED'
              order by o.object_id, b.finished_at desc""")
          .query(
              rs -> {
                held.put(rs.getString(1), rs.getString(2));
              });
      long planning = System.nanoTime();
      List<String> roots = new ArrayList<>();
      store.forEachObjectRoot(roots::add);
      progress.total(roots.size() + 1L);

      // what goes into the bag, planned first (several objects at once: listing and the small
      // files' hashing overlap), so that every digest is known before a byte is copied
      List<BagFile> payload = new ArrayList<>();
      store.planRootFiles("data/ocfl-root", payload::add);
      List<ObjectSnapshot> copied = new ArrayList<>();
      long[] copiedBytes = {0};
      OrderedParallel.run(
          "backup",
          threads,
          roots,
          root -> {
            List<BagFile> files = new ArrayList<>();
            try {
              return new ObjectPlan(
                  store.planObject(root, "data/objects/" + root, held, files::add), files, null);
            } catch (IOException | RuntimeException e) {
              return new ObjectPlan(Optional.empty(), List.of(), e.getMessage()); // left out whole
            }
          },
          (root, plan) -> {
            if (plan.failure() != null) {
              progress.problem("%s: not backed up — %s".formatted(root, plan.failure()));
            } else if (plan.snapshot().isPresent()) {
              copied.add(plan.snapshot().get());
              copiedBytes[0] += plan.snapshot().get().bytes();
              payload.addAll(plan.files());
            }
            progress.advance(1);
          });
      long bytes = copiedBytes[0];
      long managing = System.nanoTime();
      // management records after the objects: a disposition executed meanwhile is in here
      tx.executeWithoutResult(
          status -> {
            // audited first, in the snapshot's transaction: the bag holds its own audit entry
            audit.recordAs(
                requestedBy,
                "admin",
                "backup.created",
                null,
                "backup %s (after %s): %d of %d objects, %d bytes, to %s"
                    .formatted(
                        id,
                        previous.map(UUID::toString).orElse(NONE),
                        copied.size(),
                        roots.size(),
                        bytes,
                        properties.targets()));
            for (var table : MANAGEMENT.entrySet()) {
              payload.add(
                  OcflStore.captured(
                      "data/management/" + table.getKey() + ".json",
                      tableJson(table.getKey(), table.getValue())));
            }
          });
      Instant started =
          jdbc.sql("select started_at from backup where id = ?")
              .param(id)
              .query(Timestamp.class)
              .single()
              .toInstant();
      payload.add(
          OcflStore.captured(
              "data/backup.json",
              json.writeValueAsBytes(new BagManifest(id, previous.orElse(null), started, copied))));
      progress.advance(1);

      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("Source-Organization", "Open Government Data Platform archive");
      metadata.put("External-Identifier", id.toString());
      metadata.put("Backup-Id", id.toString());
      metadata.put("Previous-Backup", previous.map(UUID::toString).orElse(NONE));
      metadata.put("Backup-Started", started.toString());
      metadata.put("Bag-Count", "1 of 1");
      long writing = System.nanoTime();
      // one tar per target, written under a temporary name, forced to disk, then renamed
      Path first = properties.targets().get(0);
      Path partial = first.resolve(id + SerializedBag.SUFFIX + PARTIAL);
      staged.add(partial);
      SerializedBag.write(
          partial, id.toString(), metadata, payload, store::writeBagFile, store::localFile);
      Path done = first.resolve(id + SerializedBag.SUFFIX);
      SerializedBag.publish(partial, done);
      staged.remove(partial);
      for (Path target : properties.targets().subList(1, properties.targets().size())) {
        Path copy = target.resolve(id + SerializedBag.SUFFIX + PARTIAL);
        staged.add(copy);
        SerializedBag.copy(done, target.resolve(id + SerializedBag.SUFFIX), copy);
        staged.remove(copy);
      }
      long total = bytes;
      tx.executeWithoutResult(
          status -> {
            // one batch, not a round trip per object
            jdbcTemplate.batchUpdate(
                """
                insert into backup_object (backup_id, object_id, object_root, inventory_digest)
                values (?, ?, ?, ?)""",
                copied.stream()
                    .map(o -> new Object[] {id, o.objectId(), o.objectRoot(), o.inventoryDigest()})
                    .toList());
            jdbc.sql(
                    """
                    update backup set state = 'SUCCEEDED', previous_id = ?, finished_at = ?,
                      objects_total = ?, objects_copied = ?, bytes_copied = ? where id = ?""")
                .params(
                    previous.orElse(null),
                    Timestamp.from(clock.instant()),
                    roots.size(),
                    copied.size(),
                    total,
                    id)
                .update();
          });
      log.info(
          "Backup {}: {} of {} objects, {} files, {} bytes; objects planned in {} ms, management"
              + " records in {} ms, written in {} ms",
          id,
          copied.size(),
          roots.size(),
          payload.size(),
          bytes,
          (managing - planning) / 1_000_000,
          (writing - managing) / 1_000_000,
          (System.nanoTime() - writing) / 1_000_000);
    } catch (Exception e) {
      for (Path partial : staged) {
        deleteTree(partial);
      }
      jdbc.sql("update backup set state = 'FAILED', finished_at = ?, error = ? where id = ?")
          .params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()), id)
          .update();
      throw e;
    }
  }

  private byte[] tableJson(String table, String order) {
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.sql("select * from " + table + " order by " + order)
        .query(
            rs -> {
              Map<String, Object> row = new LinkedHashMap<>();
              var meta = rs.getMetaData();
              for (int c = 1; c <= meta.getColumnCount(); c++) {
                Object value = rs.getObject(c);
                row.put(meta.getColumnName(c), portable(value));
              }
              rows.add(row);
            });
    return json.writeValueAsBytes(rows);
  }

  /** Values as text that PostgreSQL casts back exactly (timestamps keep their microseconds). */
  private static Object portable(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return value.toString();
  }

  public Optional<Backup> find(UUID id) {
    return jdbc.sql("select * from backup where id = ?")
        .param(id)
        .query(
            (rs, row) ->
                new Backup(
                    id,
                    rs.getObject("previous_id", UUID.class),
                    rs.getString("state"),
                    rs.getString("requested_by"),
                    rs.getTimestamp("started_at").toInstant(),
                    Optional.ofNullable(rs.getTimestamp("finished_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null),
                    rs.getInt("objects_total"),
                    rs.getInt("objects_copied"),
                    rs.getLong("bytes_copied"),
                    List.of(rs.getString("targets").split("\n")),
                    rs.getString("error"),
                    jobs.find(id)))
        .optional();
  }

  // ---------------------------------------------------------------------------------- verify

  /**
   * Checks every configured target's copy of the bag against its manifests (every payload file's
   * sha512, every tag file, completeness) without restoring anything.
   */
  public List<TargetCheck> verify(UUID id, String requestedBy) {
    Backup backup =
        find(id).orElseThrow(() -> ApiException.notFound("No backup %s.".formatted(id)));
    if (!"SUCCEEDED".equals(backup.state())) {
      throw ApiException.conflict(
          "Backup %s is %s; only a finished backup has a bag to verify."
              .formatted(id, backup.state().toLowerCase()));
    }
    List<TargetCheck> checks = new ArrayList<>();
    for (String target : backup.targets()) {
      checks.add(verifyBag(Path.of(target), id));
    }
    audit.recordAs(
        requestedBy,
        "admin",
        "backup.verified",
        null,
        "backup %s: %s"
            .formatted(
                id,
                String.join(
                    "; ",
                    checks.stream()
                        .map(c -> c.target() + (c.valid() ? " valid" : " INVALID: " + c.problem()))
                        .toList())));
    return checks;
  }

  /**
   * Verifies the bag of backup {@code id} in {@code target}: a serialized bag ({@code <id>.tar}, in
   * one pass over the tar) or a bag directory ({@code <id>/}, as backups before serialized bags
   * wrote them, by the BagIt library's verifier).
   */
  private static TargetCheck verifyBag(Path target, UUID id) {
    Path tar = target.resolve(id + SerializedBag.SUFFIX);
    if (Files.isRegularFile(tar)) {
      try {
        List<String> problems = SerializedBag.verify(tar, id.toString());
        if (problems.isEmpty()) {
          return new TargetCheck(target.toString(), true, null);
        }
        // as many as fit the API's 4,000 characters
        StringBuilder shown = new StringBuilder();
        int listed = 0;
        for (String problem : problems) {
          if (listed == 0 && problem.length() > 3_500) {
            problem = problem.substring(0, 3_500) + "…";
          }
          if (shown.length() + problem.length() > 3_500) {
            break;
          }
          shown.append(listed++ == 0 ? "" : "; ").append(problem);
        }
        if (listed < problems.size()) {
          shown
              .append(listed == 0 ? "" : "; ")
              .append("%d problems in all".formatted(problems.size()));
        }
        return new TargetCheck(target.toString(), false, shown.toString());
      } catch (IOException | RuntimeException e) {
        return new TargetCheck(
            target.toString(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    Path bagDir = target.resolve(id.toString());
    if (!Files.isDirectory(bagDir)) {
      return new TargetCheck(target.toString(), false, "no bag at " + tar + " or " + bagDir);
    }
    try (BagVerifier verifier = new BagVerifier()) {
      Bag bag = new BagReader().read(bagDir);
      List<String> named = bag.getMetadata().get("Backup-Id");
      if (named == null || !named.contains(id.toString())) {
        return new TargetCheck(target.toString(), false, "the bag names another backup: " + named);
      }
      verifier.isValid(bag, false);
      return new TargetCheck(target.toString(), true, null);
    } catch (Exception e) {
      return new TargetCheck(
          target.toString(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  // --------------------------------------------------------------------------------- restore

  /**
   * Rebuilds storage and index from the chain of bags in {@code target} (one of the configured
   * targets), up to {@code upTo} (default: the newest), into an empty archive.
   */
  public Job startRestore(Path target, UUID upTo, String requestedBy) {
    Path normalized = target == null ? null : target.toAbsolutePath().normalize();
    Path source =
        normalized == null
            ? requireTargets().get(0)
            : properties.targets().stream()
                .filter(normalized::equals)
                .findFirst()
                .orElseThrow(
                    () ->
                        ApiException.invalidParameter(
                            "target",
                            "not a configured backup target (ARCHIVE_BACKUP_TARGETS): "
                                + properties.targets()));
    requireEmpty();
    return jobs.submit(
        RESTORE_JOB, requestedBy, progress -> restore(progress, source, upTo, requestedBy));
  }

  private void requireEmpty() {
    List<String> found = new ArrayList<>();
    if (!store.hasNoObjects()) {
      found.add("OCFL objects");
    }
    for (String table :
        List.of(
            "record",
            "tombstone",
            "legal_hold",
            "disposition",
            "audit_entry",
            "policy_capture",
            "backup")) {
      if (jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
        found.add(table);
      }
    }
    if (!found.isEmpty()) {
      throw ApiException.conflict(
          "Restore goes only into an empty archive; this one has "
              + String.join(", ", found)
              + ".");
    }
  }

  private record BagRef(UUID id, UUID previous, Instant started, Path dir) {}

  private void restore(JobProgress progress, Path source, UUID upTo, String requestedBy)
      throws Exception {
    Map<UUID, BagRef> bags = new HashMap<>();
    try (Stream<Path> entries = Files.list(source)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        boolean tar = Files.isRegularFile(entry) && name.endsWith(SerializedBag.SUFFIX);
        if (name.endsWith(PARTIAL) || !(tar || Files.isDirectory(entry))) {
          continue;
        }
        try {
          Map<String, String> info;
          if (tar) {
            info = SerializedBag.info(entry);
          } else {
            Bag bag = new BagReader().read(entry);
            info = new HashMap<>();
            for (String key : List.of("Backup-Id", "Previous-Backup", "Backup-Started")) {
              info.put(key, bag.getMetadata().get(key).get(0));
            }
          }
          UUID id = UUID.fromString(info.get("Backup-Id"));
          String previous = info.get("Previous-Backup");
          bags.put(
              id,
              new BagRef(
                  id,
                  NONE.equals(previous) ? null : UUID.fromString(previous),
                  Instant.parse(info.get("Backup-Started")),
                  entry));
        } catch (Exception e) {
          progress.problem(
              "%s: not a backup bag of this archive — %s".formatted(entry, e.getMessage()));
        }
      }
    }
    BagRef newest =
        upTo != null
            ? Optional.ofNullable(bags.get(upTo))
                .orElseThrow(
                    () -> new IllegalStateException("no bag of backup " + upTo + " in " + source))
            : bags.values().stream()
                .max(Comparator.comparing(BagRef::started))
                .orElseThrow(() -> new IllegalStateException("no backup bag in " + source));
    List<BagRef> chain = new ArrayList<>();
    for (BagRef bag = newest; bag != null; ) {
      chain.add(0, bag);
      UUID previous = bag.previous();
      if (previous == null) {
        break;
      }
      bag = bags.get(previous);
      if (bag == null) {
        throw new IllegalStateException(
            "the chain is broken: backup %s needs backup %s, whose bag is not in %s"
                .formatted(chain.get(0).id(), previous, source));
      }
    }
    for (BagRef bag : chain) {
      TargetCheck check = verifyBag(source, bag.id());
      if (!check.valid()) {
        throw new IllegalStateException(
            "backup %s fails verification, nothing restored: %s"
                .formatted(bag.id(), check.problem()));
      }
    }
    // serialized bags are extracted (next to them, under a name restore and backup pass over)
    // and restored from there like bag directories
    Path extracted = source.resolve("restore-" + progress.jobId() + PARTIAL);
    try {
      for (int i = 0; i < chain.size(); i++) {
        BagRef bag = chain.get(i);
        if (Files.isRegularFile(bag.dir())) {
          SerializedBag.extract(bag.dir(), extracted);
          chain.set(
              i,
              new BagRef(
                  bag.id(), bag.previous(), bag.started(), extracted.resolve(bag.id().toString())));
        }
      }
      restoreChain(progress, source, chain, requestedBy);
    } finally {
      deleteTree(extracted);
    }
  }

  private void restoreChain(
      JobProgress progress, Path source, List<BagRef> chain, String requestedBy) throws Exception {
    BagRef newest = chain.get(chain.size() - 1);
    List<BagManifest> manifests = new ArrayList<>();
    for (BagRef bag : chain) {
      manifests.add(
          json.readValue(bag.dir().resolve("data/backup.json").toFile(), BagManifest.class));
    }
    progress.total(manifests.stream().mapToLong(m -> m.objects().size()).sum() + 2);
    store.restoreRootFiles(newest.dir().resolve("data/ocfl-root"));
    for (int i = 0; i < chain.size(); i++) {
      Path objects = chain.get(i).dir().resolve("data/objects");
      for (ObjectSnapshot object : manifests.get(i).objects()) {
        store.restoreObject(objects.resolve(object.objectRoot()), object.objectRoot());
        progress.advance(1);
      }
    }
    store.forgetCaches();
    Path management = newest.dir().resolve("data/management");
    tx.executeWithoutResult(
        status -> {
          for (String table : MANAGEMENT.keySet()) {
            loadTable(table, management.resolve(table + ".json"));
          }
          for (int i = 0; i < chain.size(); i++) {
            BagManifest manifest = manifests.get(i);
            jdbc.sql(
                    """
                    insert into backup (id, previous_id, state, requested_by, started_at,
                      finished_at, objects_copied, targets)
                    values (?, ?, 'SUCCEEDED', 'restore', ?, ?, ?, ?)""")
                .params(
                    manifest.id(),
                    manifest.previousId(),
                    Timestamp.from(manifest.startedAt()),
                    Timestamp.from(manifest.startedAt()),
                    manifest.objects().size(),
                    String.join("\n", properties.targets().stream().map(Path::toString).toList()))
                .update();
            for (ObjectSnapshot object : manifest.objects()) {
              jdbc.sql(
                      """
                      insert into backup_object (backup_id, object_id, object_root,
                        inventory_digest) values (?, ?, ?, ?)""")
                  .params(
                      manifest.id(),
                      object.objectId(),
                      object.objectRoot(),
                      object.inventoryDigest())
                  .update();
            }
          }
        });
    // objects disposed after their last backup: the register says they are gone, so they are
    for (UUID disposed : jdbc.sql("select record_id from tombstone").query(UUID.class).list()) {
      store.rollBackInterrupted(RecordIds.objectId(disposed), 0);
    }
    progress.advance(1);
    rebuild.run(new QuietProgress(progress));
    progress.advance(1);
    audit.recordAs(
        requestedBy,
        "admin",
        "restore.completed",
        null,
        "restored from %s: chain %s"
            .formatted(
                source, String.join(" → ", chain.stream().map(b -> b.id().toString()).toList())));
    log.info("Restore from {}: chain of {} backup(s)", source, chain.size());
  }

  private void loadTable(String table, Path file) {
    if (!Files.exists(file)) {
      return; // a bag from before the table was backed up
    }
    List<Map<String, Object>> rows = json.readValue(file.toFile(), ROWS);
    if (rows.isEmpty()) {
      return;
    }
    Map<String, String> types = new LinkedHashMap<>();
    jdbc.sql(
            """
            select column_name, data_type from information_schema.columns
            where table_schema = current_schema() and table_name = ?""")
        .param(table)
        .query(
            rs -> {
              types.put(rs.getString(1), rs.getString(2));
            });
    // every column of the table: the JSON leaves null values out
    List<String> columns = new ArrayList<>(types.keySet());
    String sql =
        "insert into %s (%s) overriding system value values (%s)"
            .formatted(
                table,
                String.join(", ", columns),
                String.join(
                    ", ", columns.stream().map(c -> "cast(? as " + types.get(c) + ")").toList()));
    for (Map<String, Object> row : rows) {
      jdbc.sql(sql)
          .params(
              columns.stream().map(c -> row.get(c) == null ? null : row.get(c).toString()).toList())
          .update();
    }
    for (String column : columns) {
      String sequence =
          jdbc.sql("select pg_get_serial_sequence(?, ?)")
              .params(table, column)
              .query(String.class)
              .optional()
              .orElse(null);
      if (sequence != null) {
        jdbc.sql(
                "select setval(?, (select coalesce(max("
                    + column
                    + "), 0) + 1 from "
                    + table
                    + "), false)")
            .param(sequence)
            .query()
            .listOfRows();
      }
    }
  }

  private List<Path> requireTargets() {
    if (properties.targets().isEmpty()) {
      throw ApiException.conflict(
          "No backup target is configured: set ARCHIVE_BACKUP_TARGETS to one or more directories.");
    }
    return properties.targets();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The restore's progress, while the index rebuild it runs reports into it. */
  private record QuietProgress(JobProgress outer) implements JobProgress {
    @Override
    public void total(long total) {}

    @Override
    public void advance(long items) {}

    @Override
    public void problem(String description) {
      outer.problem(description);
    }

    @Override
    public UUID jobId() {
      return outer.jobId();
    }
  }
}
