package org.opengovdata.catalog.policy;

/** One row of the policy list: the document (without body) and its validity today. */
record PolicyRow(Policy policy, Validity validity) {}
