package org.opengovdata.k8s.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test overlays: a resource file, optionally edited, read as the validator reads a rendering. */
final class Overlays {

  private Overlays() {}

  static Path resource(String name) {
    try {
      return Path.of(Overlays.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Manifest> read(String resource) {
    return read(resource, UnaryOperator.identity());
  }

  /** Reads the resource after applying a text edit to it, e.g. removing a probe. */
  static List<Manifest> read(String resource, UnaryOperator<String> edit) {
    try {
      Path file = Files.createTempFile("overlay", ".yaml");
      Files.writeString(file, edit.apply(Files.readString(resource(resource))));
      return Manifest.readAll(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ValidateManifests validator(int minReplicas) {
    try {
      return new ValidateManifests(Path.of("crds"), resource("README.md"), minReplicas);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
