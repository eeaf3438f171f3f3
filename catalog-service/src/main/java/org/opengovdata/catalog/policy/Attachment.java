package org.opengovdata.catalog.policy;

import java.util.UUID;

/** A file attached to a policy: stored by its SHA-256, with the text Tika extracted from it. */
public record Attachment(
    UUID id, String fileName, String mediaType, long size, String sha256, String extractedText) {}
