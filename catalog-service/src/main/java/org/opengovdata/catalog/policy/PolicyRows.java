package org.opengovdata.catalog.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;

/** Reading {@code policy} rows (alias {@code p}); shared by the list query and the store. */
final class PolicyRows {

  private PolicyRows() {}

  static final String LIST_COLUMNS =
      "p.id, p.version, p.status, p.title, p.document_number, p.document_number_written,"
          + " p.document_number_key, p.document_issuer_code, p.document_year, p.document_serial,"
          + " p.index_number, p.issuer, p.document_type, p.subject, p.region_code,"
          + " p.written_date, p.published_date, p.effective_date, p.expiry_date, p.repealed_on,"
          + " p.repeal_reason, p.amended_on, p.replaced_by, p.amends, p.created_by,"
          + " p.submitted_by, p.approved_by, p.rejection_reason, p.modified";

  static final String ALL_COLUMNS = LIST_COLUMNS + ", p.body";

  static Policy map(ResultSet rs, ReferenceData reference, boolean withBody) throws SQLException {
    String region = rs.getString("region_code");
    String canonical = rs.getString("document_number");
    Policy.NumberParts number =
        canonical == null
            ? null
            : new Policy.NumberParts(
                canonical,
                rs.getString("document_number_written"),
                rs.getString("document_number_key"),
                rs.getString("document_issuer_code"),
                (Integer) rs.getObject("document_year"),
                rs.getInt("document_serial"));
    return new Policy(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        PolicyStatus.valueOf(rs.getString("status")),
        rs.getString("title"),
        number,
        rs.getString("index_number"),
        rs.getString("issuer"),
        DocumentType.valueOf(rs.getString("document_type")),
        rs.getString("subject"),
        region,
        reference.region(region).map(Region::name).orElse(null),
        rs.getObject("written_date", LocalDate.class),
        rs.getObject("published_date", LocalDate.class),
        rs.getObject("effective_date", LocalDate.class),
        rs.getObject("expiry_date", LocalDate.class),
        rs.getObject("repealed_on", LocalDate.class),
        rs.getString("repeal_reason"),
        rs.getObject("amended_on", LocalDate.class),
        rs.getObject("replaced_by", UUID.class),
        rs.getObject("amends", UUID.class),
        withBody ? rs.getString("body") : null,
        rs.getString("created_by"),
        rs.getString("submitted_by"),
        rs.getString("approved_by"),
        rs.getString("rejection_reason"),
        rs.getObject("modified", OffsetDateTime.class),
        List.of(),
        List.of());
  }
}
