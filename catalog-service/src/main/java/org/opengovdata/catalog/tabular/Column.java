package org.opengovdata.catalog.tabular;

import java.math.BigDecimal;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field of a tabular resource: its key (JSON property and CSV header), Chinese and English
 * label, type, how to read it from a row (CSV) and how to put it on the JSON DTO.
 *
 * @param <R> the row type
 * @param <D> the generated DTO type of one JSON row
 */
public record Column<R, D>(
    String key, String zh, String en, DataType type, Function<R, ?> value, BiConsumer<D, R> apply) {

  public static <R, D, V> Column<R, D> of(
      String key,
      String zh,
      String en,
      DataType type,
      Function<R, V> getter,
      BiConsumer<D, V> setter) {
    return new Column<>(
        key,
        zh,
        en,
        type,
        getter,
        (dto, row) -> {
          V value = getter.apply(row);
          if (value != null) {
            setter.accept(dto, value);
          }
        });
  }

  /**
   * A decimal field (amounts, values, rates): in JSON a string with its exact digits ({@code
   * "38211.57"}, never a float that would round), in CSV the same digits.
   */
  public static <R, D> Column<R, D> decimal(
      String key,
      String zh,
      String en,
      Function<R, BigDecimal> getter,
      BiConsumer<D, String> setter) {
    return of(
        key, zh, en, DataType.DECIMAL, getter, (dto, v) -> setter.accept(dto, v.toPlainString()));
  }
}
