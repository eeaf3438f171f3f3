package org.opengovdata.catalog.policy;

import java.time.OffsetDateTime;

/** One recorded workflow step: who did what, when, and why. */
public record Transition(
    String action,
    PolicyStatus fromStatus,
    PolicyStatus toStatus,
    String actor,
    OffsetDateTime at,
    String comment) {}
