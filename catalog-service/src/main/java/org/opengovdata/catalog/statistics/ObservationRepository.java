package org.opengovdata.catalog.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.catalog.tabular.KeysetQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Observations with their indicator's name, unit and frequency; by page, cursor or streamed. */
@Repository
class ObservationRepository extends KeysetQuery<Observation, ObservationFilter> {

  private final ReferenceData reference;

  ObservationRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference) {
    super(
        jdbc,
        streams,
        "select o.indicator_code, i.name as indicator_name, o.region_code, o.period,"
            + " o.period_start, i.frequency, o.value, i.unit, o.status, o.published_on,"
            + " o.superseded_on, o.modified, o.id"
            + " from observation o join indicator i on i.code = o.indicator_code",
        "observation o",
        ObservationColumns.SORT);
    this.reference = reference;
  }

  @Override
  protected SqlWhere where(ObservationFilter filter) {
    return filter.where();
  }

  @Override
  protected Observation map(ResultSet rs) throws SQLException {
    String region = rs.getString("region_code");
    return new Observation(
        rs.getString("indicator_code"),
        rs.getString("indicator_name"),
        region,
        reference.region(region).map(Region::name).orElse(null),
        rs.getString("period"),
        rs.getObject("period_start", LocalDate.class),
        Period.Frequency.valueOf(rs.getString("frequency")),
        rs.getBigDecimal("value"),
        rs.getString("unit"),
        Observation.Status.valueOf(rs.getString("status")),
        rs.getObject("published_on", LocalDate.class),
        rs.getObject("superseded_on", LocalDate.class),
        rs.getObject("modified", OffsetDateTime.class),
        rs.getLong("id"));
  }
}
