package org.opengovdata.catalog.fiscal;

import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import org.opengovdata.catalog.api.model.StageDto;
import org.opengovdata.catalog.api.model.ThreePublicExpenseDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.KeyFields;
import org.opengovdata.catalog.tabular.KeyFields.Field;
import org.opengovdata.common.paging.SortOrder;

/** Fields of a 三公经费 row (JSON, CSV, labels) and its sort keys. */
final class ThreePublicExpenseColumns {

  private ThreePublicExpenseColumns() {}

  static final Columns<ThreePublicExpense, ThreePublicExpenseDto> COLUMNS =
      new Columns<>(
          ThreePublicExpenseDto::new,
          Column.of(
              "year",
              "年度",
              "Fiscal year",
              INTEGER,
              ThreePublicExpense::year,
              ThreePublicExpenseDto::setYear),
          Column.of(
              "regionCode",
              "行政区划代码",
              "Region code",
              STRING,
              ThreePublicExpense::regionCode,
              ThreePublicExpenseDto::setRegionCode),
          Column.of(
              "regionName",
              "行政区划",
              "Region",
              STRING,
              ThreePublicExpense::regionName,
              ThreePublicExpenseDto::setRegionName),
          Column.of(
              "stage",
              "阶段",
              "Stage",
              STRING,
              ThreePublicExpense::stage,
              (d, v) -> d.setStage(StageDto.fromValue(v.name()))),
          Column.decimal(
              "overseasTravel",
              "因公出国（境）费",
              "Overseas official travel",
              ThreePublicExpense::overseasTravel,
              ThreePublicExpenseDto::setOverseasTravel),
          Column.decimal(
              "vehiclePurchase",
              "公务用车购置费",
              "Official vehicle purchase",
              ThreePublicExpense::vehiclePurchase,
              ThreePublicExpenseDto::setVehiclePurchase),
          Column.decimal(
              "vehicleOperation",
              "公务用车运行维护费",
              "Official vehicle operation",
              ThreePublicExpense::vehicleOperation,
              ThreePublicExpenseDto::setVehicleOperation),
          Column.decimal(
              "officialReception",
              "公务接待费",
              "Official reception",
              ThreePublicExpense::officialReception,
              ThreePublicExpenseDto::setOfficialReception),
          Column.decimal(
              "total", "合计", "Total", ThreePublicExpense::total, ThreePublicExpenseDto::setTotal),
          Column.of(
              "unit", "单位", "Unit", STRING, r -> FiscalItem.UNIT, ThreePublicExpenseDto::setUnit),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              ThreePublicExpense::modified,
              ThreePublicExpenseDto::setModified));

  /** The unique key of a row, which is also the default order. */
  static final SortOrder KEY = SortOrder.of("year", "regionCode", "stage");

  static final KeyFields<ThreePublicExpense> SORT =
      new KeyFields<>(
          KEY,
          new Field<>(
              "regionCode", "region_code", ThreePublicExpense::regionCode, KeyFields.text(16)),
          new Field<>("stage", "stage", e -> e.stage().name(), KeyFields.text(32)),
          new Field<>(
              "total",
              "(overseas_travel + vehicle_purchase + vehicle_operation + official_reception)",
              ThreePublicExpense::total,
              KeyFields.decimal(14, 2)),
          new Field<>("year", "year", ThreePublicExpense::year, KeyFields.integer(1949, 2100)));
}
