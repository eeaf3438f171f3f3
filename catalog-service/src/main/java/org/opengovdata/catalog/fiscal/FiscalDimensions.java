package org.opengovdata.catalog.fiscal;

import static org.opengovdata.catalog.tabular.DataType.STRING;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.tabular.Column;

/** The budget, stage and direction columns, the same in line items and in their sums. */
final class FiscalDimensions {

  private FiscalDimensions() {}

  static <R, D> Column<R, D> budgetType(
      Function<R, BudgetType> getter, BiConsumer<D, BudgetTypeDto> setter) {
    return Column.of(
        "budgetType",
        "预算类型",
        "Budget",
        STRING,
        getter,
        (d, v) -> setter.accept(d, BudgetTypeDto.fromValue(v.name())));
  }

  static <R, D> Column<R, D> stage(Function<R, Stage> getter, BiConsumer<D, StageDto> setter) {
    return Column.of(
        "stage",
        "阶段",
        "Stage",
        STRING,
        getter,
        (d, v) -> setter.accept(d, StageDto.fromValue(v.name())));
  }

  static <R, D> Column<R, D> direction(
      Function<R, Direction> getter, BiConsumer<D, DirectionDto> setter) {
    return Column.of(
        "direction",
        "收支",
        "Direction",
        STRING,
        getter,
        (d, v) -> setter.accept(d, DirectionDto.fromValue(v.name())));
  }
}
