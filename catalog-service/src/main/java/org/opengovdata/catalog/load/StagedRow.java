package org.opengovdata.catalog.load;

/** A validated row of an uploaded file, ready for the staging table of its {@link StagedLoad}. */
public interface StagedRow {

  /** The values of the staging table's columns, in their order (the file's row number first). */
  Object[] values();
}
