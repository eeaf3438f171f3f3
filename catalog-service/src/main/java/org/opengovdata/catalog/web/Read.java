package org.opengovdata.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opengovdata.catalog.tabular.Column;
import org.opengovdata.catalog.tabular.CsvExport;
import org.opengovdata.common.representation.ETags;
import org.opengovdata.common.representation.Representations;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * One read of public data: the representation the client asked for ({@code format} parameter or
 * {@code Accept}) and its strong ETag, computed from the data's version stamp and the request — so
 * that {@code If-None-Match} is answered with a 304 before any query runs.
 *
 * <p>The controllers implement the interfaces generated from the spec, whose return type is the
 * JSON DTO. The other representations the spec declares for the same operation (streamed CSV, DCAT
 * JSON-LD) are written straight to the servlet response, after which the controller returns {@code
 * null} — Spring MVC's documented way to say "response already handled", as with {@code
 * WebRequest.checkNotModified}. That keeps one operation = one method with the generated, validated
 * parameters, and lets CSV stream with constant memory.
 */
public record Read(MediaType type, String etag) {

  public static final CacheControl CACHE_CONTROL =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

  /**
   * @param stamp the version stamp of the data behind the resource (changes on every load)
   * @param explicit the media type a {@code format} parameter names, or null
   * @param offered the media types of the operation, the default first
   */
  public static Read of(String stamp, MediaType explicit, List<MediaType> offered) {
    HttpServletRequest request = request();
    MediaType type =
        Representations.choose(explicit, request.getHeader(HttpHeaders.ACCEPT), offered);
    String etag =
        ETags.strong(stamp, request.getRequestURI(), request.getQueryString(), type.toString());
    return new Read(type, etag);
  }

  public boolean csv() {
    return Representations.TEXT_CSV.equalsTypeAndSubtype(type);
  }

  public boolean csvw() {
    return Formats.CSVW.equalsTypeAndSubtype(type);
  }

  public boolean jsonLines() {
    return Formats.JSON_LINES.equalsTypeAndSubtype(type);
  }

  public boolean jsonLd() {
    return Representations.APPLICATION_LD_JSON.equalsTypeAndSubtype(type);
  }

  /** A 304 when the client's copy is current, else null. */
  public <T> ResponseEntity<T> notModified(String ifNoneMatch) {
    if (!ETags.matches(ifNoneMatch, etag)) {
      return null;
    }
    return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
        .eTag(etag)
        .cacheControl(CACHE_CONTROL)
        .varyBy(HttpHeaders.ACCEPT)
        .build();
  }

  /** The JSON answer. */
  public <T> ResponseEntity<T> ok(T body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .eTag(etag)
        .cacheControl(CACHE_CONTROL)
        .varyBy(HttpHeaders.ACCEPT)
        .body(body);
  }

  /**
   * Streams every row as CSV to the response (see the class comment); the caller returns null.
   *
   * @param total the number of rows that will follow, sent as {@code X-Total-Count} so that a
   *     client can tell a complete export from one cut short
   */
  public <R> void writeCsv(
      String filename,
      List<? extends Column<R, ?>> columns,
      long total,
      Consumer<Consumer<R>> rows) {
    writeCsv(filename, columns, Column::key, total, rows);
  }

  /**
   * As {@link #writeCsv(String, List, long, Consumer)} with the header cells {@code header} gives
   * (keys or labels).
   */
  public <R> void writeCsv(
      String filename,
      List<? extends Column<R, ?>> columns,
      Function<? super Column<R, ?>, String> header,
      long total,
      Consumer<Consumer<R>> rows) {
    writeCsv(filename, total, out -> CsvExport.write(out, columns, header, rows));
  }

  /** Streams the CSV {@code body} writes to the response; the caller returns null. */
  public void writeCsv(String filename, long total, CsvExport.Body body) {
    HttpServletResponse response = prepare(CsvExport.CONTENT_TYPE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + ".csv\"");
    response.setHeader("X-Total-Count", Long.toString(total));
    response.setHeader(HttpHeaders.LINK, CsvwMetadata.describedBy(request()));
    if ("HEAD".equals(request().getMethod())) {
      return; // the headers are the answer; no need to read a million rows
    }
    try (OutputStream out = response.getOutputStream()) {
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Streams every row as JSON Lines — one JSON object per line, as in the JSON answer's {@code
   * data[]} — written by the application's own JSON mapper so that the properties, decimals and
   * dates are the same; the caller returns null.
   *
   * @param total the number of lines that will follow ({@code X-Total-Count})
   * @param rows calls its argument once per row's DTO, in order
   */
  public void writeJsonLines(String filename, long total, Consumer<Consumer<Object>> rows) {
    HttpServletResponse response = prepare(type.toString());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + ".jsonl\"");
    response.setHeader("X-Total-Count", Long.toString(total));
    if ("HEAD".equals(request().getMethod())) {
      return;
    }
    JsonMapper json = jsonMapper();
    try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
      rows.accept(
          dto -> {
            try {
              out.write(json.writeValueAsBytes(dto));
              out.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code body} as JSON with this read's media type (JSON-LD); the caller returns null. */
  public void writeJson(JsonMapper json, Object body) {
    HttpServletResponse response = prepare(type.toString());
    try (OutputStream out = response.getOutputStream()) {
      json.writeValue(out, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the CSVW metadata of the CSV answer to this request; the caller returns null. */
  public void writeCsvw(List<? extends Column<?, ?>> columns) {
    writeJson(jsonMapper(), CsvwMetadata.of(request(), columns));
  }

  /** The application's JSON mapper, so that every representation writes values alike. */
  private static JsonMapper jsonMapper() {
    return RequestContextUtils.findWebApplicationContext(request()).getBean(JsonMapper.class);
  }

  private HttpServletResponse prepare(String contentType) {
    HttpServletResponse response =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(contentType);
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL.getHeaderValue());
    response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    return response;
  }

  private static HttpServletRequest request() {
    return ListEnvelope.currentRequest();
  }
}
