package org.opengovdata.k8s.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables that README.md's "Configuration" table documents. */
final class ReadmeVariables {

  private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

  private ReadmeVariables() {}

  static Set<String> read(Path readme) throws IOException {
    Set<String> variables = new TreeSet<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("## ")) {
        inSection = line.trim().equals("## Configuration");
      } else if (inSection && line.startsWith("|")) {
        String firstColumn = line.split("\\|")[1];
        Matcher matcher = VARIABLE.matcher(firstColumn);
        while (matcher.find()) {
          variables.add(matcher.group(1));
        }
      }
    }
    if (variables.isEmpty()) {
      throw new IOException(readme + " has no variables in a \"## Configuration\" table");
    }
    return variables;
  }
}
