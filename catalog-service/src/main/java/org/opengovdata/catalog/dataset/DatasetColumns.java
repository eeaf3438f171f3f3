package org.opengovdata.catalog.dataset;

import static org.opengovdata.catalog.tabular.DataType.DATE;
import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import java.util.List;
import org.opengovdata.catalog.api.model.DatasetDto;
import org.opengovdata.catalog.api.model.DistributionDto;
import org.opengovdata.catalog.api.model.ThemeDto;
import org.opengovdata.catalog.api.model.UpdateFrequencyDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;

/** The fields of a dataset in lists and CSV. */
final class DatasetColumns {

  private DatasetColumns() {}

  static final Columns<Dataset, DatasetDto> COLUMNS =
      new Columns<>(
          DatasetDto::new,
          Column.of("id", "标识", "Identifier", STRING, Dataset::id, DatasetDto::setId),
          Column.of(
              "theme",
              "主题",
              "Theme",
              STRING,
              Dataset::theme,
              (d, v) -> d.setTheme(ThemeDto.fromValue(v))),
          Column.of("title", "标题", "Title", STRING, Dataset::title, DatasetDto::setTitle),
          Column.of(
              "titleEn", "英文标题", "English title", STRING, Dataset::titleEn, DatasetDto::setTitleEn),
          Column.of(
              "description",
              "描述",
              "Description",
              STRING,
              Dataset::description,
              DatasetDto::setDescription),
          Column.of(
              "publisher",
              "发布机构",
              "Publisher",
              STRING,
              Dataset::publisher,
              DatasetDto::setPublisher),
          Column.of(
              "regionCode",
              "行政区划代码",
              "Region code",
              STRING,
              Dataset::regionCode,
              DatasetDto::setRegionCode),
          Column.of(
              "keywords",
              "关键词",
              "Keywords",
              STRING,
              d -> String.join(";", d.keywords()),
              (d, v) -> {}),
          Column.of(
              "temporalStart",
              "时间范围起",
              "Temporal coverage from",
              DATE,
              Dataset::temporalStart,
              DatasetDto::setTemporalStart),
          Column.of(
              "temporalEnd",
              "时间范围止",
              "Temporal coverage to",
              DATE,
              Dataset::temporalEnd,
              DatasetDto::setTemporalEnd),
          Column.of(
              "updateFrequency",
              "更新频率",
              "Update frequency",
              STRING,
              Dataset::updateFrequency,
              (d, v) -> d.setUpdateFrequency(UpdateFrequencyDto.fromValue(v))),
          Column.of("license", "许可协议", "License", STRING, Dataset::license, DatasetDto::setLicense),
          Column.of("issued", "发布时间", "Issued", DATE_TIME, Dataset::issued, DatasetDto::setIssued),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              Dataset::modified,
              DatasetDto::setModified),
          Column.of("version", "版本", "Version", INTEGER, Dataset::version, DatasetDto::setVersion),
          Column.of("jsonUrl", "JSON 地址", "JSON URL", STRING, Dataset::jsonUrl, (d, v) -> {}),
          Column.of("csvUrl", "CSV 地址", "CSV URL", STRING, Dataset::csvUrl, (d, v) -> {}),
          Column.of(
              "downloadUrl",
              "完整下载地址",
              "Full download URL",
              STRING,
              Dataset::downloadUrl,
              (d, v) -> {}));

  static DatasetDto toDto(Dataset dataset, String regionName) {
    DatasetDto dto = COLUMNS.toDto(dataset, COLUMNS.all());
    return dto.regionName(regionName)
        .keywords(dataset.keywords())
        .distributions(
            List.of(
                new DistributionDto()
                    .title(dataset.title() + "（JSON）")
                    .format(DistributionDto.FormatEnum.JSON)
                    .mediaType("application/json")
                    .accessUrl(dataset.jsonUrl()),
                new DistributionDto()
                    .title(dataset.title() + "（CSV）")
                    .format(DistributionDto.FormatEnum.CSV)
                    .mediaType("text/csv")
                    .accessUrl(dataset.csvUrl())
                    .downloadUrl(dataset.downloadUrl())));
  }
}
