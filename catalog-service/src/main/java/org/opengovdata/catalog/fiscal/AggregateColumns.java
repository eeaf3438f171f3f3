package org.opengovdata.catalog.fiscal;

import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import java.util.Map;
import org.opengovdata.catalog.api.model.FiscalExecutionRowDto;
import org.opengovdata.catalog.api.model.FiscalSummaryRowDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.InMemoryRows;
import org.opengovdata.common.paging.SortOrder;

/** Fields and sort keys of the summary and execution rows. */
final class AggregateColumns {

  private AggregateColumns() {}

  static final Columns<SummaryRow, FiscalSummaryRowDto> SUMMARY =
      new Columns<>(
          FiscalSummaryRowDto::new,
          Column.of("key", "分组", "Group", STRING, SummaryRow::key, FiscalSummaryRowDto::setKey),
          Column.of("name", "名称", "Name", STRING, SummaryRow::name, FiscalSummaryRowDto::setName),
          Column.of(
              "level",
              "科目级次",
              "Classification level",
              INTEGER,
              SummaryRow::level,
              FiscalSummaryRowDto::setLevel),
          Column.of(
              "subKey",
              "子分组",
              "Subgroup",
              STRING,
              SummaryRow::subKey,
              FiscalSummaryRowDto::setSubKey),
          Column.of(
              "subName",
              "子分组名称",
              "Subgroup name",
              STRING,
              SummaryRow::subName,
              FiscalSummaryRowDto::setSubName),
          FiscalDimensions.budgetType(SummaryRow::budgetType, FiscalSummaryRowDto::setBudgetType),
          FiscalDimensions.stage(SummaryRow::stage, FiscalSummaryRowDto::setStage),
          FiscalDimensions.direction(SummaryRow::direction, FiscalSummaryRowDto::setDirection),
          Column.decimal(
              "amount", "金额", "Amount", SummaryRow::amount, FiscalSummaryRowDto::setAmount),
          Column.of(
              "itemCount",
              "明细条数",
              "Line items",
              INTEGER,
              SummaryRow::itemCount,
              FiscalSummaryRowDto::setItemCount),
          Column.of(
              "unit", "单位", "Unit", STRING, r -> FiscalItem.UNIT, FiscalSummaryRowDto::setUnit));

  static final InMemoryRows<SummaryRow> SUMMARY_SORT =
      new InMemoryRows<>(
          SortOrder.of("key"),
          Map.of(
              "key",
              SummaryRow::key,
              "amount",
              SummaryRow::amount,
              "itemCount",
              SummaryRow::itemCount));

  static final Columns<ExecutionRow, FiscalExecutionRowDto> EXECUTION =
      new Columns<>(
          FiscalExecutionRowDto::new,
          Column.of(
              "classificationCode",
              "科目编码",
              "Classification code",
              STRING,
              ExecutionRow::code,
              FiscalExecutionRowDto::setClassificationCode),
          Column.of(
              "classificationName",
              "科目名称",
              "Classification",
              STRING,
              ExecutionRow::name,
              FiscalExecutionRowDto::setClassificationName),
          Column.of(
              "level",
              "科目级次",
              "Classification level",
              INTEGER,
              ExecutionRow::level,
              FiscalExecutionRowDto::setLevel),
          Column.decimal(
              "budget", "预算数", "Budget", ExecutionRow::budget, FiscalExecutionRowDto::setBudget),
          Column.decimal(
              "adjusted",
              "调整预算数",
              "Adjusted budget",
              ExecutionRow::adjusted,
              FiscalExecutionRowDto::setAdjusted),
          Column.decimal(
              "final",
              "决算数",
              "Final account",
              ExecutionRow::finalAmount,
              FiscalExecutionRowDto::setFinal),
          Column.decimal(
              "executionRate",
              "预算执行率(%)",
              "Execution rate (%)",
              ExecutionRow::executionRate,
              FiscalExecutionRowDto::setExecutionRate),
          Column.decimal(
              "adjustedExecutionRate",
              "调整预算执行率(%)",
              "Execution rate vs adjusted budget (%)",
              ExecutionRow::adjustedExecutionRate,
              FiscalExecutionRowDto::setAdjustedExecutionRate),
          Column.of(
              "unit", "单位", "Unit", STRING, r -> FiscalItem.UNIT, FiscalExecutionRowDto::setUnit));

  static final InMemoryRows<ExecutionRow> EXECUTION_SORT =
      new InMemoryRows<>(
          SortOrder.of("classificationCode"),
          Map.of(
              "classificationCode", ExecutionRow::code,
              "budget", ExecutionRow::budget,
              "adjusted", ExecutionRow::adjusted,
              "final", ExecutionRow::finalAmount,
              "executionRate", ExecutionRow::executionRate));
}
