package org.opengovdata.catalog.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovdata.common.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole-dataset download: one CSV file per dataset version, built on the first download of that
 * version and served as a file afterwards — so that it has a {@code Content-Length}, and the
 * database is read once per version instead of once per download.
 *
 * <p>A file is built inside one read-only {@code REPEATABLE READ} transaction that first reads the
 * dataset's version: the rows written are exactly those of that version, even while a load commits
 * the next one (which then gets its own file). Files are named by dataset, version and {@code
 * modified} (to the microsecond), written to a temporary name and moved into place atomically; a
 * file of an older version is deleted once the next but one exists (a download of it may still be
 * streaming).
 */
@Component
class DatasetDownloads {

  private static final Logger log = LoggerFactory.getLogger(DatasetDownloads.class);

  /** A built file and the dataset version it holds. */
  record Download(Dataset dataset, Path file) {

    long size() {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Opened now: the file stays readable while it is streamed, even if it is deleted. */
    InputStream open() {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final DatasetRepository datasets;
  private final Map<String, DatasetCsv> writers = new HashMap<>();
  private final TransactionTemplate snapshot;
  private final Path directory;
  private final Map<String, Object> building = new ConcurrentHashMap<>();

  DatasetDownloads(
      DatasetRepository datasets,
      List<DatasetCsv> writers,
      PlatformTransactionManager transactions,
      DownloadProperties properties) {
    this.datasets = datasets;
    writers.forEach(w -> w.datasetIds().forEach(id -> this.writers.put(id, w)));
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.directory = Path.of(properties.directory());
  }

  /** Whether the dataset has a download file (every dataset whose data the catalogue holds). */
  boolean offers(String datasetId) {
    return writers.containsKey(datasetId);
  }

  /** The file of the dataset's current version, built now if it is not there yet. */
  Download current(Dataset dataset) {
    DatasetCsv writer = writers.get(dataset.id());
    if (writer == null) {
      throw ApiException.notFound("Dataset '" + dataset.id() + "' has no download.");
    }
    Path file = fileOf(dataset);
    if (Files.isRegularFile(file)) {
      return new Download(dataset, file);
    }
    synchronized (building.computeIfAbsent(dataset.id(), id -> new Object())) {
      return snapshot.execute(status -> build(dataset.id(), writer));
    }
  }

  private Download build(String id, DatasetCsv writer) {
    // the first statement of the transaction: its snapshot is the one the rows are read from
    Dataset dataset =
        datasets.find(id).orElseThrow(() -> ApiException.notFound("No dataset '" + id + "'."));
    Path file = fileOf(dataset);
    if (Files.isRegularFile(file)) {
      return new Download(dataset, file);
    }
    try {
      Files.createDirectories(directory);
      Path partial = Files.createTempFile(directory, id + "-", ".partial");
      try {
        try (OutputStream out = Files.newOutputStream(partial)) {
          writer.write(id, out);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      log.info(
          "Built the download of {} version {}: {} bytes", id, dataset.version(), Files.size(file));
      deleteOlderThan(dataset.id(), dataset.version() - 1);
      return new Download(dataset, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path fileOf(Dataset dataset) {
    long micros =
        ChronoUnit.MICROS.between(java.time.Instant.EPOCH, dataset.modified().toInstant());
    return directory.resolve("%s-v%d-%d.csv".formatted(dataset.id(), dataset.version(), micros));
  }

  private void deleteOlderThan(String id, long version) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, id + "-v*.csv")) {
      for (Path file : files) {
        versionOf(id, file)
            .filter(v -> v < version)
            .ifPresent(
                v -> {
                  try {
                    Files.deleteIfExists(file);
                  } catch (IOException e) {
                    log.warn("Could not delete the old download {}: {}", file, e.toString());
                  }
                });
      }
    } catch (IOException e) {
      log.warn("Could not list the downloads of {}: {}", id, e.toString());
    }
  }

  private static Optional<Long> versionOf(String id, Path file) {
    String name = file.getFileName().toString();
    String rest = name.substring(id.length() + 2);
    int dash = rest.indexOf('-');
    try {
      return dash < 0 ? Optional.empty() : Optional.of(Long.parseLong(rest.substring(0, dash)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
