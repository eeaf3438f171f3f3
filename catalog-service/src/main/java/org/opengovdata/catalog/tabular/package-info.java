/**
 * The list engine: what every list of the catalog is made of, without HTTP (that is {@code
 * web.TabularList} and {@code web.PagedList}).
 *
 * <p>A new list resource — say policy documents — needs:
 *
 * <ol>
 *   <li>a row record ({@code Policy}) and its {@link org.opengovdata.catalog.tabular.Columns}: one
 *       {@link org.opengovdata.catalog.tabular.Column} per field (key, 中文 and English label, {@link
 *       org.opengovdata.catalog.tabular.DataType}, getter, DTO setter) — the single source of JSON
 *       rows, CSV columns (free text is quoted per RFC 4180, line breaks included), {@code
 *       meta.labels}, {@code meta.dataTypes} and {@code fields};
 *   <li>its {@link org.opengovdata.catalog.tabular.KeyFields}: the sortable fields with their SQL
 *       column and how a cursor stores and parses each value, ending with a unique key;
 *   <li>a filter record implementing {@link org.opengovdata.catalog.tabular.TabularResource.Filter}
 *       ({@code canonical()} binds cursors and cache keys to the query) with a {@code where()}
 *       built from {@code jdbc.SqlWhere};
 *   <li>a {@code @Repository} extending {@link org.opengovdata.catalog.tabular.KeysetQuery}: the
 *       {@code select}, the {@code where} and the row mapping; count, page, keyset cursor and
 *       streamed export come with it;
 *   <li>one {@code @Bean} {@link org.opengovdata.catalog.tabular.TabularResource} (name,
 *       repository, key fields, columns, cache, the data's version stamp), and a controller that
 *       answers with {@code TabularList.answer(resource, filter, parameters, envelope)}.
 * </ol>
 *
 * Small lists computed in memory use {@link org.opengovdata.catalog.tabular.InMemoryRows} and
 * {@link org.opengovdata.catalog.tabular.PagedRows#computed} with {@code web.PagedList} instead.
 */
package org.opengovdata.catalog.tabular;
