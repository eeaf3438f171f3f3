package org.opengovdata.common.info;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/{service}/info} reports. Its JSON shape is the {@code ServiceInfo} schema
 * of every service's spec, so each service converts it to its generated DTO.
 *
 * @param dependencies readiness status (UP, DOWN, …) of each infrastructure dependency
 */
public record ServiceInfo(
    String name, String version, Instant buildTime, List<Dependency> dependencies) {

  public record Dependency(String name, String status) {}
}
