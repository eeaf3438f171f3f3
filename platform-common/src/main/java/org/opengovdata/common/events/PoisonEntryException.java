package org.opengovdata.common.events;

/**
 * Thrown by a {@link StreamEntryHandler} for an entry that can never be handled (malformed fields,
 * an unknown event type it must not ignore): it goes to the dead-letter stream without retries.
 */
public class PoisonEntryException extends RuntimeException {

  public PoisonEntryException(String message) {
    super(message);
  }

  public PoisonEntryException(String message, Throwable cause) {
    super(message, cause);
  }
}
