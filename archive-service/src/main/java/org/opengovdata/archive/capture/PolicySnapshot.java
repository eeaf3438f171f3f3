package org.opengovdata.archive.capture;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of a catalog policy, as the archive keeps it.
 *
 * @param status the catalog's workflow status ({@code PUBLISHED} for what the public sees)
 * @param documentNumber 发文字号 as the catalog spells it canonically (normalised again on intake)
 * @param documentType the catalog's document type (通知, 规范性文件 …): decides the retention class
 * @param documentDate 成文日期 (the written date; the publication date when there is none)
 * @param json the whole policy as the catalog serves it (body, attachments' text, interpretations)
 */
record PolicySnapshot(
    UUID id,
    long version,
    String status,
    String title,
    String documentNumber,
    String issuer,
    String documentType,
    LocalDate documentDate,
    byte[] json) {}
