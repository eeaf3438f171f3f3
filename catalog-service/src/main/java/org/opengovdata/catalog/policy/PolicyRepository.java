package org.opengovdata.catalog.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.opengovdata.catalog.jdbc.RowStreams;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.KeysetQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The policy list: by page, cursor or streamed (CSV); no bodies. */
@Repository
class PolicyRepository extends KeysetQuery<PolicyRow, PolicyFilter> {

  private final ReferenceData reference;
  private final Clock clock;

  PolicyRepository(JdbcClient jdbc, RowStreams streams, ReferenceData reference, Clock clock) {
    super(
        jdbc,
        streams,
        "select " + PolicyRows.LIST_COLUMNS + " from policy p",
        "policy p",
        PolicyColumns.SORT);
    this.reference = reference;
    this.clock = clock;
  }

  @Override
  protected SqlWhere where(PolicyFilter filter) {
    return filter.where();
  }

  @Override
  protected PolicyRow map(ResultSet rs) throws SQLException {
    Policy policy = PolicyRows.map(rs, reference, false);
    return new PolicyRow(
        policy, policy.validityOn(LocalDate.now(clock.withZone(PolicyWorkflow.CHINA))));
  }
}
