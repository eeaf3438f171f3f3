package org.opengovdata.common.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the Redis stream {@value #STREAM} (DESIGN.md "Events"): what changed ({@code type}),
 * which aggregate ({@code id}), its version after the change, and when. Producers write it through
 * the transactional outbox; consumers (search indexer, archive capture) read it with their own
 * consumer group and fetch the current state from the owning service — an event never carries the
 * document itself, so replays and out-of-order delivery cannot regress anything.
 *
 * @param type one of the constants below, e.g. {@value #POLICY_PUBLISHED}
 * @param id the aggregate's id (a policy id, a dataset id, an archive record id)
 * @param version the aggregate's version after the change; increases with every change
 * @param occurredAt when the change committed (UTC)
 */
public record PlatformEvent(String type, String id, long version, Instant occurredAt) {

  /** The one stream every service publishes to. */
  public static final String STREAM = "opendata.events";

  public static final String POLICY_PUBLISHED = "policy.published";
  public static final String POLICY_UPDATED = "policy.updated";
  public static final String POLICY_REPEALED = "policy.repealed";
  public static final String DATASET_UPDATED = "dataset.updated";
  public static final String ARCHIVE_VERSION_CREATED = "archive.version.created";
  public static final String ARCHIVE_RECORD_DISPOSED = "archive.record.disposed";

  public PlatformEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** The stream entry's fields, in a stable order. */
  public Map<String, String> toFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("type", type);
    fields.put("id", id);
    fields.put("version", Long.toString(version));
    fields.put("occurredAt", occurredAt.toString());
    return fields;
  }

  /**
   * Reads a stream entry's fields.
   *
   * @throws IllegalArgumentException when a field is missing or malformed (a consumer acknowledges
   *     and logs such an entry instead of retrying it forever)
   */
  public static PlatformEvent fromFields(Map<String, String> fields) {
    String type = required(fields, "type");
    String id = required(fields, "id");
    try {
      return new PlatformEvent(
          type,
          id,
          Long.parseLong(required(fields, "version")),
          Instant.parse(required(fields, "occurredAt")));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed event " + fields + ": " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("event without '" + name + "': " + fields);
    }
    return value;
  }
}
