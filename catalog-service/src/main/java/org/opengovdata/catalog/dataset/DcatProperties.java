package org.opengovdata.catalog.dataset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the DCAT-AP catalogue says about itself ({@code opendata.catalog.dcat.*}).
 *
 * @param publicBaseUrl the platform's public address (the gateway, as harvesters reach it); every
 *     IRI in the JSON-LD is absolute under it ({@code CATALOG_PUBLIC_BASE_URL})
 * @param homepage the portal's home page ({@code CATALOG_HOMEPAGE}; default: the base URL)
 * @param contactEmail where questions about the data go ({@code CATALOG_CONTACT_EMAIL})
 */
@Validated
@ConfigurationProperties("opendata.catalog.dcat")
public record DcatProperties(
    @DefaultValue("http://localhost:8080") @Pattern(regexp = "https?://[^\\s?#]+[^/\\s?#]")
        String publicBaseUrl,
    @DefaultValue("") String homepage,
    @DefaultValue("opendata@example.gov.cn") @NotBlank @Pattern(regexp = "[^@\\s]+@[^@\\s]+")
        String contactEmail) {

  String homepageOrBase() {
    return homepage.isBlank() ? publicBaseUrl + "/" : homepage;
  }
}
