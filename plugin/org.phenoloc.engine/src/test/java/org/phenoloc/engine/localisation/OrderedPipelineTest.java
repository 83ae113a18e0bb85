package org.phenoloc.engine.localisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.io.BadInputException;

/** The concurrent run of localise and the KNIME node: input order, bounded memory, failures, stopping. */
class OrderedPipelineTest {
    /** Items take random times, so they finish out of order; the consumer still sees 0..n-1 in order. */
    @Test
    void outcomesArriveInInputOrderWithBoundedItemsInFlight() throws Exception {
        int workers = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        Random rnd = new Random(1);
        long[] sleeps = rnd.longs(40, 0, 8).toArray();
        new OrderedPipeline<Integer, Integer>(workers).run(40, new OrderedPipeline.Stages<>() {
            @Override
            public Integer load(int i) throws Exception {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return i;
            }

            @Override
            public Integer process(int i, Integer loaded) throws Exception {
                Thread.sleep(sleeps[i]);
                return loaded * 10;
            }
        }, o -> {
            seen.add(o.result() / 10);
            inFlight.decrementAndGet();
        });
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertTrue(most.get() <= 2 * workers, "at most 2 x workers loaded and not yet consumed, was " + most.get());
    }

    @Test
    void aFailingItemIsAnOutcomeAndAThrowingConsumerStopsTheRun() throws Exception {
        AtomicInteger started = new AtomicInteger();
        OrderedPipeline<Integer, Integer> p = new OrderedPipeline<>(2);
        OrderedPipeline.Stages<Integer, Integer> stages = new OrderedPipeline.Stages<>() {
            @Override
            public Integer load(int i) {
                started.incrementAndGet();
                if (i == 3) {
                    throw new BadInputException("item 3 is unreadable");
                }
                return i;
            }

            @Override
            public Integer process(int i, Integer loaded) throws Exception {
                Thread.sleep(5);
                return loaded;
            }
        };
        IllegalStateException stop = new IllegalStateException("consumer gives up");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> p.run(1000, stages, o -> {
            if (o.failed()) {
                assertTrue(o.error() instanceof BadInputException, o.error().toString());
                throw stop;
            }
        }));
        assertSame(stop, thrown);
        assertTrue(p.stopped());
        assertTrue(started.get() < 20, "no new items after the stop: " + started.get() + " started");
    }

    @Test
    void workerCountsFollowTheMeasuredDefault() {
        assertEquals(1, Workers.defaultCount(1));
        assertEquals(2, Workers.defaultCount(2));
        assertEquals(2, Workers.defaultCount(5));
        assertEquals(3, Workers.defaultCount(6));
        assertEquals(4, Workers.defaultCount(64));
        assertThrows(BadInputException.class, () -> Workers.resolve(0));
        assertEquals(5, Workers.resolve(5));
    }
}
