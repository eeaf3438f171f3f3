package org.opengovdata.catalog.load;

/**
 * Turns one CSV row into a typed row, or reports what is wrong with it.
 *
 * @param <T> the typed row
 */
@FunctionalInterface
public interface RowValidator<T> {

  /** The typed row, or null after adding at least one error for {@code row} to {@code errors}. */
  T validate(CsvRows.Row row, RowErrors errors);
}
