package org.opengovdata.archive.fixity;

import org.opengovdata.common.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily fixity audit: {@code opendata.archive.fixity.cron} ({@code ARCHIVE_FIXITY_CRON},
 * default 02:30 every day, zone {@code ARCHIVE_FIXITY_ZONE}, default Asia/Shanghai; {@code -}
 * switches it off). With several instances, the first to submit runs it; the others find the audit
 * running (one job of a type at a time, in the shared job table) and skip.
 */
@Component
class FixitySchedule {

  static final String SCHEDULER = "scheduler";

  private static final Logger log = LoggerFactory.getLogger(FixitySchedule.class);

  private final FixityAudits audits;

  FixitySchedule(FixityAudits audits) {
    this.audits = audits;
  }

  @Scheduled(
      cron = "${opendata.archive.fixity.cron:0 30 2 * * *}",
      zone = "${opendata.archive.fixity.zone:Asia/Shanghai}")
  void daily() {
    try {
      var job = audits.start(FixityAudits.Trigger.SCHEDULED, SCHEDULER);
      log.info("Scheduled fixity audit {} started", job.id());
    } catch (ApiException e) {
      log.info("Scheduled fixity audit skipped: {}", e.getMessage());
    }
  }
}
