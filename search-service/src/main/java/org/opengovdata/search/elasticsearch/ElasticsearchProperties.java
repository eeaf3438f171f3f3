package org.opengovdata.search.elasticsearch;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where Elasticsearch is ({@code ES_URL}) and how long a request may take. */
@Validated
@ConfigurationProperties("opendata.elasticsearch")
public record ElasticsearchProperties(
    @NotNull @DefaultValue("http://localhost:9200") URI url,
    @NotNull @DefaultValue("2s") Duration connectTimeout,
    @NotNull @DefaultValue("10s") Duration socketTimeout) {}
