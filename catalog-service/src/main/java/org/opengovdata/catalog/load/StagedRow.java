package org.opengovdata.catalog.load;

/** A validated row of an uploaded file, ready for the staging table of its {@link StagedLoad}. */
public interface StagedRow {

  /** The values of the staging table's columns, in their order (the file's row number first). */
  Object[] values();

  /** The row's number in the file (1 is the header). */
  long row();

  /** The region the row's data belongs to (a publisher key's scope is checked against it). */
  String regionCode();

  /** The dataset the row writes to (a publisher key's scope is checked against it). */
  String datasetId();
}
