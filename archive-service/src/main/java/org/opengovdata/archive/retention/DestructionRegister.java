package org.opengovdata.archive.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the destruction register (销毁清册); entries are only ever appended by a disposition. */
@Component
class DestructionRegister {

  private final JdbcClient jdbc;

  DestructionRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count() {
    return jdbc.sql("select count(*) from destruction_register").query(Long.class).single();
  }

  List<RegisterEntry> page(PageRequest page) {
    return jdbc.sql("select * from destruction_register order by sequence limit ? offset ?")
        .params(page.size(), page.offset())
        .query(DestructionRegister::map)
        .list();
  }

  @Transactional(readOnly = true)
  void forEach(Consumer<RegisterEntry> sink) {
    try (var rows =
        jdbc
            .sql("select * from destruction_register order by sequence")
            .withFetchSize(500)
            .query(DestructionRegister::map)
            .stream()) {
      rows.forEach(sink);
    }
  }

  private static RegisterEntry map(ResultSet rs, int row) throws SQLException {
    return new RegisterEntry(
        rs.getLong("sequence"),
        rs.getObject("disposition_id", UUID.class),
        rs.getObject("record_id", UUID.class),
        rs.getString("object_id"),
        rs.getString("title"),
        rs.getString("document_number"),
        rs.getObject("document_date", LocalDate.class),
        rs.getString("retention_class"),
        rs.getObject("disposition_date", LocalDate.class),
        rs.getString("reason"),
        rs.getString("proposed_by"),
        rs.getString("approved_by"),
        rs.getTimestamp("destroyed_at").toInstant(),
        rs.getInt("versions"),
        rs.getString("last_digest"));
  }
}
