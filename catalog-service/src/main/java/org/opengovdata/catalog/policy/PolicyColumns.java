package org.opengovdata.catalog.policy;

import static org.opengovdata.catalog.tabular.DataType.DATE;
import static org.opengovdata.catalog.tabular.DataType.DATE_TIME;
import static org.opengovdata.catalog.tabular.DataType.INTEGER;
import static org.opengovdata.catalog.tabular.DataType.STRING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opengovdata.catalog.api.model.DocumentTypeDto;
import org.opengovdata.catalog.api.model.PolicyStatusDto;
import org.opengovdata.catalog.api.model.PolicySummaryDto;
import org.opengovdata.catalog.api.model.ValidityDto;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.Columns;
import org.opengovdata.catalog.tabular.KeyFields;
import org.opengovdata.catalog.tabular.KeyFields.Field;
import org.opengovdata.common.paging.SortOrder;

final class PolicyColumns {

  private PolicyColumns() {}

  /** Drafts have no published date yet; they sort as the earliest (a key is never null). */
  private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

  static final Columns<PolicyRow, PolicySummaryDto> COLUMNS =
      new Columns<>(
          PolicySummaryDto::new,
          Column.of("id", "标识", "Id", STRING, r -> r.policy().id(), PolicySummaryDto::setId),
          Column.of(
              "version",
              "版本",
              "Version",
              INTEGER,
              r -> r.policy().version(),
              PolicySummaryDto::setVersion),
          Column.of(
              "status",
              "状态",
              "Status",
              STRING,
              r -> r.policy().status(),
              (d, v) -> d.setStatus(PolicyStatusDto.fromValue(v.name()))),
          Column.of(
              "title", "标题", "Title", STRING, r -> r.policy().title(), PolicySummaryDto::setTitle),
          Column.of(
              "documentNumber",
              "发文字号",
              "Document number",
              STRING,
              r -> r.policy().documentNumberText(),
              PolicySummaryDto::setDocumentNumber),
          Column.of(
              "indexNumber",
              "索引号",
              "Index number",
              STRING,
              r -> r.policy().indexNumber(),
              PolicySummaryDto::setIndexNumber),
          Column.of(
              "issuer",
              "发文机关",
              "Issuer",
              STRING,
              r -> r.policy().issuer(),
              PolicySummaryDto::setIssuer),
          Column.of(
              "documentType",
              "公文种类",
              "Document type",
              STRING,
              r -> r.policy().documentType().label(),
              (d, v) -> d.setDocumentType(DocumentTypeDto.fromValue(v))),
          Column.of(
              "subject",
              "主题分类",
              "Subject",
              STRING,
              r -> r.policy().subject(),
              PolicySummaryDto::setSubject),
          Column.of(
              "regionCode",
              "行政区划代码",
              "Region code",
              STRING,
              r -> r.policy().regionCode(),
              PolicySummaryDto::setRegionCode),
          Column.of(
              "regionName",
              "行政区划",
              "Region",
              STRING,
              r -> r.policy().regionName(),
              PolicySummaryDto::setRegionName),
          Column.of(
              "writtenDate",
              "成文日期",
              "Written",
              DATE,
              r -> r.policy().writtenDate(),
              PolicySummaryDto::setWrittenDate),
          Column.of(
              "publishedDate",
              "发布日期",
              "Published",
              DATE,
              r -> r.policy().publishedDate(),
              PolicySummaryDto::setPublishedDate),
          Column.of(
              "effectiveDate",
              "施行日期",
              "Effective",
              DATE,
              r -> r.policy().effectiveDate(),
              PolicySummaryDto::setEffectiveDate),
          Column.of(
              "expiryDate",
              "失效日期",
              "Expiry",
              DATE,
              r -> r.policy().expiryDate(),
              PolicySummaryDto::setExpiryDate),
          Column.of(
              "validity",
              "效力状态",
              "Validity",
              STRING,
              PolicyRow::validity,
              (d, v) -> d.setValidity(ValidityDto.fromValue(v.name()))),
          Column.of(
              "modified",
              "更新时间",
              "Modified",
              DATE_TIME,
              r -> r.policy().modified(),
              PolicySummaryDto::setModified));

  static final SortOrder KEY = SortOrder.of("id");

  static final KeyFields<PolicyRow> SORT =
      new KeyFields<>(
          KEY,
          new Field<>("id", "p.id", r -> r.policy().id(), UUID::fromString),
          new Field<>(
              "publishedDate",
              "coalesce(p.published_date, date '0001-01-01')",
              r -> r.policy().publishedDate() == null ? NO_DATE : r.policy().publishedDate(),
              LocalDate::parse),
          new Field<>("title", "p.title", r -> r.policy().title(), s -> s),
          new Field<>("modified", "p.modified", r -> r.policy().modified(), OffsetDateTime::parse));
}
