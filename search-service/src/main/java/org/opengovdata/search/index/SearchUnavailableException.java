package org.opengovdata.search.index;

import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

/** Elasticsearch did not answer: a 503 problem, never a 500 or a hang. */
public class SearchUnavailableException extends ApiException {

  public SearchUnavailableException(Throwable cause) {
    super(
        ProblemType.SERVICE_UNAVAILABLE,
        "The search index is not reachable at the moment; try again shortly.");
    initCause(cause);
  }
}
