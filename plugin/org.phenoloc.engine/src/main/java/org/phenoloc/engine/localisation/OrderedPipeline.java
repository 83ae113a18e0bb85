package org.phenoloc.engine.localisation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a two-stage job over items 0..n-1 concurrently and hands the outcomes to the caller in input order: a single
 * prefetch thread runs {@link Stages#load} (decoding the next images) in order, {@code workers} threads run
 * {@link Stages#process} (scanning, writing each image's results as it finishes). At most {@code 2 * workers} items
 * are in flight (loaded, being processed, or finished but not yet consumed), so memory stays bounded whatever the
 * number of images. Outcomes are consumed on the calling thread, so whatever the consumer does (tables, CSV rows)
 * happens sequentially and in input order, exactly as in a sequential run.
 *
 * <p>When the consumer throws (or {@link #stop()} is called) no further items start, items already running are
 * asked to stop through {@link #stopped()} (their progress checks it), the pools are drained and the exception is
 * rethrown.
 *
 * @param <L> what the first stage yields (a decoded image)
 * @param <R> what the second stage yields (a result)
 */
public final class OrderedPipeline<L, R> {
    /** The two stages; both may throw. */
    public interface Stages<L, R> {
        L load(int index) throws Exception;

        R process(int index, L loaded) throws Exception;
    }

    /** What happened to one item: a result, or the exception one of its stages threw. */
    public record Outcome<R>(int index, R result, Throwable error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Receives outcomes in input order; throwing stops the run. */
    public interface Consumer<R> {
        void accept(Outcome<R> outcome) throws Exception;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int workers;
    private final AtomicBoolean stop = new AtomicBoolean();

    public OrderedPipeline(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        this.workers = workers;
    }

    /** True once the run is stopping: long stages should check this (e.g. through their progress) and end early. */
    public boolean stopped() {
        return stop.get();
    }

    public void stop() {
        stop.set(true);
    }

    /** @throws Exception what the consumer threw (an item's failure is its outcome, the consumer decides) */
    public void run(int n, Stages<L, R> stages, Consumer<R> consumer) throws Exception {
        int id = POOLS.incrementAndGet();
        ExecutorService loader = Executors.newSingleThreadExecutor(threads("phenoloc-load-" + id));
        ExecutorService pool = Executors.newFixedThreadPool(workers, threads("phenoloc-worker-" + id));
        Semaphore inFlight = new Semaphore(2 * workers);
        Deque<CompletableFuture<Outcome<R>>> pending = new ArrayDeque<>();
        try {
            for (int i = 0; i < n && !stop.get(); i++) {
                while (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    consumeDone(pending, inFlight, consumer, false);
                }
                pending.add(submit(i, stages, loader, pool));
                consumeDone(pending, inFlight, consumer, false);
            }
            while (!pending.isEmpty()) {
                consumeDone(pending, inFlight, consumer, true);
            }
        } catch (Exception | Error e) {
            stop.set(true);
            throw e;
        } finally {
            loader.shutdownNow();
            pool.shutdown();
            awaitQuietly(loader);
            awaitQuietly(pool); // stages check stopped(): no worker may outlive the resources it uses
        }
    }

    private CompletableFuture<Outcome<R>> submit(int i, Stages<L, R> stages, ExecutorService loader, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> {
            if (stop.get()) {
                throw new CompletionException(new StoppedException());
            }
            try {
                return stages.load(i);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, loader).thenApplyAsync(loaded -> {
            if (stop.get()) {
                throw new CompletionException(new StoppedException());
            }
            try {
                return new Outcome<>(i, stages.process(i, loaded), null);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool).exceptionally(t -> new Outcome<>(i, null, t instanceof CompletionException && t.getCause() != null
                ? t.getCause() : t));
    }

    /** Hands finished items at the head of the queue to the consumer; with {@code block}, waits for the head. */
    private void consumeDone(Deque<CompletableFuture<Outcome<R>>> pending, Semaphore inFlight, Consumer<R> consumer,
            boolean block) throws Exception {
        while (!pending.isEmpty()) {
            CompletableFuture<Outcome<R>> head = pending.peekFirst();
            Outcome<R> outcome;
            try {
                outcome = block ? head.get(50, TimeUnit.MILLISECONDS) : head.getNow(null);
            } catch (TimeoutException e) {
                continue;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // not reached: failures are outcomes
            }
            if (outcome == null) {
                return;
            }
            pending.removeFirst();
            inFlight.release();
            consumer.accept(outcome);
            block = false;
        }
    }

    private static void awaitQuietly(ExecutorService s) {
        boolean interrupted = false;
        while (true) {
            try {
                if (s.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The outcome of an item that was not run because the run was stopping. */
    public static final class StoppedException extends RuntimeException {
        public StoppedException() {
            super("not run: the run was stopping");
        }
    }
}
