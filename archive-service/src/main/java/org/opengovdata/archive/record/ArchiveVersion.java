package org.opengovdata.archive.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One archive version (OCFL version) as the index knows it.
 *
 * @param content the version's content file; null for an object written elsewhere that has no
 *     {@code metadata.json} and more than one file
 * @param digest the content file's digest in the object's algorithm
 */
public record ArchiveVersion(
    UUID recordId,
    int version,
    Instant created,
    String userName,
    String userAddress,
    String message,
    ContentFile content,
    String digestAlgorithm,
    String digest) {}
