package org.opengovdata.catalog.reference;

import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import org.opengovdata.catalog.api.model.ClassificationDto;
import org.opengovdata.catalog.api.model.DirectionDto;
import org.opengovdata.catalog.api.model.RegionDto;
import org.opengovdata.catalog.api.model.RegionLevelDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;

final class ReferenceColumns {

  private ReferenceColumns() {}

  static final Columns<Region, RegionDto> REGIONS =
      new Columns<>(
          RegionDto::new,
          Column.of("code", "行政区划代码", "Code", STRING, Region::code, RegionDto::setCode),
          Column.of("name", "名称", "Name", STRING, Region::name, RegionDto::setName),
          Column.of(
              "level",
              "级别",
              "Level",
              STRING,
              r -> r.level().code(),
              (d, v) -> d.setLevel(RegionLevelDto.fromValue(v))),
          Column.of(
              "parentCode",
              "上级代码",
              "Parent code",
              STRING,
              Region::parentCode,
              RegionDto::setParentCode));

  static final Columns<Classification, ClassificationDto> CLASSIFICATIONS =
      new Columns<>(
          ClassificationDto::new,
          Column.of(
              "code", "科目编码", "Code", STRING, Classification::code, ClassificationDto::setCode),
          Column.of(
              "name", "科目名称", "Name", STRING, Classification::name, ClassificationDto::setName),
          Column.of(
              "level", "级次", "Level", INTEGER, Classification::level, ClassificationDto::setLevel),
          Column.of(
              "parentCode",
              "上级编码",
              "Parent code",
              STRING,
              Classification::parentCode,
              ClassificationDto::setParentCode),
          Column.of(
              "direction",
              "收支",
              "Direction",
              STRING,
              c -> c.revenue() ? "REVENUE" : "EXPENDITURE",
              (d, v) -> d.setDirection(DirectionDto.fromValue(v))));
}
