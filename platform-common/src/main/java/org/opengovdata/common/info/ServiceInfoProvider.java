package org.opengovdata.common.info;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.info.BuildProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports name, version, build time and the status of the dependencies that make up the readiness
 * group — so {@code /info} and the readiness probe can never disagree.
 */
public class ServiceInfoProvider {

  private static final String READINESS_GROUP = "readiness";
  private static final String READINESS_STATE = "readinessState";

  private final String name;
  private final ObjectProvider<BuildProperties> build;
  private final HealthEndpoint health;
  private final JsonMapper json;
  private volatile Snapshot latest;

  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private record Snapshot(ServiceInfo info, long takenAtNanos) {}

  public ServiceInfoProvider(
      String name, ObjectProvider<BuildProperties> build, HealthEndpoint health, JsonMapper json) {
    this.name = name;
    this.build = build;
    this.health = health;
    this.json = json;
  }

  /**
   * The current info; the dependency checks behind it run at most once a second, so a public
   * endpoint cannot be used to hammer the database and Redis with health checks.
   */
  public ServiceInfo currentInfo() {
    Snapshot snapshot = latest;
    long now = System.nanoTime();
    if (snapshot == null || now - snapshot.takenAtNanos() > MAX_AGE_NANOS) {
      snapshot = new Snapshot(computeInfo(), now);
      latest = snapshot;
    }
    return snapshot.info();
  }

  private ServiceInfo computeInfo() {
    BuildProperties properties = build.getIfAvailable();
    String version = properties == null ? "development" : properties.getVersion();
    Instant time = properties == null ? null : properties.getTime();
    return new ServiceInfo(name, version, time, dependencyStatus());
  }

  /** The current info as the service's generated DTO (same JSON shape). */
  public <T> T currentInfo(Class<T> dto) {
    return json.convertValue(currentInfo(), dto);
  }

  private List<ServiceInfo.Dependency> dependencyStatus() {
    HealthDescriptor readiness = health.healthForPath(READINESS_GROUP);
    if (!(readiness instanceof CompositeHealthDescriptor composite)) {
      return List.of();
    }
    return new TreeMap<>(composite.getComponents())
        .entrySet().stream()
            .filter(component -> !READINESS_STATE.equals(component.getKey()))
            .map(c -> new ServiceInfo.Dependency(c.getKey(), c.getValue().getStatus().getCode()))
            .toList();
  }
}
