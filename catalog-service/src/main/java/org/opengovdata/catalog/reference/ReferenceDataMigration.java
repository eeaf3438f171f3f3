package org.opengovdata.catalog.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Keeps the reference code lists (regions, classification, indicators) equal to the CSV files in
 * {@code resources/reference}: a repeatable Flyway migration whose checksum is the files' CRC, so
 * it runs again whenever a file changes. Upserts only — codes that line items use are never
 * deleted.
 */
@Component
class ReferenceDataMigration implements JavaMigration {

  private static final String[] FILES = {
    ReferenceCsv.REGIONS,
    ReferenceCsv.EXPENDITURE_FUNCTIONS,
    ReferenceCsv.CLASSIFICATION_DETAIL,
    ReferenceCsv.INDICATORS
  };

  @Override
  public MigrationVersion getVersion() {
    return null;
  }

  @Override
  public String getDescription() {
    return "reference data";
  }

  @Override
  public Integer getChecksum() {
    return ReferenceCsv.checksum(FILES);
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    upsertRegions(connection);
    upsertClassifications(connection);
    upsertIndicators(connection);
  }

  private static void upsertRegions(Connection connection) throws SQLException {
    // Parents first: the file lists the province, then prefectures, then counties.
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            insert into region (code, name, level, parent_code) values (?, ?, ?, ?)
            on conflict (code) do update
              set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
            """)) {
      for (CSVRecord row : ReferenceCsv.read(ReferenceCsv.REGIONS)) {
        insert.setString(1, row.get("code"));
        insert.setString(2, row.get("name"));
        insert.setString(3, row.get("level"));
        String parent = row.get("parent_code");
        insert.setString(4, parent.isEmpty() ? null : parent);
        insert.executeUpdate();
      }
    }
  }

  private static void upsertClassifications(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            insert into classification (code, name, level, parent_code, direction)
            values (?, ?, ?, ?, ?)
            on conflict (code) do update
              set name = excluded.name, level = excluded.level,
                  parent_code = excluded.parent_code, direction = excluded.direction,
                  synthetic = false
            """)) {
      var rows = new java.util.ArrayList<>(ReferenceCsv.read(ReferenceCsv.EXPENDITURE_FUNCTIONS));
      rows.addAll(ReferenceCsv.read(ReferenceCsv.CLASSIFICATION_DETAIL));
      // Shorter codes first, so that every parent exists before its children.
      rows.sort(java.util.Comparator.comparingInt(r -> r.get("code").length()));
      for (CSVRecord row : rows) {
        String code = row.get("code");
        insert.setString(1, code);
        insert.setString(2, row.get("name"));
        insert.setInt(3, Classification.levelOf(code));
        insert.setString(4, Classification.parentOf(code));
        insert.setString(5, Classification.isRevenueCode(code) ? "REVENUE" : "EXPENDITURE");
        insert.executeUpdate();
      }
    }
  }

  private static void upsertIndicators(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            insert into indicator (code, name, name_en, unit, unit_en, frequency, description)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (code) do update
              set name = excluded.name, name_en = excluded.name_en, unit = excluded.unit,
                  unit_en = excluded.unit_en, frequency = excluded.frequency,
                  description = excluded.description, modified = now()
            """)) {
      for (CSVRecord row : ReferenceCsv.read(ReferenceCsv.INDICATORS)) {
        insert.setString(1, row.get("code"));
        insert.setString(2, row.get("name"));
        insert.setString(3, row.get("name_en"));
        insert.setString(4, row.get("unit"));
        insert.setString(5, row.get("unit_en"));
        insert.setString(6, row.get("frequency"));
        String description = row.get("description");
        insert.setString(7, description.isEmpty() ? null : description);
        insert.executeUpdate();
      }
    }
  }
}
