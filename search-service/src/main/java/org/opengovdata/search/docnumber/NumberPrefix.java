package org.opengovdata.search.docnumber;

/**
 * The beginning of a document number as someone types or filters it: an issuer code ({@code 内政发}),
 * optionally with the year ({@code 内政发〔2024〕}); {@code normalised} is the typed text in canonical
 * spelling (brackets, widths), for prefix completion.
 */
public record NumberPrefix(String issuerCode, Integer year, String normalised) {}
