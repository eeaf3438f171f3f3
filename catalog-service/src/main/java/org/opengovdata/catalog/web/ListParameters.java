package org.opengovdata.catalog.web;

import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.common.paging.PageRequest;

/**
 * The parameters every list takes, as generated from the spec's shared parameters; a list without
 * {@code sort}, {@code fields} or {@code cursor} passes null for them.
 */
public record ListParameters(
    String sort,
    String fields,
    Integer page,
    Integer size,
    String cursor,
    FormatDto format,
    String ifNoneMatch) {

  /** The parameters of a list read by page number only. */
  public static ListParameters paged(
      Integer page, Integer size, FormatDto format, String ifNoneMatch) {
    return new ListParameters(null, null, page, size, null, format, ifNoneMatch);
  }

  public PageRequest pageRequest() {
    return new PageRequest(page, size);
  }

  /** The read of a list whose data has version {@code stamp}, in JSON or CSV. */
  Read read(String stamp) {
    return Read.of(stamp, Formats.explicit(format), Formats.TABULAR);
  }
}
