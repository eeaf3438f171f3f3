package org.opengovdata.search.suggest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opengovdata.docnumber.DocumentNumberPrefix;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.index.SearchUnavailableException;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.opengovdata.search.policy.index.PolicyDocuments;
import org.opengovdata.search.text.ChineseText;
import org.springframework.stereotype.Service;

/**
 * Completions while typing, from Elasticsearch's completion suggester: an automaton (FST) per
 * segment, answered in well under a millisecond inside Elasticsearch without scoring documents —
 * the cheapest thing to call on every keystroke. Titles are indexed from their start and from their
 * later words; document numbers in canonical form, so the typed prefix is normalised first ({@code
 * 内政发[2024} → {@code 内政发〔2024}).
 */
@Service
public class Suggestions {

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final ChineseText text;

  public Suggestions(ElasticsearchClient client, SearchIndices indices, ChineseText text) {
    this.client = client;
    this.indices = indices;
    this.text = text;
  }

  public enum Kind {
    TITLE,
    DOCUMENT_NUMBER
  }

  public record Completion(Kind kind, String text, PolicyDocument document) {}

  public List<Completion> suggest(String prefix, int size) {
    SearchResponse<PolicyDocument> response;
    try {
      response =
          client.search(
              request(
                  indices.alias(IndexKind.POLICIES),
                  text.fold(prefix.trim()),
                  numberPrefix(prefix),
                  size),
              PolicyDocument.class);
    } catch (IOException e) {
      throw new SearchUnavailableException(e);
    }
    List<Completion> completions = new ArrayList<>();
    collect(response.suggest().get("title"), Kind.TITLE, completions);
    collect(response.suggest().get("number"), Kind.DOCUMENT_NUMBER, completions);
    return completions;
  }

  /**
   * The completion request for a folded prefix (and the start of a number key, or null); public for
   * the benchmark's raw requests. Only what a suggestion shows is read from {@code _source}.
   */
  public static SearchRequest request(String index, String folded, String numberPrefix, int size) {
    return SearchRequest.of(
        s -> {
          s.index(index)
              .size(0)
              .source(
                  src ->
                      src.filter(
                          f ->
                              f.includes(
                                  "id",
                                  "title.text",
                                  "title.original",
                                  "documentNumber.canonical",
                                  "validity")));
          s.suggest(
              sg -> {
                sg.suggesters(
                    "title",
                    f ->
                        f.prefix(folded)
                            .completion(
                                c -> c.field("suggest.title").size(size).skipDuplicates(true)));
                if (numberPrefix != null) {
                  sg.suggesters(
                      "number",
                      f ->
                          f.prefix(numberPrefix)
                              .completion(
                                  c -> c.field("suggest.number").size(size).skipDuplicates(true)));
                }
                return sg;
              });
          return s;
        });
  }

  /**
   * The typed text as the start of a number key: a whole number (内政发〔2024〕1 → 内政发〔2024〕1), a
   * partial one (内政发[2024] → 内政发〔2024〕), or one whose bracket is still open (内政发[2024); null when
   * it is not the start of a number.
   */
  public static String numberPrefix(String typed) {
    var whole = DocumentNumbers.tryParse(typed);
    if (whole.isPresent()) {
      return PolicyDocuments.completionInput(whole.get().key());
    }
    return DocumentNumbers.tryParsePrefix(typed)
        .or(() -> DocumentNumbers.tryParsePrefix(typed + "〕"))
        .map(DocumentNumberPrefix::canonical)
        .orElse(null);
  }

  private static void collect(
      List<Suggestion<PolicyDocument>> suggestions, Kind kind, List<Completion> into) {
    if (suggestions == null) {
      return;
    }
    for (Suggestion<PolicyDocument> suggestion : suggestions) {
      for (CompletionSuggestOption<PolicyDocument> option : suggestion.completion().options()) {
        into.add(new Completion(kind, option.text(), option.source()));
      }
    }
  }
}
