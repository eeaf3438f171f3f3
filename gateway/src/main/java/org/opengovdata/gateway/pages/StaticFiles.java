package org.opengovdata.gateway.pages;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Serves one built file from the classpath, choosing the Brotli or gzip copy the build wrote next
 * to it when the browser accepts that encoding (no compression work per request). Only plain file
 * names are accepted, so no path can leave the folder.
 */
final class StaticFiles {

  private static final Pattern SAFE_PATH =
      Pattern.compile("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+$");
  private static final List<String> ENCODINGS = List.of("br", "gzip");

  private final String root;

  StaticFiles(String root) {
    this.root = root;
  }

  Mono<ServerResponse> serve(ServerRequest request, String path, CacheControl cacheControl) {
    ClassPathResource file = new ClassPathResource(root + path);
    if (!SAFE_PATH.matcher(path).matches() || !file.exists()) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
    MediaType type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
    if (type.getType().equals("text") || path.endsWith(".js")) {
      type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
    }
    ServerResponse.BodyBuilder response =
        ServerResponse.ok()
            .contentType(type)
            .cacheControl(cacheControl)
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    String accepted = request.headers().firstHeader(HttpHeaders.ACCEPT_ENCODING);
    for (String encoding : ENCODINGS) {
      ClassPathResource encoded = new ClassPathResource(root + path + "." + suffix(encoding));
      if (accepts(accepted, encoding) && encoded.exists()) {
        return response.header(HttpHeaders.CONTENT_ENCODING, encoding).bodyValue(encoded);
      }
    }
    return response.bodyValue(file);
  }

  private static String suffix(String encoding) {
    return encoding.equals("gzip") ? "gz" : encoding;
  }

  /** Whether an Accept-Encoding header admits the encoding (present and not {@code q=0}). */
  static boolean accepts(String acceptEncoding, String encoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      if (pieces[0].trim().equalsIgnoreCase(encoding)) {
        for (int i = 1; i < pieces.length; i++) {
          String parameter = pieces[i].trim().replace(" ", "");
          if (parameter.matches("q=0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
