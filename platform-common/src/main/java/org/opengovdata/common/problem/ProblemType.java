package org.opengovdata.common.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The platform's error kinds. Each has a stable {@code type} URI (RFC 9457 §3.1.1) that clients may
 * switch on; titles never change for a given type.
 */
public enum ProblemType {
  INVALID_PARAMETER("invalid-parameter", "Invalid parameter", HttpStatus.BAD_REQUEST),
  INVALID_BODY("invalid-body", "Invalid request body", HttpStatus.BAD_REQUEST),
  UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
  FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
  NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
  CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
  GONE("gone", "Gone", HttpStatus.GONE),
  PRECONDITION_FAILED("precondition-failed", "Precondition failed", HttpStatus.PRECONDITION_FAILED),
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
  URI_TOO_LONG("uri-too-long", "URI too long", HttpStatus.URI_TOO_LONG),
  HEADERS_TOO_LARGE(
      "headers-too-large", "Request headers too large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  UNPROCESSABLE("unprocessable-content", "Unprocessable content", HttpStatus.UNPROCESSABLE_CONTENT),
  RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
  GATEWAY_TIMEOUT("gateway-timeout", "Upstream timed out", HttpStatus.GATEWAY_TIMEOUT),
  NOT_IMPLEMENTED("not-implemented", "Not implemented", HttpStatus.NOT_IMPLEMENTED),
  INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
  /** Stored content failed verification against its recorded digest: never served. */
  INTEGRITY_FAILURE(
      "integrity-failure", "Stored content failed verification", HttpStatus.INTERNAL_SERVER_ERROR);

  /** Base of every type URI; the slug names the error kind. */
  public static final String BASE = "https://opendata.nmg.gov.cn/problems/";

  private final String slug;
  private final String title;
  private final HttpStatus status;

  ProblemType(String slug, String title, HttpStatus status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  public String title() {
    return title;
  }

  public HttpStatus status() {
    return status;
  }

  /** The type a bare status maps to when no more specific kind is known. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status.value() == status && type != INVALID_BODY) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : INVALID_PARAMETER;
  }
}
