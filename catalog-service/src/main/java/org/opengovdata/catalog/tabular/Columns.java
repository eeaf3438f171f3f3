package org.opengovdata.catalog.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.opengovdata.common.problem.ApiException;

/**
 * The fields of a tabular resource, in output order: the single definition behind JSON rows, CSV
 * columns, {@code meta.labels}, {@code meta.dataTypes} and the {@code fields} parameter.
 *
 * @param <R> the row type
 * @param <D> the generated DTO of one JSON row
 */
public final class Columns<R, D> {

  private final List<Column<R, D>> all;
  private final Supplier<D> newDto;

  @SafeVarargs
  public Columns(Supplier<D> newDto, Column<R, D>... columns) {
    this.newDto = newDto;
    this.all = List.of(columns);
  }

  public List<Column<R, D>> all() {
    return all;
  }

  /** The columns named by a {@code fields} parameter (all when blank); 400 on unknown names. */
  public List<Column<R, D>> select(String fields) {
    if (fields == null || fields.isBlank()) {
      return all;
    }
    Map<String, Column<R, D>> byKey = new LinkedHashMap<>();
    all.forEach(c -> byKey.put(c.key(), c));
    Set<Column<R, D>> selected = new LinkedHashSet<>();
    for (String name : fields.split(",")) {
      Column<R, D> column = byKey.get(name.trim());
      if (column == null) {
        throw ApiException.invalidParameter(
            "fields",
            "'%s' is not a field; use any of %s"
                .formatted(name, String.join(", ", byKey.keySet())));
      }
      selected.add(column);
    }
    return new ArrayList<>(selected);
  }

  /** The JSON row of {@code row} with only {@code columns} set (absent values stay unset). */
  public D toDto(R row, List<Column<R, D>> columns) {
    D dto = newDto.get();
    columns.forEach(c -> c.apply().accept(dto, row));
    return dto;
  }
}
