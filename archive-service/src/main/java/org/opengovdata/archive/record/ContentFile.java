package org.opengovdata.archive.record;

/**
 * The content file of a version.
 *
 * @param path logical path inside the OCFL version, e.g. {@code content/措施.pdf}
 * @param size bytes; null when unknown (objects written elsewhere)
 */
public record ContentFile(String path, String filename, String mediaType, Long size) {}
