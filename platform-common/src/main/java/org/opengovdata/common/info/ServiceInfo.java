package org.opengovdata.common.info;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /api/v1/{service}/info} reports; each service maps it onto its generated DTO.
 *
 * @param dependencies readiness status (UP, DOWN, …) of each infrastructure dependency
 */
public record ServiceInfo(
    String name, String version, Instant buildTime, Map<String, String> dependencies) {}
