package org.opengovdata.search.policy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opengovdata.common.paging.PageLinks;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.docnumber.InvalidDocumentNumberException;
import org.opengovdata.search.api.DocumentsApi;
import org.opengovdata.search.api.model.DocumentListDto;
import org.opengovdata.search.api.model.DocumentSearchResultDto;
import org.opengovdata.search.api.model.LinksDto;
import org.opengovdata.search.api.model.SearchMetaDto;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.policy.query.DocumentQuery;
import org.opengovdata.search.policy.query.DocumentSearch;
import org.opengovdata.search.policy.query.SearchCursors;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DocumentsController implements DocumentsApi {

  private static final CacheControl CACHE =
      CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic();

  private final DocumentParams params;
  private final DocumentSearch search;
  private final DocumentDtos dtos;
  private final SearchCursors cursors;
  private final QueryCache cache;
  private final HttpServletRequest request;

  DocumentsController(
      DocumentParams params,
      DocumentSearch search,
      DocumentDtos dtos,
      SearchCursors cursors,
      QueryCache cache,
      HttpServletRequest request) {
    this.params = params;
    this.search = search;
    this.dtos = dtos;
    this.cursors = cursors;
    this.cache = cache;
    this.request = request;
  }

  @Override
  public ResponseEntity<DocumentSearchResultDto> searchDocuments(
      String q,
      String documentNumber,
      String issuer,
      String documentType,
      String subject,
      String region,
      String validity,
      String dateField,
      String from,
      String to,
      Integer year,
      String inForceOn,
      String sort,
      Integer page,
      Integer size,
      String cursor) {
    DocumentQuery query =
        params.read(
            new DocumentParams.Raw(
                q,
                documentNumber,
                issuer,
                documentType,
                subject,
                region,
                validity,
                dateField,
                from,
                to,
                year,
                inForceOn,
                sort,
                page,
                size,
                cursor));
    DocumentSearchResultDto answer =
        query.cursorMode()
            ? answer(query)
            : cache.get(
                "documents|"
                    + DocumentParams.fingerprint(query)
                    + "|"
                    + query.page()
                    + "|"
                    + query.size(),
                DocumentSearchResultDto.class,
                () -> answer(query));
    PageLinks links =
        query.cursorMode() || answer.getMeta().getPage() == null
            ? PageLinks.forCursor(request, answer.getMeta().getNextCursor())
            : PageLinks.forPage(
                request, new PageRequest(query.page(), query.size()), answer.getMeta().getTotal());
    answer.setLinks(new LinksDto(links.self()).next(links.next()).prev(links.prev()));
    return ResponseEntity.ok().cacheControl(CACHE).body(answer);
  }

  private DocumentSearchResultDto answer(DocumentQuery query) {
    DocumentSearch.Result result = search.search(query);
    SearchMetaDto meta = new SearchMetaDto(result.total(), query.size(), result.took());
    if (!query.cursorMode()) {
      meta.page(query.page())
          .totalPages(new PageRequest(0, query.size()).totalPages(result.total()));
    }
    boolean more =
        result.hits().size() == query.size()
            && (query.cursorMode() || (long) (query.page() + 1) * query.size() < result.total());
    if (more && result.lastSortValues() != null) {
      meta.nextCursor(cursors.encode(DocumentParams.fingerprint(query), result.lastSortValues()));
    }
    return new DocumentSearchResultDto(
        result.hits().stream().map(dtos::hit).toList(),
        dtos.facets(result.facets()),
        meta,
        new LinksDto(""));
  }

  @Override
  public ResponseEntity<DocumentListDto> getDocumentsByNumber(String documentNumber) {
    DocumentNumber number;
    try {
      number = DocumentNumbers.parse(documentNumber);
    } catch (InvalidDocumentNumberException e) {
      throw ApiException.invalidParameter("documentNumber", e.reason());
    }
    DocumentSearch.Result result = search.findByNumber(number);
    if (result.hits().isEmpty()) {
      throw ApiException.notFound(
          "No published document has the number %s.".formatted(number.canonical()));
    }
    SearchMetaDto meta =
        new SearchMetaDto(result.total(), Math.max(1, result.hits().size()), result.took());
    return ResponseEntity.ok()
        .cacheControl(CACHE)
        .body(
            new DocumentListDto(
                List.copyOf(result.hits().stream().map(dtos::hit).toList()),
                meta,
                new LinksDto(request.getRequestURI())));
  }
}
