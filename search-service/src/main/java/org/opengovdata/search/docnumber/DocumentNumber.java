package org.opengovdata.search.docnumber;

/**
 * A document number (发文字号) in canonical form (GB/T 9704: {@code 内政发〔2024〕12号}) and its parts.
 * Decree numbers ({@code 内蒙古自治区人民政府令第258号}) have no year.
 */
public record DocumentNumber(String canonical, String issuerCode, Integer year, Integer serial) {}
