package org.opengovdata.archive.capture;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.archive.record.Access;
import org.opengovdata.archive.record.ArchiveVersion;
import org.opengovdata.archive.record.DocumentNumberLookup;
import org.opengovdata.archive.record.RecordMetadata;
import org.opengovdata.archive.record.Records;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.events.PoisonEntryException;
import org.opengovdata.common.events.RetryLaterException;
import org.opengovdata.common.events.StreamEntryHandler;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.security.Caller;
import org.opengovdata.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the archive does with one policy event: fetch the policy's current state from the catalog
 * and keep it as a new version of the policy's archive record (one record per policy, created by
 * the first capture). Idempotent: {@code policy_capture} remembers the newest policy version held,
 * written in the transaction of the archive version, so a replayed event, or one older than what is
 * held, does nothing.
 */
class PolicyCapture implements StreamEntryHandler.PlatformEventHandler {

  private static final Logger log = LoggerFactory.getLogger(PolicyCapture.class);

  /** Who the archive's own writes are attributed to (OCFL version user, audit log). */
  static final Caller CAPTURE = new Caller("archive-capture", List.of(Role.ARCHIVIST));

  static final String SERIES = "政策文件";
  static final String FILE_NAME = "policy.json";

  private final CatalogPolicies catalog;
  private final Records records;
  private final JdbcClient jdbc;
  private final CaptureProperties properties;

  PolicyCapture(
      CatalogPolicies catalog, Records records, JdbcClient jdbc, CaptureProperties properties) {
    this.catalog = catalog;
    this.records = records;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  private record Captured(UUID recordId, long policyVersion) {}

  @Override
  public void handle(PlatformEvent event) {
    switch (event.type()) {
      case PlatformEvent.POLICY_PUBLISHED,
          PlatformEvent.POLICY_UPDATED,
          PlatformEvent.POLICY_REPEALED ->
          capture(event);
      default -> {
        // datasets and the archive's own events are not captured
      }
    }
  }

  private void capture(PlatformEvent event) {
    UUID id;
    try {
      id = UUID.fromString(event.id());
    } catch (IllegalArgumentException e) {
      throw new PoisonEntryException("policy id is not a UUID: " + event.id(), e);
    }
    Optional<Captured> held = captured(id);
    if (held.isPresent() && held.get().policyVersion() >= event.version()) {
      log.debug(
          "{} {} v{}: already held (v{})",
          event.type(),
          id,
          event.version(),
          held.get().policyVersion());
      return;
    }
    Optional<PolicySnapshot> fetched;
    try {
      fetched = catalog.fetch(id);
    } catch (CatalogPolicies.CatalogUnavailableException e) {
      throw new RetryLaterException(e.getMessage(), e);
    }
    if (fetched.isEmpty()) {
      log.info(
          "{} {} v{}: the catalog does not publish it (404); skipped",
          event.type(),
          id,
          event.version());
      return;
    }
    PolicySnapshot policy = fetched.get();
    if (held.isPresent() && held.get().policyVersion() >= policy.version()) {
      return; // the catalog's current version is held already (this event was older)
    }
    if (!"PUBLISHED".equals(policy.status())) {
      log.info(
          "{} {} v{}: status {}, not captured",
          event.type(),
          id,
          policy.version(),
          policy.status());
      return;
    }
    String note =
        "captured from catalog policy %s version %d (%s)"
            .formatted(id, policy.version(), event.type());
    try {
      if (held.isEmpty()) {
        createRecord(policy, note);
      } else {
        addVersion(held.get().recordId(), policy, note);
      }
    } catch (ApiException e) {
      if (e.type() == ProblemType.GONE) {
        log.warn(
            "policy {} v{}: its archive record was disposed; not captured", id, policy.version());
        return;
      }
      throw new IllegalStateException(
          "policy %s v%d: the archive refused it: %s"
              .formatted(id, policy.version(), e.getMessage()),
          e);
    }
  }

  private void createRecord(PolicySnapshot policy, String note) {
    RecordMetadata metadata =
        new RecordMetadata(
            policy.title(),
            documentNumber(policy),
            policy.issuer(),
            policy.documentDate(),
            properties.retentionOf(policy.documentType()),
            SERIES,
            sourceReference(policy),
            Access.PUBLIC);
    UUID recordId = UUID.randomUUID();
    records.create(
        recordId,
        metadata,
        new PolicyFile(FILE_NAME, policy.json()),
        CAPTURE,
        note,
        version -> {
          int inserted =
              jdbc.sql(
                      "insert into policy_capture (policy_id, record_id, policy_version,"
                          + " archive_version) values (?, ?, ?, ?) on conflict (policy_id) do nothing")
                  .params(policy.id(), recordId, policy.version(), version.version())
                  .update();
          if (inserted == 0) {
            throw new IllegalStateException("policy " + policy.id() + " was captured concurrently");
          }
        });
    log.info(
        "policy {} v{} captured as new archive record {}", policy.id(), policy.version(), recordId);
  }

  private void addVersion(UUID recordId, PolicySnapshot policy, String note) {
    ArchiveVersion added =
        records.addVersion(
            recordId,
            new PolicyFile(FILE_NAME, policy.json()),
            note,
            CAPTURE,
            metadata ->
                metadata.describedAs(
                    policy.title(),
                    documentNumber(policy),
                    policy.issuer(),
                    policy.documentDate(),
                    sourceReference(policy)),
            version -> {
              int updated =
                  jdbc.sql(
                          "update policy_capture set policy_version = ?, archive_version = ?,"
                              + " captured_at = now() where policy_id = ? and policy_version < ?")
                      .params(policy.version(), version.version(), policy.id(), policy.version())
                      .update();
              if (updated == 0) {
                throw new IllegalStateException(
                    "policy "
                        + policy.id()
                        + " v"
                        + policy.version()
                        + " was captured concurrently");
              }
            });
    log.info(
        "policy {} v{} captured as version {} of archive record {}",
        policy.id(),
        policy.version(),
        added.version(),
        recordId);
  }

  private Optional<Captured> captured(UUID policyId) {
    return jdbc.sql("select record_id, policy_version from policy_capture where policy_id = ?")
        .param(policyId)
        .query(
            (rs, n) ->
                new Captured(rs.getObject("record_id", UUID.class), rs.getLong("policy_version")))
        .optional();
  }

  /** 发文字号 through the shared normaliser; a number it refuses is left out, not the policy. */
  private static String documentNumber(PolicySnapshot policy) {
    try {
      return DocumentNumberLookup.canonical(policy.documentNumber());
    } catch (ApiException e) {
      log.warn(
          "policy {}: document number '{}' not accepted ({}); archived without it",
          policy.id(),
          policy.documentNumber(),
          e.getMessage());
      return null;
    }
  }

  /** Where the version came from: the catalog policy and its version. */
  static String sourceReference(PolicySnapshot policy) {
    return "catalog:policies/%s@%d".formatted(policy.id(), policy.version());
  }
}
