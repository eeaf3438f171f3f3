package org.opengovdata.catalog.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LinksDto;
import org.opengovdata.catalog.api.model.ListMetaDto;
import org.opengovdata.catalog.cache.CatalogCache;
import org.opengovdata.catalog.jdbc.KeyFields;
import org.opengovdata.common.paging.KeysetCursor;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.type.TypeReference;

/**
 * A large tabular resource — fiscal line items, statistical observations — read the ways the API
 * promises for every such list: a numbered page, the rows after an opaque keyset cursor (no depth
 * cap), or every row streamed as CSV; a 304 when the client's copy is current; the total cached per
 * data version. Answers {@code {data, meta, links}}.
 *
 * @param <R> a row
 * @param <F> the resource's filter
 * @param <D> a row's DTO
 */
public final class TabularResource<R, F extends TabularResource.Filter, D> {

  /** A filter that can say what it selects as text, for cache keys and cursor binding. */
  public interface Filter {
    String canonical();
  }

  /** What the resource's repository provides; {@code limit} rows at most. */
  public interface Rows<R, F> {
    long count(F filter);

    List<R> page(F filter, SortOrder sort, PageRequest page, int limit);

    List<R> after(F filter, SortOrder sort, List<Object> key, int limit);

    void stream(F filter, SortOrder sort, Consumer<R> sink);
  }

  /** The resource's generated list DTO, built from its three parts. */
  public interface Envelope<D, L> {
    L of(List<D> data, ListMetaDto meta, LinksDto links);
  }

  /** The parameters every such list takes, as generated from the spec. */
  public record ListParameters(
      String sort,
      String fields,
      Integer page,
      Integer size,
      String cursor,
      FormatDto format,
      String ifNoneMatch) {}

  /** A page of rows and the cursor after its last row (null when none follow). */
  public record Page<R>(List<R> rows, long total, String nextCursor) {}

  private final String name;
  private final Rows<R, F> rows;
  private final KeyFields<R> keys;
  private final Columns<R, D> columns;
  private final CatalogCache cache;
  private final Supplier<String> stamp;

  /**
   * @param name names the CSV file and the cached totals
   * @param stamp the version stamp of the data (changes with every load)
   */
  public TabularResource(
      String name,
      Rows<R, F> rows,
      KeyFields<R> keys,
      Columns<R, D> columns,
      CatalogCache cache,
      Supplier<String> stamp) {
    this.name = name;
    this.rows = rows;
    this.keys = keys;
    this.columns = columns;
    this.cache = cache;
    this.stamp = stamp;
  }

  /** The answer to a list request: 304, streamed CSV (then null, see {@link Read}) or JSON. */
  public <L> ResponseEntity<L> list(F filter, ListParameters p, Envelope<D, L> envelope) {
    SortOrder order = keys.sort(p.sort());
    List<Column<R, D>> selected = columns.select(p.fields());
    if (p.cursor() != null && p.page() != 0) {
      throw ApiException.invalidParameter("cursor", "give either page or cursor, not both");
    }
    String version = stamp();
    Read read = Read.of(version, Formats.explicit(p.format()), Formats.TABULAR);
    ResponseEntity<L> notModified = read.notModified(p.ifNoneMatch());
    if (notModified != null) {
      return notModified;
    }
    if (read.csv()) {
      read.writeCsv(
          name, selected, total(version, filter), sink -> rows.stream(filter, order, sink));
      return null;
    }
    boolean byCursor = p.cursor() != null;
    PageRequest pageRequest = new PageRequest(p.page(), p.size());
    List<R> fetched =
        byCursor
            ? after(filter, order, p.cursor(), p.size())
            : rows.page(filter, order, pageRequest, p.size() + 1);
    Page<R> result = complete(version, filter, order, fetched, p.size());
    List<D> data = result.rows().stream().map(r -> columns.toDto(r, selected)).toList();
    return read.ok(
        envelope.of(
            data,
            byCursor
                ? ListEnvelope.cursorMeta(selected, result.total(), p.size(), result.nextCursor())
                : ListEnvelope.meta(selected, result.total(), pageRequest, result.nextCursor()),
            byCursor
                ? ListEnvelope.cursorLinks(result.nextCursor())
                : ListEnvelope.pageLinks(pageRequest, result.total())));
  }

  /**
   * The rows after a cursor. The cursor's checksum catches accidents, not forgeries: a crafted
   * value the database cannot compare (an out-of-range number or date) is still the client's error,
   * so it is a 400 on {@code cursor}, never a 500.
   */
  private List<R> after(F filter, SortOrder order, String cursor, int size) {
    List<Object> key = keys.decode(cursor, filter.canonical(), order);
    try {
      return rows.after(filter, order, key, size + 1);
    } catch (DataAccessException e) {
      throw KeysetCursor.malformed();
    }
  }

  public String stamp() {
    return stamp.get();
  }

  /** The number of rows the filter selects, cached per data version. */
  public long total(String version, F filter) {
    return cache.get(
        name + "-count",
        version,
        filter.canonical(),
        new TypeReference<Long>() {},
        () -> rows.count(filter));
  }

  /** Rows were fetched one beyond {@code size} to know whether a next cursor is needed. */
  private Page<R> complete(String version, F filter, SortOrder order, List<R> fetched, int size) {
    boolean more = fetched.size() > size;
    List<R> page = more ? fetched.subList(0, size) : fetched;
    String next = more ? keys.encode(page.get(page.size() - 1), filter.canonical(), order) : null;
    return new Page<>(List.copyOf(page), total(version, filter), next);
  }
}
