package org.opengovdata.common.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.opengovdata.common.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own error answers — a request it rejects before any servlet runs (an undecodable path, a
 * request line or headers too large, an unsupported transfer coding) — as problem+json instead of
 * Tomcat's HTML page, logged as one line. Errors inside the application never get here: they go to
 * {@code /error} ({@link ProblemErrorController}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    ProblemType type = ProblemType.forStatus(status);
    log.warn(
        "{} from the servlet container for {} {}",
        status,
        request.getMethod(),
        throwable == null ? "(request rejected)" : throwable.getClass().getSimpleName());
    String body =
        "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
            .formatted(type.uri(), type.title(), status, detailFor(status));
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("utf-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed: nothing more to tell it
    }
  }

  /** Fixed wording (nothing from the request is echoed, so nothing needs escaping). */
  static String detailFor(int status) {
    return switch (status) {
      case 400 ->
          "The request is malformed (e.g. a path that is not valid percent-encoded UTF-8, or"
              + " headers too large) and was rejected before reaching the service.";
      case 404 -> "No resource at this path.";
      case 413 -> "The request body is larger than this server accepts.";
      case 414 -> "The request URI is too long.";
      case 431 -> "The request headers are too large.";
      case 501 -> "The request uses a method or transfer coding this server does not implement.";
      default -> "The request was rejected by the server (status %d).".formatted(status);
    };
  }
}
