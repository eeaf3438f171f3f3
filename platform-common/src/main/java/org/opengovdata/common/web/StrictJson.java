package org.opengovdata.common.web;

import org.opengovdata.common.problem.Problems;
import tools.jackson.core.exc.StreamReadException;

/**
 * The words of a 400 for a request body that could not be read — the same in the servlet services
 * and in the reactive gateway.
 */
public final class StrictJson {

  private StrictJson() {}

  /** The {@code detail} of the problem for an unreadable body, naming a repeated property. */
  public static String unreadableBody(Throwable ex) {
    String duplicate = duplicateProperty(ex);
    return duplicate == null
        ? "The request body could not be read: it is missing or not well-formed."
        : "The request body has the property '%s' more than once; send each once."
            .formatted(Problems.echo(duplicate));
  }

  /**
   * The name Jackson's strict duplicate detection reports ({@code Duplicate Object property "x"}),
   * anywhere in the cause chain, or null.
   */
  static String duplicateProperty(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof StreamReadException
          && message != null
          && message.startsWith("Duplicate Object property \"")) {
        int start = message.indexOf('"') + 1;
        int end = message.indexOf('"', start);
        return end > start ? message.substring(start, end) : "?";
      }
    }
    return null;
  }
}
