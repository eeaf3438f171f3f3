package org.opengovdata.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovdata.catalog.api.model.LabelDto;
import org.opengovdata.catalog.api.model.LinksDto;
import org.opengovdata.catalog.api.model.ListMetaDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.common.paging.PageLinks;
import org.opengovdata.common.paging.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** {@code meta} and {@code links} of a list answer {@code {data, meta, links}}. */
public final class ListEnvelope {

  private ListEnvelope() {}

  /**
   * The resource's generated list DTO, built from its three parts, e.g. {@code (data, meta, links)
   * -> new FiscalItemListDto().data(data).meta(meta).links(links)}.
   */
  public interface Factory<D, L> {
    L of(List<D> data, ListMetaDto meta, LinksDto links);
  }

  /** Meta of a page-numbered answer. */
  public static <R, D> ListMetaDto meta(
      List<Column<R, D>> columns, long total, PageRequest page, String nextCursor) {
    return new ListMetaDto()
        .total(total)
        .totalPages(page.totalPages(total))
        .page(page.page())
        .size(page.size())
        .nextCursor(nextCursor)
        .labels(labels(columns))
        .dataTypes(dataTypes(columns));
  }

  /** Meta of a cursor answer: no page number. */
  public static <R, D> ListMetaDto cursorMeta(
      List<Column<R, D>> columns, long total, int size, String nextCursor) {
    return meta(columns, total, new PageRequest(0, size), nextCursor).page(null);
  }

  /** Links of a numbered page, also sent as the {@code Link} header. */
  public static LinksDto pageLinks(PageRequest page, long total) {
    return pageLinks(page, total, null);
  }

  /**
   * Links of a numbered page whose {@code next} follows {@code nextCursor} when there is one, also
   * sent as the {@code Link} header.
   */
  public static LinksDto pageLinks(PageRequest page, long total, String nextCursor) {
    return sent(PageLinks.forPageWithCursor(currentRequest(), page, total, nextCursor));
  }

  /** Links of a cursor answer, also sent as the {@code Link} header. */
  public static LinksDto cursorLinks(String nextCursor) {
    return sent(PageLinks.forCursor(currentRequest(), nextCursor));
  }

  /** RFC 8288: the same links in the {@code Link} header, for clients that never parse bodies. */
  private static LinksDto sent(PageLinks links) {
    HttpServletResponse response =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    if (response != null) {
      response.setHeader(HttpHeaders.LINK, links.header());
    }
    return dto(links);
  }

  private static <R, D> Map<String, LabelDto> labels(List<Column<R, D>> columns) {
    Map<String, LabelDto> labels = new LinkedHashMap<>();
    columns.forEach(c -> labels.put(c.key(), new LabelDto().zh(c.zh()).en(c.en())));
    return labels;
  }

  private static <R, D> Map<String, ListMetaDto.InnerEnum> dataTypes(List<Column<R, D>> columns) {
    Map<String, ListMetaDto.InnerEnum> types = new LinkedHashMap<>();
    columns.forEach(c -> types.put(c.key(), ListMetaDto.InnerEnum.fromValue(c.type().code())));
    return types;
  }

  private static LinksDto dto(PageLinks links) {
    return new LinksDto()
        .self(links.self())
        .next(links.next())
        .prev(links.prev())
        .first(links.first())
        .last(links.last());
  }

  static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }
}
