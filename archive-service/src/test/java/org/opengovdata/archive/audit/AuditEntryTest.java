package org.opengovdata.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final Instant AT = Instant.parse("2026-11-28T08:00:00.123456Z");
  private static final UUID RECORD = UUID.fromString("5f0c7e3a-9b1d-4c8e-8f5e-2a4b6c8d0e1f");

  @Test
  void hashCoversEveryFieldAndThePreviousHash() {
    String hash = hash("key_a", "record.created", "v1", AuditEntry.GENESIS);
    assertThat(hash)
        .hasSize(64)
        .isEqualTo(hash("key_a", "record.created", "v1", AuditEntry.GENESIS));
    assertThat(hash("key_b", "record.created", "v1", AuditEntry.GENESIS)).isNotEqualTo(hash);
    assertThat(hash("key_a", "record.disposed", "v1", AuditEntry.GENESIS)).isNotEqualTo(hash);
    assertThat(hash("key_a", "record.created", "v2", AuditEntry.GENESIS)).isNotEqualTo(hash);
    assertThat(hash("key_a", "record.created", "v1", "1".repeat(64))).isNotEqualTo(hash);
  }

  @Test
  void fieldsCannotBleedIntoEachOther() {
    assertThat(hash("key_a|x", "y", null, AuditEntry.GENESIS))
        .isNotEqualTo(hash("key_a", "x|y", null, AuditEntry.GENESIS));
  }

  @Test
  void alteredEntryNoLongerMatchesItsHash() {
    String hash = hash("key_a", "hold.placed", "诉讼保全", AuditEntry.GENESIS);
    AuditEntry entry =
        new AuditEntry(
            1, AT, "key_a", "archivist", "hold.placed", RECORD, "诉讼保全", AuditEntry.GENESIS, hash);
    assertThat(entry.hashMatches()).isTrue();
    AuditEntry altered =
        new AuditEntry(
            1, AT, "key_a", "archivist", "hold.placed", RECORD, "已解除", AuditEntry.GENESIS, hash);
    assertThat(altered.hashMatches()).isFalse();
  }

  private static String hash(String actor, String action, String detail, String previous) {
    return AuditEntry.hashOf(1, AT, actor, "archivist", action, RECORD, detail, previous);
  }
}
