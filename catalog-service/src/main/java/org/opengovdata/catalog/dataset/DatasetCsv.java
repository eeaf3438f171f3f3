package org.opengovdata.catalog.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * A feature's whole-dataset CSV, for the datasets it publishes: what {@link DatasetDownloads}
 * writes into the per-dataset download file. The bytes are those of the dataset's {@code csvUrl}
 * (same columns, header and order), so that the two distributions never disagree.
 */
public interface DatasetCsv {

  /** The datasets this feature writes. */
  Set<String> datasetIds();

  /**
   * Writes every row of the dataset as CSV. Runs inside the caller's read-only snapshot
   * transaction: what it reads is the data of the dataset version being built.
   */
  void write(String datasetId, OutputStream out) throws IOException;
}
