package org.opengovdata.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.DataType;

/**
 * W3C CSV on the Web metadata ({@code application/csvm+json}) of a CSV answer: its URL, dialect
 * (UTF-8 with BOM, CRLF, a header row) and each column's name, titles and datatype — so that a
 * CSVW-aware tool reads codes such as {@code 150602} as strings and amounts as decimals. The CSV is
 * the same request with {@code format=csv}; the metadata is the same request with {@code
 * format=csvw}, and every CSV answer links to it ({@code rel="describedby"}, CSVW §5.2).
 */
final class CsvwMetadata {

  private CsvwMetadata() {}

  static Map<String, Object> of(HttpServletRequest request, List<? extends Column<?, ?>> columns) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("@context", "http://www.w3.org/ns/csvw");
    metadata.put("url", withFormat(request, "csv"));
    metadata.put(
        "dialect", Map.of("encoding", "utf-8", "lineTerminators", List.of("\r\n"), "header", true));
    List<Map<String, Object>> described = new ArrayList<>();
    for (Column<?, ?> column : columns) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", column.key());
      c.put("titles", titles(column));
      c.put("datatype", datatype(column.type()));
      described.add(c);
    }
    metadata.put("tableSchema", Map.of("columns", described));
    return metadata;
  }

  /** The {@code Link} header of a CSV answer, pointing at its metadata. */
  static String describedBy(HttpServletRequest request) {
    return "<"
        + withFormat(request, "csvw")
        + ">; rel=\"describedby\"; type=\"application/csvm+json\"";
  }

  private static Map<String, String> titles(Column<?, ?> column) {
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put("und", column.key());
    titles.put("zh", column.zh());
    titles.put("en", column.en());
    return titles;
  }

  private static String datatype(DataType type) {
    return switch (type) {
      case STRING -> "string";
      case INTEGER -> "integer";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATE_TIME -> "datetime";
    };
  }

  /** The request's path and query with {@code format} (if any) replaced by {@code format}. */
  private static String withFormat(HttpServletRequest request, String format) {
    List<String> kept = new ArrayList<>();
    String query = request.getQueryString();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (!pair.isEmpty() && !pair.equals("format") && !pair.startsWith("format=")) {
          kept.add(pair);
        }
      }
    }
    kept.add("format=" + format);
    return request.getRequestURI() + "?" + String.join("&", kept);
  }
}
