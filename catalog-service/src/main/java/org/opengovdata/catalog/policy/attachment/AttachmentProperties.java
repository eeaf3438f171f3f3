package org.opengovdata.catalog.policy.attachment;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code opendata.catalog.attachments.*}: where policy attachments are kept and how large they may
 * be.
 *
 * @param root directory of the content-addressed store ({@code CATALOG_ATTACHMENTS_DIR})
 * @param maxSize the largest attachment accepted (the issue: 50 MB)
 * @param maxExtractedChars text beyond this is not extracted (screening and search get the start)
 */
@Validated
@ConfigurationProperties("opendata.catalog.attachments")
public record AttachmentProperties(
    @NotNull Path root,
    @NotNull @DefaultValue("50MB") DataSize maxSize,
    @DefaultValue("5000000") int maxExtractedChars) {}
