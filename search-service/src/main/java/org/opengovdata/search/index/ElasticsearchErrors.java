package org.opengovdata.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.elasticsearch.client.ResponseException;

/**
 * The HTTP status of an Elasticsearch failure, however the client reports it: a parsed error
 * ({@link ElasticsearchException}), or the low-level {@link ResponseException} (some endpoints,
 * e.g. a version conflict on {@code index}, surface that way), possibly wrapped in a {@link
 * TransportException}. 0 when no response arrived (connection refused, timeout).
 */
public final class ElasticsearchErrors {

  private ElasticsearchErrors() {}

  public static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException es) {
        return es.status();
      }
      if (t instanceof ResponseException response) {
        return response.getResponse().getStatusLine().getStatusCode();
      }
      if (t instanceof TransportException transport && transport.statusCode() > 0) {
        return transport.statusCode();
      }
    }
    return 0;
  }

  /** A write refused because the index already holds this version or a newer one. */
  public static boolean isVersionConflict(Throwable e) {
    return status(e) == 409;
  }
}
