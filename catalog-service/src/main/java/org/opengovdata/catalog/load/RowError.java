package org.opengovdata.catalog.load;

/**
 * What is wrong with one row of an uploaded file.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param parameter the column
 */
public record RowError(long row, String parameter, String value, String detail) {}
