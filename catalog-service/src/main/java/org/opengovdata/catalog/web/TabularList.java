package org.opengovdata.catalog.web;

import java.util.List;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.TabularResource;
import org.opengovdata.catalog.tabular.TabularResource.Page;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer of a {@link TabularResource}: a 304 when the client's copy is current (before any
 * query runs), every row streamed as CSV (then null, see {@link Read}), or one JSON page — by page
 * number or by cursor — with {@code meta} and {@code links}.
 */
public final class TabularList {

  private TabularList() {}

  public static <R, F extends TabularResource.Filter, D, L> ResponseEntity<L> answer(
      TabularResource<R, F, D> resource,
      F filter,
      ListParameters p,
      ListEnvelope.Factory<D, L> envelope) {
    SortOrder order = resource.sort(p.sort());
    List<Column<R, D>> selected = resource.columns().select(p.fields());
    if (p.cursor() != null && p.page() != 0) {
      throw ApiException.invalidParameter("cursor", "give either page or cursor, not both");
    }
    String version = resource.stamp();
    Read read = p.read(version);
    ResponseEntity<L> notModified = read.notModified(p.ifNoneMatch());
    if (notModified != null) {
      return notModified;
    }
    if (read.csvw()) {
      read.writeCsvw(selected);
      return null;
    }
    if (read.csv()) {
      long total = resource.total(version, filter);
      read.writeCsv(
          resource.name(),
          total,
          out -> resource.writeCsv(filter, order, selected, p::header, out));
      return null;
    }
    if (read.jsonLines()) {
      read.writeJsonLines(
          resource.name(),
          resource.total(version, filter),
          sink ->
              resource.stream(
                  filter, order, row -> sink.accept(resource.columns().toDto(row, selected))));
      return null;
    }
    if (p.cursor() != null) {
      Page<R> page = resource.after(version, filter, order, p.cursor(), p.size());
      return read.ok(
          envelope.of(
              data(resource, page, selected),
              ListEnvelope.cursorMeta(selected, page.total(), p.size(), page.nextCursor()),
              ListEnvelope.cursorLinks(page.nextCursor())));
    }
    Page<R> page = resource.page(version, filter, order, p.pageRequest());
    return read.ok(
        envelope.of(
            data(resource, page, selected),
            ListEnvelope.meta(selected, page.total(), p.pageRequest(), page.nextCursor()),
            ListEnvelope.pageLinks(p.pageRequest(), page.total(), page.nextCursor())));
  }

  private static <R, D> List<D> data(
      TabularResource<R, ?, D> resource, Page<R> page, List<Column<R, D>> selected) {
    return page.rows().stream().map(r -> resource.columns().toDto(r, selected)).toList();
  }
}
