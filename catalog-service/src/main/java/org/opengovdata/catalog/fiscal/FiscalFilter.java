package org.opengovdata.catalog.fiscal;

import java.time.OffsetDateTime;
import java.util.Set;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.jdbc.SqlWhere;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.Params;
import org.opengovdata.catalog.tabular.TabularResource;

/**
 * Filters shared by the line items, their sums and budget execution.
 *
 * @param regions the region codes to include (one region, or it and its subregions); null = all
 * @param classificationPrefix a code prefix: {@code 205} matches {@code 20502} and {@code 2050201}
 */
record FiscalFilter(
    Years years,
    Set<String> regions,
    BudgetType budgetType,
    Stage stage,
    Direction direction,
    String classificationPrefix,
    OffsetDateTime modifiedSince)
    implements TabularResource.Filter {

  /** From the request parameters; unknown regions and contradictory years are 400s. */
  static FiscalFilter of(
      ReferenceData reference,
      Integer year,
      Integer yearFrom,
      Integer yearTo,
      String region,
      Boolean includeSubregions,
      BudgetTypeDto budgetType,
      StageDto stage,
      DirectionDto direction,
      String classification,
      String modifiedSince) {
    Set<String> regions = reference.regionsSelected("region", region, includeSubregions);
    return new FiscalFilter(
        Years.of(year, yearFrom, yearTo),
        regions,
        budgetType == null ? null : BudgetType.valueOf(budgetType.name()),
        stage == null ? null : Stage.valueOf(stage.name()),
        direction == null ? null : Direction.valueOf(direction.name()),
        classification,
        Params.instant("modifiedSince", modifiedSince));
  }

  SqlWhere where() {
    return new SqlWhere()
        .andIf(years.from(), "year >= ?")
        .andIf(years.to(), "year <= ?")
        .andIn("region_code", regions)
        .andIf(budgetType == null ? null : budgetType.name(), "budget_type = ?")
        .andIf(stage == null ? null : stage.name(), "stage = ?")
        .andIf(direction == null ? null : direction.name(), "direction = ?")
        .andIf(
            classificationPrefix == null ? null : classificationPrefix + "%",
            "classification_code like ?")
        .andIf(modifiedSince, "modified > ?");
  }

  /** Whether the filter selects a single value of a dimension (so its figures can be added). */
  boolean fixes(GroupBy dimension) {
    return switch (dimension) {
      case STAGE -> stage != null;
      case BUDGET_TYPE -> budgetType != null;
      case DIRECTION -> direction != null;
      default -> false;
    };
  }

  /** Without the stage (budget execution compares the stages). */
  FiscalFilter anyStage() {
    return new FiscalFilter(
        years, regions, budgetType, null, direction, classificationPrefix, modifiedSince);
  }

  /** A canonical text of the filter, for cache keys and cursor binding. */
  @Override
  public String canonical() {
    return String.join(
        "|",
        String.valueOf(years.from()),
        String.valueOf(years.to()),
        regions == null ? "*" : String.join(",", new java.util.TreeSet<>(regions)),
        String.valueOf(budgetType),
        String.valueOf(stage),
        String.valueOf(direction),
        String.valueOf(classificationPrefix),
        modifiedSince == null ? "null" : modifiedSince.toInstant().toString());
  }
}
