package org.opengovdata.k8s.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Configuration reaches the services exactly as README.md documents it: the four services read only
 * documented variables; secret values (JWT_SECRET, ADMIN_API_KEY, passwords, URLs with credentials)
 * come from Secrets, never from a ConfigMap or a literal; every ConfigMap key a service reads
 * exists. Secrets that the overlay does not render are expected to be created out of band
 * (production) and are listed by {@link #externalSecrets}.
 */
final class ConfigurationPolicy implements Policy {

  private static final String RULE = "configuration";
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|api_?key|credential|private_?key).*");
  private static final Map<String, Pattern> SECRET_VALUES =
      Map.of(
          "a URL with a password",
              Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]*:[^/\\s@]+@"),
          "a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          "a JSON Web Token", Pattern.compile("eyJ[\\w-]{8,}\\.eyJ[\\w-]{8,}\\."),
          "an AWS access key id", Pattern.compile("AKIA[0-9A-Z]{16}"));

  private final Set<String> documented;
  private final Map<String, Set<String>> externalSecrets = new HashMap<>();

  /**
   * @param documented the variable names of README.md's configuration table
   */
  ConfigurationPolicy(Set<String> documented) {
    this.documented = documented;
  }

  /** Secret name → keys that workloads read from Secrets the overlay does not contain. */
  Map<String, Set<String>> externalSecrets() {
    return externalSecrets;
  }

  @Override
  public void check(List<Manifest> overlay, Consumer<Violation> violations) {
    Map<String, Manifest> configMaps = byName(overlay, "ConfigMap");
    Map<String, Manifest> secrets = byName(overlay, "Secret");
    for (Manifest configMap : configMaps.values()) {
      checkConfigMap(configMap, violations);
    }
    for (Manifest manifest : overlay) {
      PodTemplates.Template template = PodTemplates.of(manifest);
      if (template == null) {
        continue;
      }
      boolean service =
          manifest.kind().equals("Deployment")
              && "opendata".equals(manifest.labels().get("app.kubernetes.io/part-of"));
      for (Map<String, Object> volume : Nodes.maps(template.pod(), "volumes")) {
        String secret = Nodes.string(Nodes.map(volume, "secret"), "secretName");
        if (secret != null && !secrets.containsKey(secret)) {
          Set<String> keys = externalSecrets.computeIfAbsent(secret, s -> new TreeSet<>());
          Nodes.maps(Nodes.map(volume, "secret"), "items")
              .forEach(i -> keys.add(Nodes.string(i, "key")));
        }
      }
      for (PodTemplates.Container container : template.containers()) {
        List<Map<String, Object>> env = Nodes.maps(container.body(), "env");
        for (int i = 0; i < env.size(); i++) {
          String path = container.path() + "/env/" + i;
          checkVariable(manifest, env.get(i), path, service, configMaps, secrets, violations);
        }
        if (!Nodes.list(container.body(), "envFrom").isEmpty() && service) {
          violations.accept(
              new Violation(
                  manifest,
                  RULE,
                  container.path() + "/envFrom",
                  "list the variables one by one (env), so that each is checked against README.md"));
        }
      }
    }
  }

  private void checkConfigMap(Manifest configMap, Consumer<Violation> violations) {
    Nodes.map(configMap.body(), "data")
        .forEach(
            (key, value) -> {
              String text = String.valueOf(value);
              if (SECRET_NAME.matcher(key).matches() && !text.isBlank()) {
                violations.accept(
                    new Violation(
                        configMap,
                        RULE,
                        "/data/" + key,
                        "`" + key + "` looks secret: put it in a Secret"));
              }
              SECRET_VALUES.forEach(
                  (what, pattern) -> {
                    if (pattern.matcher(text).find()) {
                      violations.accept(
                          new Violation(
                              configMap,
                              RULE,
                              "/data/" + key,
                              "the value holds " + what + ": put it in a Secret"));
                    }
                  });
            });
  }

  private void checkVariable(
      Manifest manifest,
      Map<String, Object> variable,
      String path,
      boolean service,
      Map<String, Manifest> configMaps,
      Map<String, Manifest> secrets,
      Consumer<Violation> violations) {
    String name = Nodes.string(variable, "name");
    Map<String, Object> fromConfigMap = Nodes.at(variable, "valueFrom", "configMapKeyRef");
    Map<String, Object> fromSecret = Nodes.at(variable, "valueFrom", "secretKeyRef");
    boolean secretLike = name != null && SECRET_NAME.matcher(name).matches();
    if (service && !documented.contains(name)) {
      violations.accept(
          new Violation(
              manifest,
              RULE,
              path,
              "`" + name + "` is not documented in README.md's configuration table"));
    }
    if (secretLike && fromSecret.isEmpty()) {
      violations.accept(
          new Violation(
              manifest, RULE, path, "`" + name + "` must come from a Secret (secretKeyRef)"));
    }
    if (variable.get("value") instanceof String value
        && SECRET_VALUES.values().stream().anyMatch(p -> p.matcher(value).find())) {
      violations.accept(
          new Violation(manifest, RULE, path, "`" + name + "` holds a credential in plain text"));
    }
    if (!fromConfigMap.isEmpty()) {
      String configMap = Nodes.string(fromConfigMap, "name");
      String key = Nodes.string(fromConfigMap, "key");
      Manifest target = configMaps.get(configMap);
      if (target == null) {
        violations.accept(
            new Violation(
                manifest, RULE, path, "ConfigMap `" + configMap + "` is not in the overlay"));
      } else if (!Nodes.map(target.body(), "data").containsKey(key)) {
        violations.accept(
            new Violation(
                manifest, RULE, path, "ConfigMap `" + configMap + "` has no key `" + key + "`"));
      }
    }
    if (!fromSecret.isEmpty()) {
      String secret = Nodes.string(fromSecret, "name");
      String key = Nodes.string(fromSecret, "key");
      Manifest target = secrets.get(secret);
      if (target == null) {
        externalSecrets.computeIfAbsent(secret, s -> new TreeSet<>()).add(key);
      } else if (!Nodes.map(target.body(), "data").containsKey(key)
          && !Nodes.map(target.body(), "stringData").containsKey(key)) {
        violations.accept(
            new Violation(
                manifest, RULE, path, "Secret `" + secret + "` has no key `" + key + "`"));
      }
    }
  }

  private static Map<String, Manifest> byName(List<Manifest> overlay, String kind) {
    Map<String, Manifest> named = new HashMap<>();
    overlay.stream().filter(m -> kind.equals(m.kind())).forEach(m -> named.put(m.name(), m));
    return named;
  }
}
