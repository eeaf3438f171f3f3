package org.opengovdata.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.testsupport.TryItOut;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Swagger UI's "Try it out" at {@code /docs} pre-fills every parameter that has an example (or a
 * default). A parameter that the service refuses in combination with others says so in the spec
 * ({@code x-conflicts-with}); in every served spec, no operation may then pre-fill it together with
 * one of those — the first click would be a 400. (The catalog also sends each pre-filled read to
 * the running service: {@code TryItOutIntegrationTest}.)
 */
class TryItOutExamplesTest {

  private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "patch");

  @Test
  void noOperationPreFillsParametersItRefusesTogether() throws IOException {
    int declared = 0;
    Resource[] specs =
        new PathMatchingResourcePatternResolver().getResources("classpath:openapi/*.yaml");
    assertThat(specs).hasSizeGreaterThanOrEqualTo(4);
    for (Resource resource : specs) {
      Map<String, Object> spec = load(resource);
      for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
        Map<String, Object> item = map(path.getValue());
        for (String method : OPERATIONS) {
          if (!item.containsKey(method)) {
            continue;
          }
          String operation =
              resource.getFilename() + " " + method.toUpperCase() + " " + path.getKey();
          List<Map<String, Object>> parameters = new ArrayList<>();
          for (Object p : list(item.get("parameters"))) {
            parameters.add(TryItOut.resolve(spec, map(p)));
          }
          for (Object p : list(map(item.get(method)).get("parameters"))) {
            parameters.add(TryItOut.resolve(spec, map(p)));
          }
          Map<String, Object> preFilled = preFilled(spec, parameters);
          List<String> names = parameters.stream().map(p -> (String) p.get("name")).toList();
          for (Map<String, Object> parameter : parameters) {
            List<Object> conflicts = list(parameter.get("x-conflicts-with"));
            if (conflicts.isEmpty()) {
              continue;
            }
            declared += conflicts.size();
            assertThat(names)
                .as(operation + " declares the conflicts of " + parameter.get("name"))
                .containsAll(conflicts.stream().map(String::valueOf).toList());
            if (preFilled.containsKey((String) parameter.get("name"))) {
              assertThat(preFilled.keySet())
                  .as(operation + ": " + parameter.get("name") + " is pre-filled with " + conflicts)
                  .doesNotContainAnyElementsOf(conflicts.stream().map(String::valueOf).toList());
            }
          }
        }
      }
    }
    assertThat(declared).as("conflicts declared in the specs").isGreaterThan(10);
  }

  /** What Swagger UI fills in: the parameter's example, else its schema's example or default. */
  static Map<String, Object> preFilled(Map<String, Object> spec, List<Map<String, Object>> params) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map<String, Object> parameter : params) {
      Object value = parameter.get("example");
      if (value == null && parameter.get("examples") instanceof Map<?, ?> examples) {
        value = examples.values().stream().findFirst().map(e -> map(e).get("value")).orElse(null);
      }
      Map<String, Object> schema = TryItOut.resolve(spec, map(parameter.get("schema")));
      if (value == null) {
        value = schema.get("example");
      }
      if (value == null) {
        value = schema.get("default");
      }
      if (value != null) {
        values.put((String) parameter.get("name"), value);
      }
    }
    return values;
  }

  private static Map<String, Object> load(Resource resource) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    try (InputStream in = resource.getInputStream()) {
      return new Yaml(options).load(in);
    }
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
