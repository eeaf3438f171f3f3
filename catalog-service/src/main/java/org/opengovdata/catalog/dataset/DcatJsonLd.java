package org.opengovdata.catalog.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;
import org.springframework.stereotype.Component;

/**
 * Datasets as DCAT-AP (the EU application profile of W3C DCAT, what open-data portals harvest) in
 * JSON-LD: absolute IRIs under the configured public base URL; themes, formats, languages and
 * frequencies as EU authority-table IRIs; media types as IANA IRIs; the catalogue's title,
 * description, publisher, homepage and language; each dataset's contact point, landing page and
 * distributions with access and download URLs. The mandatory and recommended properties are checked
 * by parsing the output as RDF in {@code DcatApIntegrationTest}.
 */
@Component
class DcatJsonLd {

  private static final Map<String, Object> CONTEXT =
      Map.of(
          "dcat", "http://www.w3.org/ns/dcat#",
          "dct", "http://purl.org/dc/terms/",
          "foaf", "http://xmlns.com/foaf/0.1/",
          "vcard", "http://www.w3.org/2006/vcard/ns#",
          "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
          "xsd", "http://www.w3.org/2001/XMLSchema#");
  private static final String AUTHORITY = "http://publications.europa.eu/resource/authority/";
  private static final String MEDIA_TYPE = "http://www.iana.org/assignments/media-types/";
  private static final Map<String, String> LICENSES =
      Map.of("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/");

  /** Our themes in the EU data-theme vocabulary (budgets are economy and government). */
  private static final Map<String, List<String>> THEMES =
      Map.of(
          "fiscal", List.of("ECON", "GOVE"),
          "statistics", List.of("ECON", "SOCI"),
          "policy", List.of("GOVE", "JUST"));

  private final DcatProperties properties;
  private final ReferenceData reference;

  DcatJsonLd(DcatProperties properties, ReferenceData reference) {
    this.properties = properties;
    this.reference = reference;
  }

  /** The whole catalogue (it is small), not a page of it. */
  Map<String, Object> catalog(List<Dataset> datasets) {
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("@context", CONTEXT);
    catalog.put("@id", iri("/api/v1/catalog/datasets"));
    catalog.put("@type", "dcat:Catalog");
    catalog.put(
        "dct:title", List.of(zh("内蒙古自治区政务公开数据目录"), en("Inner Mongolia open government data")));
    catalog.put(
        "dct:description",
        List.of(
            zh("内蒙古自治区及其盟市、旗县区公开的财政预决算、统计数据和政策文件。"),
            en(
                "Budgets, final accounts, statistics and policy documents published by Inner"
                    + " Mongolia and its prefectures and counties.")));
    catalog.put("dct:publisher", publisher("内蒙古自治区人民政府办公厅"));
    catalog.put("foaf:homepage", id(properties.homepageOrBase()));
    catalog.put("dct:language", List.of(id(AUTHORITY + "language/ZHO")));
    catalog.put("dct:license", id(LICENSES.get("CC-BY-4.0")));
    catalog.put("dcat:dataset", datasets.stream().map(this::body).toList());
    return catalog;
  }

  Map<String, Object> dataset(Dataset dataset) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", CONTEXT);
    document.putAll(body(dataset));
    return document;
  }

  private Map<String, Object> body(Dataset d) {
    String self = iri("/api/v1/catalog/datasets/" + d.id());
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("@id", self);
    node.put("@type", "dcat:Dataset");
    node.put("dct:identifier", d.id());
    node.put(
        "dct:title", d.titleEn() == null ? zh(d.title()) : List.of(zh(d.title()), en(d.titleEn())));
    node.put("dct:description", zh(d.description() == null ? d.title() : d.description()));
    node.put("dct:publisher", publisher(d.publisher()));
    node.put(
        "dcat:contactPoint",
        Map.of(
            "@type", "vcard:Organization",
            "vcard:fn", zh(d.publisher()),
            "vcard:hasEmail", id("mailto:" + properties.contactEmail())));
    node.put(
        "dcat:theme",
        THEMES.getOrDefault(d.theme(), List.of("GOVE")).stream()
            .map(t -> id(AUTHORITY + "data-theme/" + t))
            .toList());
    node.put("dcat:keyword", d.keywords().stream().map(DcatJsonLd::zh).toList());
    node.put("dcat:landingPage", id(self));
    node.put("dct:language", id(AUTHORITY + "language/ZHO"));
    Map<String, Object> spatial = new LinkedHashMap<>();
    spatial.put("@type", "dct:Location");
    spatial.put("dct:identifier", d.regionCode());
    reference
        .region(d.regionCode())
        .map(Region::name)
        .ifPresent(n -> spatial.put("rdfs:label", zh(n)));
    node.put("dct:spatial", spatial);
    if (d.temporalStart() != null || d.temporalEnd() != null) {
      Map<String, Object> period = new LinkedHashMap<>();
      period.put("@type", "dct:PeriodOfTime");
      if (d.temporalStart() != null) {
        period.put("dcat:startDate", date(d.temporalStart()));
      }
      if (d.temporalEnd() != null) {
        period.put("dcat:endDate", date(d.temporalEnd()));
      }
      node.put("dct:temporal", period);
    }
    node.put(
        "dct:accrualPeriodicity",
        id(
            AUTHORITY
                + "frequency/"
                + ("IRREGULAR".equals(d.updateFrequency()) ? "IRREG" : d.updateFrequency())));
    node.put("dct:issued", dateTime(d.issued()));
    node.put("dct:modified", dateTime(d.modified()));
    node.put("dcat:version", Long.toString(d.version()));
    node.put(
        "dcat:distribution",
        List.of(
            distribution(d, "JSON", "application/json", d.jsonUrl(), d.jsonUrl()),
            distribution(d, "CSV", "text/csv", d.csvUrl(), d.downloadUrl())));
    return node;
  }

  /**
   * @param path the API resource ({@code dcat:accessURL})
   * @param file the whole dataset as a file ({@code dcat:downloadURL}): for CSV the per-dataset
   *     download, served with {@code Content-Length}, {@code ETag} and {@code Last-Modified}
   */
  private Map<String, Object> distribution(
      Dataset d, String format, String mediaType, String path, String file) {
    String url = iri(path);
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("@id", url);
    node.put("@type", "dcat:Distribution");
    node.put("dct:title", zh(d.title() + "（" + format + "）"));
    node.put("dct:format", id(AUTHORITY + "file-type/" + format));
    node.put("dcat:mediaType", id(MEDIA_TYPE + mediaType));
    node.put("dcat:accessURL", id(url));
    node.put("dcat:downloadURL", id(iri(file)));
    node.put("dct:license", id(LICENSES.getOrDefault(d.license(), d.license())));
    return node;
  }

  private String iri(String path) {
    return properties.publicBaseUrl() + path;
  }

  private static Map<String, Object> publisher(String name) {
    return Map.of("@type", "foaf:Agent", "foaf:name", zh(name));
  }

  private static Map<String, String> id(String iri) {
    return Map.of("@id", iri);
  }

  private static Map<String, String> zh(String text) {
    return Map.of("@value", text, "@language", "zh");
  }

  private static Map<String, String> en(String text) {
    return Map.of("@value", text, "@language", "en");
  }

  private static Map<String, String> date(LocalDate date) {
    return Map.of("@value", date.toString(), "@type", "xsd:date");
  }

  private static Map<String, String> dateTime(OffsetDateTime time) {
    return Map.of("@value", time.toInstant().toString(), "@type", "xsd:dateTime");
  }
}
