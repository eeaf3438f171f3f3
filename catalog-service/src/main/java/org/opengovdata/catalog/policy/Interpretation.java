package org.opengovdata.catalog.policy;

import java.time.LocalDate;
import java.util.UUID;

/** 政策解读: a document explaining a policy, linked to it. */
public record Interpretation(UUID id, String title, String body, LocalDate publishedDate) {}
