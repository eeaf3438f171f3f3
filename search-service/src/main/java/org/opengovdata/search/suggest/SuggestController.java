package org.opengovdata.search.suggest;

import java.time.Duration;
import java.util.UUID;
import org.opengovdata.search.api.SuggestApi;
import org.opengovdata.search.api.model.SuggestionDto;
import org.opengovdata.search.api.model.SuggestionListDto;
import org.opengovdata.search.api.model.ValidityDto;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SuggestController implements SuggestApi {

  private final Suggestions suggestions;

  SuggestController(Suggestions suggestions) {
    this.suggestions = suggestions;
  }

  @Override
  public ResponseEntity<SuggestionListDto> suggest(String prefix, Integer size) {
    var dtos =
        suggestions.suggest(prefix, size == null ? 8 : size).stream().map(this::dto).toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
        .body(new SuggestionListDto(dtos));
  }

  private SuggestionDto dto(Suggestions.Completion completion) {
    PolicyDocument d = completion.document();
    SuggestionDto dto =
        new SuggestionDto(
            completion.kind() == Suggestions.Kind.TITLE
                ? SuggestionDto.KindEnum.TITLE
                : SuggestionDto.KindEnum.DOCUMENT_NUMBER,
            completion.kind() == Suggestions.Kind.DOCUMENT_NUMBER && d.documentNumber() != null
                ? d.documentNumber().canonical()
                : completion.text(),
            UUID.fromString(d.id()));
    if (d.title() != null) {
      dto.title(d.title().original() != null ? d.title().original() : d.title().text());
    }
    if (d.documentNumber() != null) {
      dto.documentNumber(d.documentNumber().canonical());
    }
    if (d.validity() != null) {
      dto.validity(ValidityDto.fromValue(d.validity()));
    }
    return dto;
  }
}
