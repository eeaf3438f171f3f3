package org.opengovdata.archive.record;

/** A file of an OCFL version: logical path and its inventory digest. */
public record StoredFile(String path, String digestAlgorithm, String digest) {}
