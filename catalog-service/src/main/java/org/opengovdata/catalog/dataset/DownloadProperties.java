package org.opengovdata.catalog.dataset;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The per-dataset download files ({@code opendata.catalog.downloads.*}).
 *
 * @param directory where the built files are kept, one per dataset version ({@code
 *     CATALOG_DOWNLOADS_DIR}); a cache: deleting it only costs a rebuild on the next download
 */
@Validated
@ConfigurationProperties("opendata.catalog.downloads")
public record DownloadProperties(@NotBlank String directory) {}
