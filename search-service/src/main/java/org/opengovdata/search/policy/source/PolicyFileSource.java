package org.opengovdata.search.policy.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policies from a file of JSON lines in the catalog's policy representation ({@code
 * SEARCH_POLICIES_FILE}): for demos and benchmarks, instead of the catalog. A lookup by id reads
 * the file from the start, so it suits rebuilds, not a busy event stream.
 */
public class PolicyFileSource implements PolicySource {

  private final Path file;
  private final JsonMapper json;

  public PolicyFileSource(Path file) {
    this.file = file;
    this.json =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  @Override
  public Optional<Policy> fetch(UUID id) {
    String needle = "\"" + id + "\"";
    try (Stream<String> lines = lines()) {
      return lines
          .filter(line -> line.contains(needle))
          .map(this::parse)
          .filter(p -> p.id().equals(id))
          .findFirst();
    }
  }

  @Override
  public long countPublished() {
    try (Stream<String> lines = lines()) {
      return lines.filter(line -> !line.isBlank()).count();
    }
  }

  @Override
  public Stream<Policy> streamPublished() {
    return lines().filter(line -> !line.isBlank()).map(this::parse);
  }

  private Stream<String> lines() {
    try {
      BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      return reader.lines().onClose(() -> close(reader));
    } catch (IOException e) {
      throw new PolicySourceUnavailableException("cannot read " + file, e);
    }
  }

  private Policy parse(String line) {
    return json.readValue(line, Policy.class);
  }

  private static void close(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
