package org.opengovdata.catalog.policy.attachment;

/** A file in the store: its SHA-256 (also its name there), size and detected media type. */
public record StoredFile(String sha256, long size, String mediaType, String extractedText) {}
