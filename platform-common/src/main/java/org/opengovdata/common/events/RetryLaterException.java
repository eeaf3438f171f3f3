package org.opengovdata.common.events;

/**
 * Thrown by a {@link StreamEntryHandler} when a dependency it needs is unavailable (a connection
 * refused, a timeout, an open circuit breaker): the entry is fine and will succeed later.
 */
public class RetryLaterException extends RuntimeException {

  public RetryLaterException(String message, Throwable cause) {
    super(message, cause);
  }
}
