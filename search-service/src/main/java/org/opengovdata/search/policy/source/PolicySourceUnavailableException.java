package org.opengovdata.search.policy.source;

/** The catalog could not be asked (down, timed out, circuit open); try again later. */
public class PolicySourceUnavailableException extends RuntimeException {

  public PolicySourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
