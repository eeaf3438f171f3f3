package org.opengovdata.archive.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opendata.archive.io-threads} ({@code ARCHIVE_IO_THREADS}): the threads a fixity audit, an
 * index rebuild and a backup work on objects with; 0 (the default) means one per processor.
 */
@ConfigurationProperties("opendata.archive")
public record IoProperties(int ioThreads) {

  /** The number of threads to use. */
  public int threads() {
    return OrderedParallel.threads(ioThreads);
  }
}
