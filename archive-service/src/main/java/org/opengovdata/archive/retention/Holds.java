package org.opengovdata.archive.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.Records;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Legal holds: placed and released with reason and who, kept forever once released. */
@Service
public class Holds {

  private final JdbcClient jdbc;
  private final Records records;
  private final AuditLog audit;
  private final Clock clock;

  Holds(JdbcClient jdbc, Records records, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.records = records;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Hold place(UUID recordId, String reason) {
    records.require(recordId);
    Hold hold = new Hold(UUID.randomUUID(), recordId, reason, actor(), now(), null, null, null);
    jdbc.sql(
            "insert into legal_hold (id, record_id, reason, placed_by, placed_at) values (?, ?, ?, ?, ?)")
        .params(hold.id(), recordId, reason, hold.placedBy(), Timestamp.from(hold.placedAt()))
        .update();
    audit.record("hold.placed", recordId, "hold %s: %s".formatted(hold.id(), reason));
    return hold;
  }

  @Transactional
  public Hold release(UUID holdId, String reason) {
    Hold hold =
        jdbc.sql("select * from legal_hold where id = ? for update")
            .param(holdId)
            .query(Holds::map)
            .optional()
            .orElseThrow(() -> ApiException.notFound("No legal hold %s.".formatted(holdId)));
    if (!hold.active()) {
      throw ApiException.conflict(
          "Hold %s was already released on %s by %s."
              .formatted(holdId, hold.releasedAt(), hold.releasedBy()));
    }
    Instant now = now();
    String who = actor();
    jdbc.sql(
            "update legal_hold set released_by = ?, released_at = ?, release_reason = ? where id = ?")
        .params(who, Timestamp.from(now), reason, holdId)
        .update();
    audit.record("hold.released", hold.recordId(), "hold %s: %s".formatted(holdId, reason));
    return new Hold(
        hold.id(),
        hold.recordId(),
        hold.reason(),
        hold.placedBy(),
        hold.placedAt(),
        who,
        now,
        reason);
  }

  public List<Hold> of(UUID recordId) {
    return jdbc.sql("select * from legal_hold where record_id = ? order by placed_at")
        .param(recordId)
        .query(Holds::map)
        .list();
  }

  /** Whether the record has an active hold, read under the caller's transaction. */
  boolean held(UUID recordId) {
    return jdbc.sql(
            "select exists (select 1 from legal_hold where record_id = ? and released_at is null)")
        .param(recordId)
        .query(Boolean.class)
        .single();
  }

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  static String actor() {
    return Caller.current().map(Caller::subject).orElseThrow();
  }

  private static Hold map(ResultSet rs, int row) throws SQLException {
    Timestamp released = rs.getTimestamp("released_at");
    return new Hold(
        rs.getObject("id", UUID.class),
        rs.getObject("record_id", UUID.class),
        rs.getString("reason"),
        rs.getString("placed_by"),
        rs.getTimestamp("placed_at").toInstant(),
        rs.getString("released_by"),
        released == null ? null : released.toInstant(),
        rs.getString("release_reason"));
  }
}
