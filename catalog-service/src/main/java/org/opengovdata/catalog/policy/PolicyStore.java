package org.opengovdata.catalog.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.catalog.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-document reads and writes of {@code policy} and its details. */
@Repository
class PolicyStore {

  private final JdbcClient jdbc;
  private final ReferenceData reference;

  PolicyStore(JdbcClient jdbc, ReferenceData reference) {
    this.jdbc = jdbc;
    this.reference = reference;
  }

  Optional<Policy> find(UUID id) {
    return jdbc.sql("select " + PolicyRows.ALL_COLUMNS + " from policy p where p.id = ?")
        .param(id)
        .query((rs, n) -> PolicyRows.map(rs, reference, true))
        .optional()
        .map(this::withDetails);
  }

  /** The document, its row locked until the transaction ends (workflow steps serialise on it). */
  Optional<Policy> lock(UUID id) {
    return jdbc.sql("select " + PolicyRows.ALL_COLUMNS + " from policy p where p.id = ? for update")
        .param(id)
        .query((rs, n) -> PolicyRows.map(rs, reference, true))
        .optional()
        .map(this::withDetails);
  }

  private Policy withDetails(Policy policy) {
    return policy.withDetails(attachments(policy.id()), interpretations(policy.id()));
  }

  List<Attachment> attachments(UUID policyId) {
    return jdbc.sql(
            "select id, file_name, media_type, size, sha256, extracted_text from policy_attachment"
                + " where policy_id = ? order by created_at, id")
        .param(policyId)
        .query(
            (rs, n) ->
                new Attachment(
                    rs.getObject("id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("media_type"),
                    rs.getLong("size"),
                    rs.getString("sha256"),
                    rs.getString("extracted_text")))
        .list();
  }

  List<Interpretation> interpretations(UUID policyId) {
    return jdbc.sql(
            "select id, title, body, published_date from policy_interpretation"
                + " where policy_id = ? order by position")
        .param(policyId)
        .query(
            (rs, n) ->
                new Interpretation(
                    rs.getObject("id", UUID.class),
                    rs.getString("title"),
                    rs.getString("body"),
                    rs.getObject("published_date", LocalDate.class)))
        .list();
  }

  void insert(
      UUID id,
      PolicyDraft draft,
      Policy.NumberParts number,
      String actor,
      Instant now,
      UUID importId) {
    jdbc.sql(
            "insert into policy (id, status, title, document_number, document_number_key,"
                + " document_number_written, document_issuer_code, document_year,"
                + " document_serial, index_number, issuer, document_type, subject, region_code,"
                + " written_date, effective_date, expiry_date, amends, body, created_by,"
                + " created_at, modified, import_id)"
                + " values (?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        .params(
            values(
                id,
                editable(draft, number),
                actor,
                Timestamp.from(now),
                Timestamp.from(now),
                importId))
        .update();
    replaceInterpretations(id, draft.interpretations());
    changed();
  }

  /** Replaces the editable fields; the status becomes {@code status}. */
  void update(
      UUID id, PolicyDraft draft, Policy.NumberParts number, PolicyStatus status, Instant now) {
    jdbc.sql(
            "update policy set version = version + 1, status = ?, title = ?, document_number = ?,"
                + " document_number_key = ?, document_number_written = ?,"
                + " document_issuer_code = ?, document_year = ?, document_serial = ?,"
                + " index_number = ?, issuer = ?, document_type = ?, subject = ?,"
                + " region_code = ?, written_date = ?, effective_date = ?, expiry_date = ?,"
                + " amends = ?, body = ?, modified = ? where id = ?")
        .params(values(status.name(), editable(draft, number), Timestamp.from(now), id))
        .update();
    replaceInterpretations(id, draft.interpretations());
    changed();
  }

  /**
   * The editable columns' values, in the order both {@link #insert} and {@link #update} name them:
   * title, the document number and its parts, index_number … body.
   */
  private static Object[] editable(PolicyDraft draft, Policy.NumberParts number) {
    return new Object[] {
      draft.title(),
      number == null ? null : number.canonical(),
      number == null ? null : number.key(),
      number == null ? null : number.asWritten(),
      number == null ? null : number.issuerCode(),
      number == null ? null : number.year(),
      number == null ? null : number.serial(),
      draft.indexNumber(),
      draft.issuer(),
      draft.documentType().name(),
      draft.subject(),
      draft.regionCode(),
      draft.writtenDate(),
      draft.effectiveDate(),
      draft.expiryDate(),
      draft.amends(),
      draft.body()
    };
  }

  /** Flattens values and arrays of values (from {@link #editable}) into one parameter list. */
  private static Object[] values(Object... parts) {
    List<Object> flat = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Object[] many) {
        flat.addAll(Arrays.asList(many));
      } else {
        flat.add(part);
      }
    }
    return flat.toArray();
  }

  private void replaceInterpretations(UUID policyId, List<Interpretation> interpretations) {
    jdbc.sql("delete from policy_interpretation where policy_id = ?").param(policyId).update();
    int position = 0;
    for (Interpretation i : interpretations) {
      jdbc.sql(
              "insert into policy_interpretation (id, policy_id, position, title, body,"
                  + " published_date) values (?, ?, ?, ?, ?, ?)")
          .params(
              i.id() == null ? UUID.randomUUID() : i.id(),
              policyId,
              position++,
              i.title(),
              i.body(),
              i.publishedDate())
          .update();
    }
  }

  /**
   * Sets the status and the given columns (trusted names), bumps version and {@code modified}.
   *
   * @param assignments column = value pairs: {@code "submitted_by", "key_1", ...}
   */
  void step(UUID id, PolicyStatus status, Instant now, Object... assignments) {
    StringBuilder sql =
        new StringBuilder("update policy set version = version + 1, status = ?, modified = ?");
    Object[] params = new Object[assignments.length / 2 + 3];
    params[0] = status.name();
    params[1] = Timestamp.from(now);
    for (int i = 0; i < assignments.length; i += 2) {
      sql.append(", ").append((String) assignments[i]).append(" = ?");
      params[2 + i / 2] = assignments[i + 1];
    }
    params[params.length - 1] = id;
    jdbc.sql(sql.append(" where id = ?").toString()).params(params).update();
    changed();
  }

  long version(UUID id) {
    return jdbc.sql("select version from policy where id = ?").param(id).query(Long.class).single();
  }

  void recordTransition(
      UUID id,
      String action,
      PolicyStatus from,
      PolicyStatus to,
      String actor,
      String comment,
      Instant at) {
    jdbc.sql(
            "insert into policy_transition (policy_id, action, from_status, to_status, actor, at,"
                + " comment) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            action,
            from == null ? null : from.name(),
            to.name(),
            actor,
            Timestamp.from(at),
            comment)
        .update();
  }

  List<Transition> history(UUID id) {
    return jdbc.sql(
            "select action, from_status, to_status, actor, at, comment from policy_transition"
                + " where policy_id = ? order by id")
        .param(id)
        .query(
            (rs, n) ->
                new Transition(
                    rs.getString("action"),
                    rs.getString("from_status") == null
                        ? null
                        : PolicyStatus.valueOf(rs.getString("from_status")),
                    PolicyStatus.valueOf(rs.getString("to_status")),
                    rs.getString("actor"),
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("comment")))
        .list();
  }

  /** Any document of {@code issuer} with this number (import idempotency). */
  Optional<UUID> findByNumber(String issuer, String numberKey) {
    return jdbc.sql(
            "select id from policy where issuer = ? and document_number_key = ?"
                + " order by (status = 'PUBLISHED') desc, created_at limit 1")
        .params(issuer, numberKey)
        .query(UUID.class)
        .optional();
  }

  void insertImport(UUID id, String actor, Instant now) {
    jdbc.sql(
            "insert into policy_import (id, created_by, created_at, lines, created)"
                + " values (?, ?, ?, 0, 0)")
        .params(id, actor, Timestamp.from(now))
        .update();
  }

  void finishImport(UUID id, int lines, int created) {
    jdbc.sql("update policy_import set lines = ?, created = ? where id = ?")
        .params(lines, created, id)
        .update();
  }

  /** The importer's key id, or empty; locks the import row. */
  Optional<String> lockImport(UUID id) {
    return jdbc.sql("select created_by from policy_import where id = ? for update")
        .param(id)
        .query(String.class)
        .optional();
  }

  boolean importPublished(UUID id) {
    return jdbc.sql("select published_at is not null from policy_import where id = ?")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  void markImportPublished(UUID id, String actor, Instant now) {
    jdbc.sql("update policy_import set published_by = ?, published_at = ? where id = ?")
        .params(actor, Timestamp.from(now), id)
        .update();
  }

  List<UUID> importDrafts(UUID importId) {
    return jdbc.sql(
            "select id from policy where import_id = ? and status in ('DRAFT', 'REJECTED')"
                + " order by created_at, id")
        .param(importId)
        .query(UUID.class)
        .list();
  }

  /** Whether another published document of {@code issuer} has this number. */
  boolean numberTaken(String issuer, String numberKey, UUID except) {
    return jdbc.sql(
            "select exists (select 1 from policy where issuer = ? and document_number_key = ?"
                + " and status = 'PUBLISHED' and id <> ?)")
        .params(issuer, numberKey, except)
        .query(Boolean.class)
        .single();
  }

  void insertAttachment(UUID policyId, Attachment a, String actor, Instant now) {
    jdbc.sql(
            "insert into policy_attachment (id, policy_id, file_name, media_type, size, sha256,"
                + " extracted_text, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.id(),
            policyId,
            a.fileName(),
            a.mediaType(),
            a.size(),
            a.sha256(),
            a.extractedText(),
            actor,
            Timestamp.from(now))
        .update();
  }

  /** The list's version stamp: changes with every write (part of ETags and cached totals). */
  String stamp() {
    return jdbc.sql("select last_value || '.' || is_called from policy_change")
        .query(String.class)
        .single();
  }

  private void changed() {
    jdbc.sql("select nextval('policy_change')").query(Long.class).single();
  }
}
