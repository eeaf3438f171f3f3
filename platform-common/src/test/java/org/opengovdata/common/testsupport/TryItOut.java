package org.opengovdata.common.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What a service's spec promises by example, for its integration tests: the reads as Swagger UI's
 * "Try it out" pre-fills them (each must be accepted by the running service), and the response
 * examples that name their request ({@code x-request}; each must be what the service answers).
 */
public final class TryItOut {

  private TryItOut() {}

  /** A read as Swagger UI's "Try it out" pre-fills it. */
  public record PreFilled(String uri, boolean namesARecord) {}

  /** A response example that names the request it answers ({@code x-request}). */
  public record ResponseExample(String request, Object value) {}

  /** The service's own spec, from its module directory (where Maven runs its tests). */
  public static Map<String, Object> spec(String service) throws IOException {
    return load(Path.of("src/main/openapi/" + service + ".yaml"));
  }

  public static Map<String, Object> load(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    try (Reader in = Files.newBufferedReader(file)) {
      return new Yaml(options).load(in);
    }
  }

  /** Every GET of the spec's own paths with its path and query parameters pre-filled. */
  public static List<PreFilled> preFilledReads(Map<String, Object> spec) {
    List<PreFilled> reads = new ArrayList<>();
    for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
      Map<String, Object> get = map(map(path.getValue()).get("get"));
      if (get.isEmpty()) {
        continue; // no read, or a path item of another file (platform.yaml)
      }
      String uri = path.getKey();
      boolean namesARecord = false;
      boolean complete = true;
      Map<String, String> query = new LinkedHashMap<>();
      for (Object p : list(get.get("parameters"))) {
        Map<String, Object> parameter = resolve(spec, map(p));
        Object value = preFilled(spec, parameter);
        String name = (String) parameter.get("name");
        if (value == null && Boolean.TRUE.equals(parameter.get("required"))) {
          complete = false; // Swagger UI sends nothing until the user fills it in
        }
        if ("path".equals(parameter.get("in")) && value != null) {
          uri = uri.replace("{" + name + "}", encode(String.valueOf(value)));
          namesARecord = true;
        } else if ("query".equals(parameter.get("in")) && value != null) {
          query.put(
              name,
              value instanceof List<?> values
                  ? values.stream().map(String::valueOf).collect(Collectors.joining(","))
                  : String.valueOf(value));
        }
      }
      if (!complete) {
        continue; // a required parameter without an example: nothing is pre-filled to send
      }
      String encoded =
          query.entrySet().stream()
              .map(e -> e.getKey() + "=" + encode(e.getValue()))
              .collect(Collectors.joining("&"));
      reads.add(new PreFilled(encoded.isEmpty() ? uri : uri + "?" + encoded, namesARecord));
    }
    return reads;
  }

  /** Every example of a response body that has an {@code x-request}. */
  public static List<ResponseExample> responseExamples(Map<String, Object> spec) {
    List<ResponseExample> examples = new ArrayList<>();
    for (Object item : map(spec.get("paths")).values()) {
      for (Object operation : map(item).values()) {
        for (Object response : map(map(operation).get("responses")).values()) {
          for (Object media : map(resolve(spec, map(response)).get("content")).values()) {
            for (Object example : map(map(media).get("examples")).values()) {
              Map<String, Object> e = resolve(spec, map(example));
              if (e.get("x-request") instanceof String request) {
                examples.add(new ResponseExample(request, e.get("value")));
              }
            }
          }
        }
      }
    }
    return examples;
  }

  /** What Swagger UI fills in: the parameter's example, else its schema's example or default. */
  private static Object preFilled(Map<String, Object> spec, Map<String, Object> parameter) {
    Object value = parameter.get("example");
    if (value == null && parameter.get("examples") instanceof Map<?, ?> examples) {
      value = examples.values().stream().findFirst().map(e -> map(e).get("value")).orElse(null);
    }
    Map<String, Object> schema = resolve(spec, map(parameter.get("schema")));
    if (value == null) {
      value = schema.get("example");
    }
    return value != null ? value : schema.get("default");
  }

  /** Follows a local {@code $ref} ({@code #/components/...}) to the node it names. */
  public static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
      return node;
    }
    Object target = spec;
    for (String part : pointer.substring(2).split("/")) {
      target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
    }
    return resolve(spec, map(target));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
