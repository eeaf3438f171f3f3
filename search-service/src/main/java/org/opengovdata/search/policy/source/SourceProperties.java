package org.opengovdata.search.policy.source;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where documents come from.
 *
 * @param policiesFile JSON lines of policies ({@code SEARCH_POLICIES_FILE}); unset = none
 */
@Validated
@ConfigurationProperties("opendata.search.sources")
public record SourceProperties(Path policiesFile) {}
