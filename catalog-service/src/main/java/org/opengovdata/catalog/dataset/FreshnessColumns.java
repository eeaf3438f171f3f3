package org.opengovdata.catalog.dataset;

import static org.opengovdata.catalog.tabular.DataType.BOOLEAN;
import static org.opengovdata.catalog.tabular.DataType.DATE;
import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import org.opengovdata.catalog.api.model.DatasetFreshnessDto;
import org.opengovdata.catalog.api.model.UpdateFrequencyDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;

/** The fields of {@code /datasets/freshness} in JSON and CSV. */
final class FreshnessColumns {

  private FreshnessColumns() {}

  static final Columns<Freshness, DatasetFreshnessDto> COLUMNS =
      new Columns<>(
          DatasetFreshnessDto::new,
          Column.of(
              "datasetId",
              "数据集",
              "Dataset",
              STRING,
              f -> f.dataset().id(),
              DatasetFreshnessDto::setDatasetId),
          Column.of(
              "title",
              "名称",
              "Title",
              STRING,
              f -> f.dataset().title(),
              DatasetFreshnessDto::setTitle),
          Column.of(
              "updateFrequency",
              "更新频率",
              "Update frequency",
              STRING,
              f -> f.dataset().updateFrequency(),
              (d, v) -> d.setUpdateFrequency(UpdateFrequencyDto.fromValue(v))),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              f -> f.dataset().modified(),
              DatasetFreshnessDto::setModified),
          Column.of(
              "nextUpdateDue",
              "应更新日期",
              "Next update due",
              DATE,
              Freshness::nextUpdateDue,
              DatasetFreshnessDto::setNextUpdateDue),
          Column.of(
              "overdueDays",
              "逾期天数",
              "Days overdue",
              INTEGER,
              Freshness::overdueDays,
              DatasetFreshnessDto::setOverdueDays),
          Column.of(
              "overdue",
              "是否逾期",
              "Overdue",
              BOOLEAN,
              Freshness::overdue,
              DatasetFreshnessDto::setOverdue));
}
