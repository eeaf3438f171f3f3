package org.opengovdata.catalog.web;

import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.common.paging.PageRequest;

/**
 * The parameters every list takes, as generated from the spec's shared parameters; a list without
 * {@code sort}, {@code fields} or {@code cursor} passes null for them.
 *
 * @param labels the CSV header in words ({@code zh}, {@code en}) instead of field keys, or null
 */
public record ListParameters(
    String sort,
    String fields,
    Integer page,
    Integer size,
    String cursor,
    FormatDto format,
    String ifNoneMatch,
    LabelsDto labels) {

  public ListParameters(
      String sort,
      String fields,
      Integer page,
      Integer size,
      String cursor,
      FormatDto format,
      String ifNoneMatch) {
    this(sort, fields, page, size, cursor, format, ifNoneMatch, null);
  }

  /** The parameters of a list read by page number only. */
  public static ListParameters paged(
      Integer page, Integer size, FormatDto format, String ifNoneMatch) {
    return new ListParameters(null, null, page, size, null, format, ifNoneMatch);
  }

  public ListParameters withLabels(LabelsDto labels) {
    return new ListParameters(sort, fields, page, size, cursor, format, ifNoneMatch, labels);
  }

  public PageRequest pageRequest() {
    return new PageRequest(page, size);
  }

  /** The CSV header cell of {@code column}: its key, or its label in the language asked for. */
  public String header(Column<?, ?> column) {
    if (labels == null) {
      return column.key();
    }
    return switch (labels) {
      case ZH -> column.zh();
      case EN -> column.en();
    };
  }

  /** The read of a list whose data has version {@code stamp}, in JSON or CSV. */
  Read read(String stamp) {
    return Read.of(stamp, Formats.explicit(format), Formats.TABULAR);
  }
}
