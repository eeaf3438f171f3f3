package org.opengovdata.common.events;

import java.time.Duration;

/**
 * What a service configures for one consumer group on a stream; a service's
 * {@code @ConfigurationProperties} record implements it by having these components. The dead-letter
 * stream is derived ({@link StreamConsumerSettings#deadLetterStreamOf}).
 */
public interface ConsumerConfiguration {

  String stream();

  String group();

  String consumer();

  int batchSize();

  Duration block();

  Duration claimIdle();

  Duration claimInterval();

  int maxDeliveries();

  Duration backoffInitial();

  Duration backoffMax();

  default StreamConsumerSettings settings() {
    return new StreamConsumerSettings(
        stream(),
        group(),
        consumer(),
        batchSize(),
        block(),
        claimIdle(),
        claimInterval(),
        maxDeliveries(),
        StreamConsumerSettings.deadLetterStreamOf(stream(), group()),
        backoffInitial(),
        backoffMax());
  }
}
