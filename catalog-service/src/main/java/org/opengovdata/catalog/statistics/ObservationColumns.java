package org.opengovdata.catalog.statistics;

import static org.opengovdata.catalog.tabular.DataType.DATE;
import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import org.opengovdata.catalog.api.model.FrequencyDto;
import org.opengovdata.catalog.api.model.ObservationDto;
import org.opengovdata.catalog.api.model.ObservationStatusDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.KeyFields;
import org.opengovdata.catalog.tabular.KeyFields.Field;
import org.opengovdata.common.paging.SortOrder;

final class ObservationColumns {

  private ObservationColumns() {}

  static final Columns<Observation, ObservationDto> COLUMNS =
      new Columns<>(
          ObservationDto::new,
          Column.of(
              "indicatorCode",
              "指标代码",
              "Indicator code",
              STRING,
              Observation::indicatorCode,
              ObservationDto::setIndicatorCode),
          Column.of(
              "indicatorName",
              "指标名称",
              "Indicator",
              STRING,
              Observation::indicatorName,
              ObservationDto::setIndicatorName),
          Column.of(
              "regionCode",
              "行政区划代码",
              "Region code",
              STRING,
              Observation::regionCode,
              ObservationDto::setRegionCode),
          Column.of(
              "regionName",
              "行政区划",
              "Region",
              STRING,
              Observation::regionName,
              ObservationDto::setRegionName),
          Column.of(
              "period", "时期", "Period", STRING, Observation::period, ObservationDto::setPeriod),
          Column.of(
              "frequency",
              "频度",
              "Frequency",
              STRING,
              Observation::frequency,
              (d, v) -> d.setFrequency(FrequencyDto.fromValue(v.name()))),
          Column.decimal("value", "数值", "Value", Observation::value, ObservationDto::setValue),
          Column.of("unit", "计量单位", "Unit", STRING, Observation::unit, ObservationDto::setUnit),
          Column.of(
              "status",
              "数据状态",
              "Status",
              STRING,
              Observation::status,
              (d, v) -> d.setStatus(ObservationStatusDto.fromValue(v.name()))),
          Column.of(
              "publishedOn",
              "发布日期",
              "Published on",
              DATE,
              Observation::publishedOn,
              ObservationDto::setPublishedOn),
          Column.of(
              "supersededOn",
              "被修订日期",
              "Superseded on",
              DATE,
              Observation::supersededOn,
              ObservationDto::setSupersededOn),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              Observation::modified,
              ObservationDto::setModified));

  /**
   * Unique in every view: in the current one or as of a day, indicator, region and period already
   * are; with {@code vintages=all} the vintage orders a period's values as they were published.
   */
  static final SortOrder KEY = SortOrder.of("indicatorCode", "regionCode", "period", "vintage");

  static final KeyFields<Observation> SORT =
      new KeyFields<>(
          KEY,
          new Field<>(
              "indicatorCode", "o.indicator_code", Observation::indicatorCode, KeyFields.text(64)),
          new Field<>("regionCode", "o.region_code", Observation::regionCode, KeyFields.text(16)),
          new Field<>("period", "o.period_start", Observation::periodStart, KeyFields.date()),
          new Field<>("value", "o.value", Observation::value, KeyFields.decimal(24, 100)),
          new Field<>("publishedOn", "o.published_on", Observation::publishedOn, KeyFields.date()),
          new Field<>("vintage", "o.id", Observation::vintage, KeyFields.identity()));
}
