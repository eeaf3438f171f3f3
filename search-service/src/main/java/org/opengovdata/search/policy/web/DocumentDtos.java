package org.opengovdata.search.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.opengovdata.search.api.model.DocumentHitDto;
import org.opengovdata.search.api.model.DocumentReferenceDto;
import org.opengovdata.search.api.model.FacetValueDto;
import org.opengovdata.search.api.model.FacetsDto;
import org.opengovdata.search.api.model.HighlightsDto;
import org.opengovdata.search.api.model.ValidityDto;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.opengovdata.search.policy.query.DocumentSearch;
import org.opengovdata.search.region.RegionTree;
import org.springframework.stereotype.Component;

/** Index documents and facets → API representations (documents never leak as responses). */
@Component
class DocumentDtos {

  private final RegionTree regions;

  DocumentDtos(RegionTree regions) {
    this.regions = regions;
  }

  DocumentHitDto hit(DocumentSearch.DocumentHit hit) {
    PolicyDocument d = hit.document();
    String title =
        d.title() == null
            ? ""
            : d.title().original() != null ? d.title().original() : d.title().text();
    DocumentHitDto dto =
        new DocumentHitDto(UUID.fromString(d.id()), title, ValidityDto.fromValue(d.validity()))
            .documentNumber(d.documentNumber() == null ? null : d.documentNumber().canonical())
            .indexNumber(d.indexNumber())
            .issuer(d.issuer())
            .documentType(d.documentType())
            .subject(d.subject())
            .regionCode(d.regionCode())
            .regionName(d.regionCode() == null ? null : regions.nameOf(d.regionCode()).orElse(null))
            .writtenDate(date(d.writtenDate()))
            .publishedDate(date(d.publishedDate()))
            .effectiveDate(date(d.effectiveDate()))
            .expiryDate(date(d.expiryDate()));
    if (d.replacedBy() != null && d.replacedBy().id() != null) {
      dto.replacedBy(
          new DocumentReferenceDto(UUID.fromString(d.replacedBy().id()))
              .documentNumber(d.replacedBy().documentNumber())
              .title(d.replacedBy().title()));
    }
    if (!hit.highlights().isEmpty()) {
      HighlightsDto highlights = new HighlightsDto();
      set(hit.highlights(), "title.text", highlights::setTitle);
      set(hit.highlights(), "body.text", highlights::setBody);
      set(hit.highlights(), "interpretations.text", highlights::setInterpretations);
      set(hit.highlights(), "attachments.text", highlights::setAttachments);
      dto.highlights(highlights);
    }
    return dto;
  }

  FacetsDto facets(Map<String, List<DocumentSearch.FacetCount>> facets) {
    FacetsDto dto = new FacetsDto();
    dto.setIssuer(values(facets.get("issuer"), false));
    dto.setDocumentType(values(facets.get("documentType"), false));
    dto.setSubject(values(facets.get("subject"), false));
    dto.setRegion(values(facets.get("region"), true));
    dto.setYear(values(facets.get("year"), false));
    dto.setValidity(values(facets.get("validity"), false));
    return dto;
  }

  private List<FacetValueDto> values(List<DocumentSearch.FacetCount> counts, boolean region) {
    if (counts == null) {
      return null;
    }
    return counts.stream()
        .map(
            c -> {
              FacetValueDto value = new FacetValueDto(c.value(), c.count());
              if (region) {
                regions.nameOf(c.value()).ifPresent(value::label);
              }
              return value;
            })
        .toList();
  }

  private static void set(
      Map<String, List<String>> highlights, String field, Consumer<List<String>> setter) {
    List<String> fragments = highlights.get(field);
    setter.accept(fragments == null || fragments.isEmpty() ? null : fragments);
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }
}
