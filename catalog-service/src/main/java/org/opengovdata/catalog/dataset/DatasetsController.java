package org.opengovdata.catalog.dataset;

import static org.opengovdata.common.representation.Representations.APPLICATION_LD_JSON;
import static org.opengovdata.common.representation.Representations.TEXT_CSV;

import java.util.List;
import java.util.Set;
import org.opengovdata.catalog.api.DatasetsApi;
import org.opengovdata.catalog.api.model.DatasetDto;
import org.opengovdata.catalog.api.model.DatasetFormatDto;
import org.opengovdata.catalog.api.model.DatasetFreshnessListDto;
import org.opengovdata.catalog.api.model.DatasetListDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.ThemeDto;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.opengovdata.catalog.tabular.CsvExport;
import org.opengovdata.catalog.tabular.PagedRows;
import org.opengovdata.catalog.tabular.Params;
import org.opengovdata.catalog.web.ListEnvelope;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.PagedList;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
import org.opengovdata.common.problem.ApiException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class DatasetsController implements DatasetsApi {

  private static final List<MediaType> OFFERED =
      List.of(MediaType.APPLICATION_JSON, APPLICATION_LD_JSON, TEXT_CSV);

  private final DatasetCatalog catalog;
  private final ReferenceData reference;
  private final JsonMapper json;
  private final DcatJsonLd dcat;
  private final DatasetDownloads downloads;

  DatasetsController(
      DatasetCatalog catalog,
      ReferenceData reference,
      JsonMapper json,
      DcatJsonLd dcat,
      DatasetDownloads downloads) {
    this.catalog = catalog;
    this.reference = reference;
    this.json = json;
    this.dcat = dcat;
    this.downloads = downloads;
  }

  @Override
  public ResponseEntity<DatasetListDto> listDatasets(
      ThemeDto theme,
      String region,
      String q,
      String modifiedSince,
      Boolean overdue,
      String sort,
      Integer page,
      Integer size,
      DatasetFormatDto format,
      String ifNoneMatch) {
    DatasetQuery query =
        new DatasetQuery(
            theme == null ? null : theme.getValue(),
            region == null ? null : coveringRegions(region),
            overdue == null ? null : catalog.idsOverdue(overdue),
            q,
            Params.instant("modifiedSince", modifiedSince),
            SortOrder.parse(
                    "sort", sort, DatasetRepository.SORT_COLUMNS.keySet(), SortOrder.of("id"))
                .thenBy(SortOrder.of("id")),
            new PageRequest(page, size));
    Read read =
        Read.of(
            overdue == null ? catalog.stamp(null) : catalog.stampToday(),
            explicit(format),
            OFFERED);
    ResponseEntity<DatasetListDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    if (read.csv()) {
      List<Dataset> all = catalog.all(query);
      read.writeCsv("datasets", DatasetColumns.COLUMNS.all(), all.size(), all::forEach);
      return null;
    }
    if (read.jsonLd()) {
      read.writeJson(json, dcat.catalog(catalog.all(query)));
      return null;
    }
    List<Dataset> datasets = catalog.page(query);
    long total = catalog.count(query);
    return read.ok(
        new DatasetListDto()
            .data(datasets.stream().map(this::toDto).toList())
            .meta(ListEnvelope.meta(DatasetColumns.COLUMNS.all(), total, query.page(), null))
            .links(ListEnvelope.pageLinks(query.page(), total)));
  }

  @Override
  public ResponseEntity<DatasetFreshnessListDto> getDatasetFreshness(
      Boolean overdue,
      Integer page,
      Integer size,
      FormatDto format,
      LabelsDto labels,
      String ifNoneMatch) {
    return PagedList.answer(
        catalog.stampToday(),
        "dataset-freshness",
        FreshnessColumns.COLUMNS,
        PagedRows.computed(
            () ->
                catalog.freshness().stream()
                    .filter(f -> overdue == null || f.overdue() == overdue)
                    .toList()),
        ListParameters.paged(page, size, format, ifNoneMatch).withLabels(labels),
        (data, meta, links) -> new DatasetFreshnessListDto().data(data).meta(meta).links(links));
  }

  @Override
  public ResponseEntity<DatasetDto> getDataset(
      String datasetId, DatasetFormatDto format, String ifNoneMatch) {
    Dataset dataset =
        catalog
            .find(datasetId)
            .orElseThrow(() -> ApiException.notFound("No dataset '" + datasetId + "'."));
    Read read =
        Read.of(
            dataset.id() + ":" + dataset.version() + ":" + dataset.modified(),
            explicit(format),
            List.of(MediaType.APPLICATION_JSON, APPLICATION_LD_JSON));
    ResponseEntity<DatasetDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    if (read.jsonLd()) {
      read.writeJson(json, dcat.dataset(dataset));
      return null;
    }
    return read.ok(toDto(dataset));
  }

  /**
   * The dataset's download file. Validators come from the dataset's version, so a conditional
   * request is answered before any file is built; the file served is the one of the version its
   * snapshot read (the validators say which).
   */
  @Override
  public ResponseEntity<InputStreamResource> downloadDataset(
      String datasetId, String ifNoneMatch, String ifModifiedSince) {
    Dataset dataset =
        catalog
            .find(datasetId)
            .filter(d -> downloads.offers(d.id()))
            .orElseThrow(
                () -> ApiException.notFound("No dataset '" + datasetId + "' to download."));
    if (DownloadValidators.notModified(dataset, ifNoneMatch, ifModifiedSince)) {
      return validators(dataset, ResponseEntity.status(HttpStatus.NOT_MODIFIED)).build();
    }
    DatasetDownloads.Download download = downloads.current(dataset);
    return validators(download.dataset(), ResponseEntity.ok())
        .contentType(MediaType.parseMediaType(CsvExport.CONTENT_TYPE))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + download.dataset().id() + ".csv\"")
        .contentLength(download.size())
        .body(new InputStreamResource(download.open()));
  }

  private static ResponseEntity.BodyBuilder validators(
      Dataset dataset, ResponseEntity.BodyBuilder response) {
    return response
        .eTag(DownloadValidators.etag(dataset))
        .lastModified(dataset.modified().toInstant())
        .cacheControl(Read.CACHE_CONTROL);
  }

  private DatasetDto toDto(Dataset dataset) {
    return DatasetColumns.toDto(
        dataset, reference.region(dataset.regionCode()).map(Region::name).orElse(null));
  }

  private Set<String> coveringRegions(String code) {
    return reference.regionAndAncestors(reference.requireRegion("region", code).code());
  }

  private static MediaType explicit(DatasetFormatDto format) {
    if (format == null) {
      return null;
    }
    return switch (format) {
      case JSON -> MediaType.APPLICATION_JSON;
      case JSONLD -> APPLICATION_LD_JSON;
      case CSV -> TEXT_CSV;
    };
  }
}
