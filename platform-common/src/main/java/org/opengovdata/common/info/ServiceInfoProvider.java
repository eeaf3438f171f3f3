package org.opengovdata.common.info;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.info.BuildProperties;

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

  public ServiceInfoProvider(
      String name, ObjectProvider<BuildProperties> build, HealthEndpoint health) {
    this.name = name;
    this.build = build;
    this.health = health;
  }

  public ServiceInfo currentInfo() {
    BuildProperties properties = build.getIfAvailable();
    String version = properties == null ? "development" : properties.getVersion();
    Instant time = properties == null ? null : properties.getTime();
    return new ServiceInfo(name, version, time, dependencyStatus());
  }

  private Map<String, String> dependencyStatus() {
    Map<String, String> status = new TreeMap<>();
    HealthDescriptor readiness = health.healthForPath(READINESS_GROUP);
    if (readiness instanceof CompositeHealthDescriptor composite) {
      composite
          .getComponents()
          .forEach(
              (component, descriptor) -> {
                if (!READINESS_STATE.equals(component)) {
                  status.put(component, descriptor.getStatus().getCode());
                }
              });
    }
    return status;
  }
}
