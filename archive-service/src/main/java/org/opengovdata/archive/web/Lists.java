package org.opengovdata.archive.web;

import jakarta.servlet.http.HttpServletRequest;
import org.opengovdata.archive.api.model.LinksDto;
import org.opengovdata.archive.api.model.ListMetaDto;
import org.opengovdata.common.paging.PageLinks;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** {@code meta} and {@code links} of the archive's list answers ({@code {data, meta, links}}). */
public final class Lists {

  private Lists() {}

  public static PageRequest page(Integer page, Integer size) {
    return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
  }

  public static ListMetaDto meta(long total, PageRequest page) {
    return new ListMetaDto()
        .total(total)
        .totalPages(page.totalPages(total))
        .page(page.page())
        .size(page.size());
  }

  public static LinksDto links(PageRequest page, long total) {
    PageLinks links = PageLinks.forPage(currentRequest(), page, total);
    return new LinksDto().self(links.self()).next(links.next()).prev(links.prev());
  }

  public static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }
}
