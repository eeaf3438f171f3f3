package org.opengovdata.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocfl.core.storage.filesystem.FileSystemStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The archive's object validator against the OCFL editors' fixtures: good pass, bad fail. */
class OcflConformanceTest {

  private static final Path FIXTURES = Path.of("src/test/resources/ocfl-fixtures-1.1");
  private static final ObjectValidator VALIDATOR =
      new ObjectValidator(new FileSystemStorage(FIXTURES), JsonMapper.builder().build());

  static Stream<String> goodObjects() throws IOException {
    return objects("good-objects");
  }

  static Stream<String> warnObjects() throws IOException {
    return objects("warn-objects");
  }

  static Stream<String> badObjects() throws IOException {
    return objects("bad-objects");
  }

  @ParameterizedTest
  @MethodSource("goodObjects")
  void goodObjectIsValid(String object) {
    assertThat(VALIDATOR.check(object).errors()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("warnObjects")
  void objectWithOnlyWarningsIsValid(String object) {
    assertThat(VALIDATOR.check(object).errors()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("badObjects")
  void badObjectIsRejected(String object) {
    assertThat(VALIDATOR.check(object).valid()).isFalse();
  }

  private static Stream<String> objects(String kind) throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES.resolve(kind))) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> kind + "/" + p.getFileName())
          .sorted()
          .toList()
          .stream();
    }
  }
}
