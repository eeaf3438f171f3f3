package org.opengovdata.archive.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one I/O-bound task per item (an object root: validate it, copy it) on {@code threads}
 * threads, and hands the results to the caller's thread in the items' order — so progress, problems
 * and database writes stay on the job's own thread, one at a time, while the reading, hashing and
 * writing of several objects overlap. At most {@code 2 × threads} results wait.
 */
public final class OrderedParallel {

  /** The work done per item, on a pool thread. */
  @FunctionalInterface
  public interface Task<T, R> {
    R apply(T item) throws Exception;
  }

  /** What the job's thread does with each result, in order. */
  @FunctionalInterface
  public interface Sink<T, R> {
    void accept(T item, R result) throws Exception;
  }

  private OrderedParallel() {}

  /** The number of threads for {@code configured}: itself when positive, else the processors. */
  public static int threads(int configured) {
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Applies {@code task} to every item and hands each result to {@code sink} in order. A task's
   * exception is thrown here (as it was, or its cause) when its turn comes; the pool is stopped
   * either way.
   */
  public static <T, R> void run(
      String name, int threads, List<T> items, Task<T, R> task, Sink<T, R> sink) throws Exception {
    if (threads <= 1) {
      for (T item : items) {
        sink.accept(item, task.apply(item));
      }
      return;
    }
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, name + "-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      Deque<Future<R>> pending = new ArrayDeque<>();
      Deque<T> pendingItems = new ArrayDeque<>();
      Iterator<T> next = items.iterator();
      while (next.hasNext() || !pending.isEmpty()) {
        while (next.hasNext() && pending.size() < 2 * threads) {
          T item = next.next();
          pendingItems.add(item);
          pending.add(pool.submit(() -> task.apply(item)));
        }
        R result;
        try {
          result = pending.poll().get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
        sink.accept(pendingItems.poll(), result);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
