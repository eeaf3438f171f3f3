package org.opengovdata.archive.record;

/** Who may read a record: anyone, or archivists only. */
public enum Access {
  PUBLIC,
  RESTRICTED
}
