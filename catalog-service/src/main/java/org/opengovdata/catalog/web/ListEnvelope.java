package org.opengovdata.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opengovdata.catalog.api.model.LinksDto;
import org.opengovdata.catalog.api.model.ListMetaDto;
import org.opengovdata.common.paging.PageLinks;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** {@code meta} and {@code links} of a list answer. */
public final class ListEnvelope {

  private ListEnvelope() {}

  /** Meta of a page-numbered answer. */
  public static <R, D> ListMetaDto meta(
      List<Column<R, D>> columns, long total, PageRequest page, String nextCursor) {
    return new ListMetaDto()
        .total(total)
        .totalPages(page.totalPages(total))
        .page(page.page())
        .size(page.size())
        .nextCursor(nextCursor)
        .labels(Columns.labels(columns))
        .dataTypes(Columns.dataTypes(columns));
  }

  /** Meta of a cursor answer: no page number. */
  public static <R, D> ListMetaDto cursorMeta(
      List<Column<R, D>> columns, long total, int size, String nextCursor) {
    return meta(columns, total, new PageRequest(0, size), nextCursor).page(null);
  }

  public static LinksDto pageLinks(PageRequest page, long total) {
    return dto(PageLinks.forPage(currentRequest(), page, total));
  }

  public static LinksDto cursorLinks(String nextCursor) {
    return dto(PageLinks.forCursor(currentRequest(), nextCursor));
  }

  private static LinksDto dto(PageLinks links) {
    return new LinksDto().self(links.self()).next(links.next()).prev(links.prev());
  }

  static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }
}
