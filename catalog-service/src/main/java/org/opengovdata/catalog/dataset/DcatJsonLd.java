package org.opengovdata.catalog.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.reference.Region;

/**
 * Datasets as DCAT (W3C Data Catalog Vocabulary, the model of DCAT-AP) in JSON-LD, for harvesters
 * of open-data portals. URLs are relative to the API's base.
 */
final class DcatJsonLd {

  private static final Map<String, Object> CONTEXT =
      Map.of(
          "dcat", "http://www.w3.org/ns/dcat#",
          "dct", "http://purl.org/dc/terms/",
          "foaf", "http://xmlns.com/foaf/0.1/",
          "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
          "xsd", "http://www.w3.org/2001/XMLSchema#");
  private static final String FREQUENCY =
      "http://publications.europa.eu/resource/authority/frequency/";
  private static final String MEDIA_TYPE = "https://www.iana.org/assignments/media-types/";
  private static final Map<String, String> LICENSES =
      Map.of("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/");

  private DcatJsonLd() {}

  static Map<String, Object> catalog(String self, List<Dataset> datasets, ReferenceData reference) {
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("@context", CONTEXT);
    catalog.put("@id", self);
    catalog.put("@type", "dcat:Catalog");
    catalog.put(
        "dct:title", List.of(zh("内蒙古自治区政务公开数据目录"), en("Inner Mongolia open government data")));
    catalog.put("dcat:dataset", datasets.stream().map(d -> body(d, reference)).toList());
    return catalog;
  }

  static Map<String, Object> dataset(Dataset dataset, ReferenceData reference) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", CONTEXT);
    document.putAll(body(dataset, reference));
    return document;
  }

  private static Map<String, Object> body(Dataset d, ReferenceData reference) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("@id", "/api/v1/catalog/datasets/" + d.id());
    node.put("@type", "dcat:Dataset");
    node.put("dct:identifier", d.id());
    node.put(
        "dct:title", d.titleEn() == null ? zh(d.title()) : List.of(zh(d.title()), en(d.titleEn())));
    if (d.description() != null) {
      node.put("dct:description", zh(d.description()));
    }
    node.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", zh(d.publisher())));
    node.put("dcat:theme", d.theme());
    node.put("dcat:keyword", d.keywords().stream().map(DcatJsonLd::zh).toList());
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
        Map.of(
            "@id",
            FREQUENCY + ("IRREGULAR".equals(d.updateFrequency()) ? "IRREG" : d.updateFrequency())));
    node.put("dct:license", Map.of("@id", LICENSES.getOrDefault(d.license(), d.license())));
    node.put("dct:issued", dateTime(d.issued()));
    node.put("dct:modified", dateTime(d.modified()));
    node.put("dcat:version", Long.toString(d.version()));
    node.put(
        "dcat:distribution",
        List.of(
            distribution(d, "JSON", "application/json", d.jsonUrl()),
            distribution(d, "CSV", "text/csv", d.csvUrl())));
    return node;
  }

  private static Map<String, Object> distribution(
      Dataset d, String format, String mediaType, String url) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("@type", "dcat:Distribution");
    node.put("dct:title", zh(d.title() + "（" + format + "）"));
    node.put("dct:format", format);
    node.put("dcat:mediaType", Map.of("@id", MEDIA_TYPE + mediaType));
    node.put("dcat:accessURL", Map.of("@id", url));
    return node;
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
