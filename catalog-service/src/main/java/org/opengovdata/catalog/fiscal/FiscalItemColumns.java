package org.opengovdata.catalog.fiscal;

import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.opengovdata.catalog.api.model.FiscalItemDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.KeyFields;
import org.opengovdata.catalog.tabular.KeyFields.Field;
import org.opengovdata.common.paging.SortOrder;

/** Fields of a line item (JSON, CSV, labels) and its sort keys. */
final class FiscalItemColumns {

  private FiscalItemColumns() {}

  static final Columns<FiscalItem, FiscalItemDto> COLUMNS =
      new Columns<>(
          FiscalItemDto::new,
          Column.of("id", "编号", "ID", INTEGER, FiscalItem::id, FiscalItemDto::setId),
          Column.of("year", "年度", "Fiscal year", INTEGER, FiscalItem::year, FiscalItemDto::setYear),
          Column.of(
              "regionCode",
              "行政区划代码",
              "Region code",
              STRING,
              FiscalItem::regionCode,
              FiscalItemDto::setRegionCode),
          Column.of(
              "regionName",
              "行政区划",
              "Region",
              STRING,
              FiscalItem::regionName,
              FiscalItemDto::setRegionName),
          FiscalDimensions.budgetType(FiscalItem::budgetType, FiscalItemDto::setBudgetType),
          FiscalDimensions.stage(FiscalItem::stage, FiscalItemDto::setStage),
          FiscalDimensions.direction(FiscalItem::direction, FiscalItemDto::setDirection),
          Column.of(
              "classificationCode",
              "科目编码",
              "Classification code",
              STRING,
              FiscalItem::classificationCode,
              FiscalItemDto::setClassificationCode),
          Column.of(
              "classificationName",
              "科目名称",
              "Classification",
              STRING,
              FiscalItem::classificationName,
              FiscalItemDto::setClassificationName),
          Column.of(
              "classificationLevel",
              "科目级次",
              "Classification level",
              INTEGER,
              FiscalItem::classificationLevel,
              FiscalItemDto::setClassificationLevel),
          Column.decimal("amount", "金额", "Amount", FiscalItem::amount, FiscalItemDto::setAmount),
          Column.of("unit", "单位", "Unit", STRING, i -> FiscalItem.UNIT, FiscalItemDto::setUnit),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              FiscalItem::modified,
              FiscalItemDto::setModified));

  /** The unique key of a line item, which is also the default order. */
  static final SortOrder KEY =
      SortOrder.of("year", "regionCode", "budgetType", "stage", "direction", "classificationCode");

  static final KeyFields<FiscalItem> SORT =
      new KeyFields<>(
          KEY,
          new Field<>("year", "year", FiscalItem::year, Integer::valueOf),
          new Field<>("regionCode", "region_code", FiscalItem::regionCode, s -> s),
          new Field<>("budgetType", "budget_type", i -> i.budgetType().name(), s -> s),
          new Field<>("stage", "stage", i -> i.stage().name(), s -> s),
          new Field<>("direction", "direction", i -> i.direction().name(), s -> s),
          new Field<>(
              "classificationCode", "classification_code", FiscalItem::classificationCode, s -> s),
          new Field<>("amount", "amount", FiscalItem::amount, BigDecimal::new),
          new Field<>("modified", "modified", FiscalItem::modified, OffsetDateTime::parse));
}
