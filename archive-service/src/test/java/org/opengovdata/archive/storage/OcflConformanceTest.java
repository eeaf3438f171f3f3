package org.opengovdata.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocfl.core.storage.filesystem.FileSystemStorage;
import io.ocfl.core.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The archive's object validator against the OCFL editors' fixtures: good pass, bad fail. */
class OcflConformanceTest {

  private static final Path FIXTURES = Path.of("src/test/resources/ocfl-fixtures-1.1");
  private static final FileSystemStorage STORAGE = new FileSystemStorage(FIXTURES);
  private static final ObjectValidator VALIDATOR =
      new ObjectValidator(STORAGE, JsonMapper.builder().build());

  static Stream<String> allObjects() throws IOException {
    return Stream.of(goodObjects(), warnObjects(), badObjects()).flatMap(s -> s);
  }

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

  /**
   * The archive's own content fixity check (one read per file) reports exactly the errors
   * ocfl-java's validator with its fixity check does: same codes, same messages.
   */
  @ParameterizedTest
  @MethodSource("allObjects")
  void reportsWhatOcflJavasFullValidationReports(String object) {
    List<String> ocflJava;
    try {
      ocflJava =
          new Validator(STORAGE)
              .validateObject(object, true).getErrors().stream()
                  .map(ObjectValidator::describe)
                  .sorted()
                  .toList();
    } catch (RuntimeException e) { // ocfl-java trips over one fixture; the archive says so
      ocflJava = List.of("validation failed: " + e.getMessage());
    }
    assertThat(VALIDATOR.check(object).errors().stream().sorted().toList()).isEqualTo(ocflJava);
  }

  /** The fixtures of a wrong content digest and a wrong fixity digest go the archive's way. */
  @Test
  void digestMismatchesAreFoundByTheArchivesOwnFixityCheck() {
    assertThat(VALIDATOR.contentFixity("bad-objects/E092_content_file_digest_mismatch"))
        .hasValueSatisfying(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .asString()
                    .startsWith("E092: File bad-objects/E092_content_file_digest_mismatch/v1/")
                    .contains("failed sha512 fixity check"));
    assertThat(VALIDATOR.contentFixity("bad-objects/E093_fixity_digest_mismatch"))
        .hasValueSatisfying(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .asString()
                    .startsWith("E093: File bad-objects/E093_fixity_digest_mismatch/")
                    .contains("fixity check"));
    assertThat(VALIDATOR.contentFixity("good-objects/spec-ex-full")).hasValue(List.of());
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
