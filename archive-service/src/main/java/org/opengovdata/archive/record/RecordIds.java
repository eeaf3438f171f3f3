package org.opengovdata.archive.record;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Record id ↔ OCFL object id. The archive's own objects are {@code urn:uuid:<record id>}; an object
 * written by another OCFL tool (any id) gets the name-based UUID of its id, so a rebuild always
 * gives it the same record id.
 */
public final class RecordIds {

  private static final String PREFIX = "urn:uuid:";

  private RecordIds() {}

  public static String objectId(UUID recordId) {
    return PREFIX + recordId;
  }

  public static UUID recordId(String objectId) {
    if (objectId.startsWith(PREFIX)) {
      try {
        UUID id = UUID.fromString(objectId.substring(PREFIX.length()));
        if (objectId.equals(objectId(id))) {
          return id;
        }
      } catch (IllegalArgumentException e) {
        // not one of ours: fall through to the name-based id
      }
    }
    return UUID.nameUUIDFromBytes(objectId.getBytes(StandardCharsets.UTF_8));
  }
}
