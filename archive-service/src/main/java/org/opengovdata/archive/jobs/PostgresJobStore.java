package org.opengovdata.archive.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.common.jobs.Job;
import org.opengovdata.common.jobs.JobState;
import org.opengovdata.common.jobs.JobStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The archive's jobs in PostgreSQL (table {@code job}): they outlive a restart. */
class PostgresJobStore implements JobStore {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  PostgresJobStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void save(Job job) {
    jdbc.sql(
            """
            insert into job (id, type, state, processed, total, submitted_by, submitted_at,
              started_at, finished_at, updated_at, error, problem_count, problems)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set state = excluded.state,
              processed = excluded.processed, total = excluded.total,
              started_at = excluded.started_at, finished_at = excluded.finished_at,
              updated_at = excluded.updated_at, error = excluded.error,
              problem_count = excluded.problem_count, problems = excluded.problems
            where job.finished_at is null""")
        .params(
            job.id(),
            job.type(),
            job.state().name(),
            job.processed(),
            job.total(),
            job.submittedBy(),
            timestamp(job.submittedAt()),
            timestamp(job.startedAt()),
            timestamp(job.finishedAt()),
            timestamp(job.updatedAt()),
            job.error(),
            job.problemCount(),
            json.writeValueAsString(job.problems()))
        .update();
  }

  @Override
  public Optional<Job> find(UUID id) {
    return jdbc.sql("select * from job where id = ?").param(id).query(this::map).optional();
  }

  @Override
  public List<Job> unfinished() {
    return jdbc.sql("select * from job where state in ('QUEUED', 'RUNNING') order by submitted_at")
        .query(this::map)
        .list();
  }

  private Job map(ResultSet rs, int row) throws SQLException {
    long total = rs.getLong("total");
    Long knownTotal = rs.wasNull() ? null : total;
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("type"),
        JobState.valueOf(rs.getString("state")),
        rs.getLong("processed"),
        knownTotal,
        rs.getString("submitted_by"),
        instant(rs.getTimestamp("submitted_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        instant(rs.getTimestamp("updated_at")),
        rs.getString("error"),
        rs.getLong("problem_count"),
        json.readValue(rs.getString("problems"), STRINGS));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
