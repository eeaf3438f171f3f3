package org.opengovdata.search.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.search.api.model.DocumentHitDto;
import org.opengovdata.search.api.model.DocumentListDto;
import org.opengovdata.search.api.model.DocumentReferenceDto;
import org.opengovdata.search.api.model.DocumentSearchResultDto;
import org.opengovdata.search.api.model.FacetValueDto;
import org.opengovdata.search.api.model.FacetsDto;
import org.opengovdata.search.api.model.HighlightsDto;
import org.opengovdata.search.api.model.LinksDto;
import org.opengovdata.search.api.model.SearchMetaDto;
import org.opengovdata.search.api.model.ValidityDto;
import org.opengovdata.search.support.SearchIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** {@link DocumentJson} writes exactly the bytes the service's Jackson writes for the same DTOs. */
class DocumentJsonTest extends SearchIT {

  @Autowired JsonMapper mapper;

  @Test
  void aFullSearchAnswerIsWrittenAsJacksonWritesIt() {
    DocumentHitDto full =
        new DocumentHitDto(
                UUID.fromString("6f1c2a8e-1b9d-4c55-9a3e-2d4f5e6a7b8c"),
                "关于\"引号\"与\\反斜杠\t和控制符\u0001的通知 <b>&</b> 😀",
                ValidityDto.AMENDED)
            .documentNumber("内政发〔2024〕12号")
            .indexNumber("111500000000000/2024-00012")
            .issuer("内蒙古自治区人民政府")
            .documentType("通知")
            .subject("综合政务")
            .regionCode("150000")
            .regionName("内蒙古自治区")
            .writtenDate(LocalDate.of(2024, 1, 2))
            .publishedDate(LocalDate.of(2024, 1, 9))
            .effectiveDate(LocalDate.of(2024, 2, 1))
            .expiryDate(LocalDate.of(2029, 12, 31))
            .replacedBy(
                new DocumentReferenceDto(UUID.fromString("00000000-0000-0000-0000-000000000001"))
                    .documentNumber("内政发〔2025〕1号")
                    .title("新的通知"));
    HighlightsDto highlights = new HighlightsDto();
    highlights.setTitle(List.of("关于<em>引号</em>"));
    highlights.setBody(List.of("片段一", "片段二"));
    highlights.setInterpretations(null);
    highlights.setAttachments(new ArrayList<>());
    full.highlights(highlights);
    FacetsDto facets = new FacetsDto();
    facets.setIssuer(List.of(new FacetValueDto("内蒙古自治区人民政府", 3L)));
    facets.setDocumentType(List.of());
    facets.setSubject(null);
    facets.setRegion(
        List.of(new FacetValueDto("150000", 7L).label("内蒙古自治区"), new FacetValueDto("150100", 1L)));
    facets.setYear(List.of(new FacetValueDto("2024", 9_876_543_210L)));
    facets.setValidity(List.of(new FacetValueDto("VALID", 0L)));
    SearchMetaDto meta =
        new SearchMetaDto(123_456L, 20, 17L).page(3).totalPages(6173L).nextCursor("abc.DEF_-1");
    DocumentSearchResultDto answer =
        new DocumentSearchResultDto(
            List.of(full, sparseHit()),
            facets,
            meta,
            new LinksDto("/api/v1/search/documents?q=%E5%85%B3&page=3")
                .next("/api/v1/search/documents?page=4")
                .prev("/api/v1/search/documents?page=2"));
    assertSameBytes(answer);
  }

  @Test
  void aSparseSearchAnswerIsWrittenAsJacksonWritesIt() {
    DocumentSearchResultDto cursorPage =
        new DocumentSearchResultDto(
            List.of(sparseHit()),
            new FacetsDto(),
            new SearchMetaDto(1L, 100, 0L),
            new LinksDto(""));
    FacetsDto none = new FacetsDto();
    none.setIssuer(null);
    none.setDocumentType(null);
    none.setSubject(null);
    none.setRegion(null);
    none.setYear(null);
    none.setValidity(null);
    cursorPage.setFacets(none);
    assertSameBytes(cursorPage);
    assertSameBytes(
        new DocumentSearchResultDto(
            List.of(), new FacetsDto(), new SearchMetaDto(0L, 20, 3L), new LinksDto("/x")));
  }

  @Test
  void aNumberLookupAnswerIsWrittenAsJacksonWritesIt() {
    DocumentHitDto hit = sparseHit().documentNumber("国发〔2020〕1号").issuer("国务院");
    assertSameBytes(
        new DocumentListDto(
            List.of(hit, sparseHit()),
            new SearchMetaDto(2L, 2, 1L),
            new LinksDto("/api/v1/search/documents/by-number/%E5%9B%BD")));
  }

  private static DocumentHitDto sparseHit() {
    return new DocumentHitDto(
        UUID.fromString("0a0b0c0d-0000-4000-8000-000000000000"), "", ValidityDto.VALID);
  }

  private void assertSameBytes(Object answer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DocumentJson(mapper).write(answer, out);
    String jackson = mapper.writeValueAsString(answer);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(jackson);
    assertThat(out.toByteArray()).isEqualTo(jackson.getBytes(StandardCharsets.UTF_8));
  }
}
