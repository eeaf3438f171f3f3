package org.opengovdata.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovdata.common.representation.ETags;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The specs as served: read once at startup, with {@code info.version} replaced by the build's
 * version (the Maven project version, from {@code META-INF/build-info.properties}) — so that a
 * client can tell which build it reads, while the files in the modules stay what the code is
 * generated from. Only that one line changes (the text is not re-serialised: comments, order and
 * examples stay as written). Each spec has a strong {@code ETag}.
 */
final class ServedSpecs {

  /**
   * The {@code version:} line of the top-level {@code info:} block: the first line after {@code
   * info:} indented by exactly two spaces (a key of {@code info}; text of a block scalar is
   * indented more) — {@code info.version} is required, so it comes before the block ends.
   */
  private static final Pattern INFO_VERSION =
      Pattern.compile("(?m)^(info:\\R(?:.*\\R)*?  version:[ \\t]*).*$");

  private static final CacheControl CACHE = CacheControl.noCache();

  private record Spec(byte[] body, String etag) {}

  private final Map<String, Spec> specs;

  private ServedSpecs(Map<String, Spec> specs) {
    this.specs = specs;
  }

  static ServedSpecs load(String classpathFolder, String version) {
    Map<String, Spec> specs = new TreeMap<>();
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:" + classpathFolder + "*.yaml")) {
        String text = withVersion(resource.getContentAsString(StandardCharsets.UTF_8), version);
        specs.put(
            resource.getFilename(),
            new Spec(text.getBytes(StandardCharsets.UTF_8), ETags.strong(version, text)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServedSpecs(specs);
  }

  /** {@code spec} with its {@code info.version} set to {@code version} (null: as it is). */
  static String withVersion(String spec, String version) {
    if (version == null) {
      return spec;
    }
    Matcher matcher = INFO_VERSION.matcher(spec);
    if (!matcher.find()) {
      throw new IllegalStateException("a spec without info.version");
    }
    return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + "'" + version + "'"));
  }

  Mono<ServerResponse> serve(ServerRequest request) {
    Spec spec = specs.get(request.pathVariable("file"));
    if (spec == null) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such spec."));
    }
    if (request.headers().header("If-None-Match").stream()
        .anyMatch(tag -> ETags.matches(tag, spec.etag()))) {
      return ServerResponse.status(304).eTag(spec.etag()).cacheControl(CACHE).build();
    }
    return ServerResponse.ok()
        .contentType(ApiDocsRoutes.YAML)
        .eTag(spec.etag())
        .cacheControl(CACHE)
        .bodyValue(spec.body());
  }
}
