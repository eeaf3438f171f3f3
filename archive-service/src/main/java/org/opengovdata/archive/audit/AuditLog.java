package org.opengovdata.archive.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.security.Caller;
import org.opengovdata.common.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained log of every action on the archive (责任追溯). An entry commits in the
 * same transaction as the action it records; appends are serialised by a transaction-scoped
 * advisory lock so that the chain has exactly one successor per entry.
 */
@Component
public class AuditLog {

  /** Arbitrary, fixed key of the advisory lock that serialises appends. */
  private static final long APPEND_LOCK = 0x4152434841554449L;

  private static final int VERIFY_BATCH = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an action of the current caller (or {@code anonymous}). */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEntry record(String action, UUID recordId, String detail) {
    Optional<Caller> caller = Caller.current();
    String actor = caller.map(Caller::subject).orElse("anonymous");
    String role =
        caller
            .map(c -> String.join(",", c.roles().stream().map(Role::claimValue).toList()))
            .orElse(null);
    return append(actor, role, action, recordId, detail);
  }

  /** Records an action done for {@code actor} off the request thread (a job they submitted). */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEntry recordAs(
      String actor, String role, String action, UUID recordId, String detail) {
    return append(actor, role, action, recordId, detail);
  }

  /** Records an action of the archive itself (a job, a check that failed). */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEntry recordSystem(String action, UUID recordId, String detail) {
    return append("system", null, action, recordId, detail);
  }

  private AuditEntry append(
      String actor, String role, String action, UUID recordId, String detail) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
    Optional<AuditEntry> last =
        jdbc.sql("select * from audit_entry order by sequence desc limit 1")
            .query(AuditLog::map)
            .optional();
    long sequence = last.map(e -> e.sequence() + 1).orElse(1L);
    String previous = last.map(AuditEntry::hash).orElse(AuditEntry.GENESIS);
    // PostgreSQL keeps microseconds: hash exactly what is stored
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String hash = AuditEntry.hashOf(sequence, at, actor, role, action, recordId, detail, previous);
    jdbc.sql(
            """
            insert into audit_entry
              (sequence, at, actor, role, action, record_id, detail, previous_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            sequence,
            java.sql.Timestamp.from(at),
            actor,
            role,
            action,
            recordId,
            detail,
            previous,
            hash)
        .update();
    return new AuditEntry(sequence, at, actor, role, action, recordId, detail, previous, hash);
  }

  public long count(UUID recordId) {
    return jdbc.sql("select count(*) from audit_entry where (?::uuid is null or record_id = ?)")
        .params(recordId, recordId)
        .query(Long.class)
        .single();
  }

  public List<AuditEntry> page(UUID recordId, PageRequest page) {
    return jdbc.sql(
            """
            select * from audit_entry where (?::uuid is null or record_id = ?)
            order by sequence limit ? offset ?""")
        .params(recordId, recordId, page.size(), page.offset())
        .query(AuditLog::map)
        .list();
  }

  /** Walks the whole chain in order and stops at the first entry that does not fit. */
  public Verification verify() {
    String previous = AuditEntry.GENESIS;
    long expected = 1;
    long checked = 0;
    while (true) {
      List<AuditEntry> batch =
          jdbc.sql("select * from audit_entry where sequence >= ? order by sequence limit ?")
              .params(expected, VERIFY_BATCH)
              .query(AuditLog::map)
              .list();
      if (batch.isEmpty()) {
        return new Verification(true, checked, null, null);
      }
      for (AuditEntry entry : batch) {
        if (entry.sequence() != expected) {
          return broken(checked, expected, "entry %d is missing".formatted(expected));
        }
        if (!entry.previousHash().equals(previous)) {
          return broken(
              checked,
              entry.sequence(),
              "entry %d does not link to the hash of entry %d".formatted(expected, expected - 1));
        }
        if (!entry.hashMatches()) {
          return broken(
              checked,
              entry.sequence(),
              "entry %d was altered: its content does not match its hash".formatted(expected));
        }
        previous = entry.hash();
        expected++;
        checked++;
      }
    }
  }

  private static Verification broken(long checked, long sequence, String detail) {
    return new Verification(false, checked, sequence, detail);
  }

  /** The outcome of {@link #verify()}. */
  public record Verification(
      boolean intact, long checked, Long firstBrokenSequence, String detail) {}

  private static AuditEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new AuditEntry(
        rs.getLong("sequence"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor"),
        rs.getString("role"),
        rs.getString("action"),
        rs.getObject("record_id", UUID.class),
        rs.getString("detail"),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }
}
