package org.opengovdata.catalog.statistics;

import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import org.opengovdata.catalog.api.model.FrequencyDto;
import org.opengovdata.catalog.api.model.IndicatorDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;

final class IndicatorColumns {

  private IndicatorColumns() {}

  static final Columns<Indicator, IndicatorDto> COLUMNS =
      new Columns<>(
          IndicatorDto::new,
          Column.of("code", "指标代码", "Code", STRING, Indicator::code, IndicatorDto::setCode),
          Column.of("name", "指标名称", "Name", STRING, Indicator::name, IndicatorDto::setName),
          Column.of(
              "nameEn", "英文名称", "English name", STRING, Indicator::nameEn, IndicatorDto::setNameEn),
          Column.of("unit", "计量单位", "Unit", STRING, Indicator::unit, IndicatorDto::setUnit),
          Column.of(
              "unitEn",
              "英文单位",
              "Unit (English)",
              STRING,
              Indicator::unitEn,
              IndicatorDto::setUnitEn),
          Column.of(
              "frequency",
              "频度",
              "Frequency",
              STRING,
              Indicator::frequency,
              (d, v) -> d.setFrequency(FrequencyDto.fromValue(v.name()))),
          Column.of(
              "description",
              "说明",
              "Description",
              STRING,
              Indicator::description,
              IndicatorDto::setDescription),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              Indicator::modified,
              IndicatorDto::setModified));
}
