package org.opengovdata.search.policy.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.opengovdata.search.api.model.DocumentHitDto;
import org.opengovdata.search.api.model.DocumentListDto;
import org.opengovdata.search.api.model.DocumentReferenceDto;
import org.opengovdata.search.api.model.DocumentSearchResultDto;
import org.opengovdata.search.api.model.FacetValueDto;
import org.opengovdata.search.api.model.FacetsDto;
import org.opengovdata.search.api.model.HighlightsDto;
import org.opengovdata.search.api.model.LinksDto;
import org.opengovdata.search.api.model.SearchMetaDto;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the two answers of the document endpoints ({@link DocumentSearchResultDto}, {@link
 * DocumentListDto}) field by field with the service's own Jackson generator, instead of Jackson's
 * bean serializers (the answer writing was 10 % of a search request's CPU in the service, about
 * 0.4-0.6 ms of request-thread time per request when measured). The bytes are those Jackson writes
 * for the same DTOs with the platform's settings (the generated constructors' required properties
 * first, then spec order; absent values omitted; dates as ISO strings): {@code DocumentJsonTest}
 * compares both on full and sparse answers. Anything else keeps going through Jackson.
 */
final class DocumentJson extends AbstractHttpMessageConverter<Object> {

  private final JsonMapper mapper;

  DocumentJson(JsonMapper mapper) {
    super(MediaType.APPLICATION_JSON);
    this.mapper = mapper;
  }

  @Override
  protected boolean supports(Class<?> clazz) {
    return clazz == DocumentSearchResultDto.class || clazz == DocumentListDto.class;
  }

  @Override
  protected boolean canRead(MediaType mediaType) {
    return false;
  }

  @Override
  protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) {
    throw new HttpMessageNotReadableException("not a request body", inputMessage);
  }

  @Override
  protected void writeInternal(Object answer, HttpOutputMessage outputMessage)
      throws java.io.IOException {
    // whole, with its length: Jackson's converter flushes its generator into the response, which
    // makes Tomcat answer chunked, the body and the closing chunk in two writes; one write with a
    // Content-Length is what Elasticsearch does for the same request
    ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    write(answer, body);
    outputMessage.getHeaders().setContentLength(body.size());
    body.writeTo(outputMessage.getBody());
  }

  /** The answer's JSON onto {@code out} (flushed, not closed), as Jackson's converter does it. */
  void write(Object answer, OutputStream out) {
    try (JsonGenerator g = mapper.createGenerator(out)) {
      if (answer instanceof DocumentSearchResultDto r) {
        g.writeStartObject();
        hits(g, r.getData());
        if (r.getFacets() != null) {
          g.writeName("facets");
          facets(g, r.getFacets());
        }
        meta(g, r.getMeta());
        links(g, r.getLinks());
        g.writeEndObject();
      } else {
        DocumentListDto l = (DocumentListDto) answer;
        g.writeStartObject();
        hits(g, l.getData());
        meta(g, l.getMeta());
        links(g, l.getLinks());
        g.writeEndObject();
      }
      g.flush();
    }
  }

  private static void hits(JsonGenerator g, List<DocumentHitDto> hits) {
    if (hits == null) {
      return;
    }
    g.writeName("data");
    g.writeStartArray();
    for (DocumentHitDto h : hits) {
      g.writeStartObject();
      string(g, "id", h.getId() == null ? null : h.getId().toString());
      string(g, "title", h.getTitle());
      string(g, "validity", h.getValidity() == null ? null : h.getValidity().getValue());
      string(g, "documentNumber", h.getDocumentNumber());
      string(g, "indexNumber", h.getIndexNumber());
      string(g, "issuer", h.getIssuer());
      string(g, "documentType", h.getDocumentType());
      string(g, "subject", h.getSubject());
      string(g, "regionCode", h.getRegionCode());
      string(g, "regionName", h.getRegionName());
      string(g, "writtenDate", h.getWrittenDate() == null ? null : h.getWrittenDate().toString());
      string(
          g,
          "publishedDate",
          h.getPublishedDate() == null ? null : h.getPublishedDate().toString());
      string(
          g,
          "effectiveDate",
          h.getEffectiveDate() == null ? null : h.getEffectiveDate().toString());
      string(g, "expiryDate", h.getExpiryDate() == null ? null : h.getExpiryDate().toString());
      DocumentReferenceDto replaced = h.getReplacedBy();
      if (replaced != null) {
        g.writeName("replacedBy");
        g.writeStartObject();
        string(g, "id", replaced.getId() == null ? null : replaced.getId().toString());
        string(g, "documentNumber", replaced.getDocumentNumber());
        string(g, "title", replaced.getTitle());
        g.writeEndObject();
      }
      HighlightsDto highlights = h.getHighlights();
      if (highlights != null) {
        g.writeName("highlights");
        g.writeStartObject();
        strings(g, "title", highlights.getTitle());
        strings(g, "body", highlights.getBody());
        strings(g, "interpretations", highlights.getInterpretations());
        strings(g, "attachments", highlights.getAttachments());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void facets(JsonGenerator g, FacetsDto f) {
    g.writeStartObject();
    values(g, "issuer", f.getIssuer());
    values(g, "documentType", f.getDocumentType());
    values(g, "subject", f.getSubject());
    values(g, "region", f.getRegion());
    values(g, "year", f.getYear());
    values(g, "validity", f.getValidity());
    g.writeEndObject();
  }

  private static void values(JsonGenerator g, String name, List<FacetValueDto> values) {
    if (values == null) {
      return;
    }
    g.writeName(name);
    g.writeStartArray();
    for (FacetValueDto v : values) {
      g.writeStartObject();
      string(g, "value", v.getValue());
      number(g, "count", v.getCount());
      string(g, "label", v.getLabel());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void meta(JsonGenerator g, SearchMetaDto m) {
    if (m == null) {
      return;
    }
    g.writeName("meta");
    g.writeStartObject();
    number(g, "total", m.getTotal());
    if (m.getSize() != null) {
      g.writeNumberProperty("size", m.getSize());
    }
    number(g, "took", m.getTook());
    number(g, "totalPages", m.getTotalPages());
    if (m.getPage() != null) {
      g.writeNumberProperty("page", m.getPage());
    }
    string(g, "nextCursor", m.getNextCursor());
    g.writeEndObject();
  }

  private static void links(JsonGenerator g, LinksDto l) {
    if (l == null) {
      return;
    }
    g.writeName("links");
    g.writeStartObject();
    string(g, "self", l.getSelf());
    string(g, "next", l.getNext());
    string(g, "prev", l.getPrev());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.writeStringProperty(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, Long value) {
    if (value != null) {
      g.writeNumberProperty(name, value);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    if (values == null) {
      return;
    }
    g.writeName(name);
    g.writeStartArray();
    for (String v : values) {
      if (v == null) {
        g.writeNull();
      } else {
        g.writeString(v);
      }
    }
    g.writeEndArray();
  }
}
