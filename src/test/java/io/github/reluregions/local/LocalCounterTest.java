package io.github.reluregions.local;

import io.github.reluregions.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import io.github.reluregions.count.ExactCounter;
import io.github.reluregions.count.Outcome;
import io.github.reluregions.count.StopReason;
import io.github.reluregions.count.lp.LpEngine;
import io.github.reluregions.domain.Ball;
import io.github.reluregions.domain.Norm;
import io.github.reluregions.model.Network;
import io.github.reluregions.query.Tolerances;
import io.github.reluregions.testing.Nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCounterTest {
    private static final Network NET = Nets.randomNet(new int[] {3, 8, 6}, 11);

    private static List<LocalPoint> points(int n) {
        Random random = new Random(3);
        List<LocalPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(LocalPoint.of(i, new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()},
                    i % 2 == 0 ? "even" : null));
        }
        return points;
    }

    private static LocalCounter counter(int threads) {
        return new LocalCounter(LpEngine::new, new LocalCounter.Options(threads, 0, Tolerances.defaults()));
    }

    @Test
    void rowsAreTheSingleCountsInTableOrderWhateverTheThreads() {
        List<LocalCounter.Task> tasks = LocalCounter.tasks(points(6), List.of(0.3, 1.0), Norm.LINF, null);
        List<LocalCount> one = counter(1).count(NET, tasks);
        List<LocalCount> three = counter(3).count(NET, tasks);
        assertEquals(12, one.size());
        for (int i = 0; i < 12; i++) {
            LocalCounter.Task task = tasks.get(i);
            assertEquals(i / 2, one.get(i).point());
            assertEquals(i % 2 == 0 ? 0.3 : 1.0, one.get(i).radius());
            long alone = new LpEngine().count(Query.of(NET, Ball.of(task.point().coordinates(), task.radius(), Norm.LINF))).regions();
            assertEquals(alone, one.get(i).regions(), "task " + i);
            assertEquals(alone, three.get(i).regions(), "task " + i + ", three threads");
            assertTrue(one.get(i).complete());
            assertEquals(task.point().label(), one.get(i).label());
        }
    }

    @Test
    void interruptStopsTheRunningCountAndStartsNoOther() {
        List<LocalCounter.Task> tasks = LocalCounter.tasks(points(4), List.of(1.0), Norm.L2, null);
        AtomicReference<LocalCounter> self = new AtomicReference<>();
        ExactCounter interruptingFirst = (query, monitor, listener) -> {
            self.get().interrupt(); // as Ctrl-C would, while this count runs
            return new LpEngine().count(query, monitor, listener);
        };
        LocalCounter counter = new LocalCounter(() -> interruptingFirst,
                new LocalCounter.Options(1, 0, Tolerances.defaults()));
        self.set(counter);
        List<LocalCount> rows = counter.count(NET, tasks);
        assertEquals(1, rows.size());
        assertFalse(rows.get(0).complete());
        assertEquals(StopReason.INTERRUPTED.label(), rows.get(0).stopReason());
        assertTrue(counter.isInterrupted());
    }

    @Test
    void summaryGivesMeanMedianMinMaxAndMarksLowerBounds() {
        List<LocalCount> rows = List.of(row(0, 1, 5, true), row(1, 1, 1, true), row(2, 1, 10, false), row(3, 1, 2, true),
                row(0, 2, 7, true));
        LocalSummary one = LocalSummary.of(1, rows);
        assertEquals(4, one.points());
        assertEquals(4.5, one.mean());
        assertEquals(3.5, one.median()); // (2 + 5) / 2
        assertEquals(1, one.min());
        assertEquals(10, one.max());
        assertEquals(1, one.incomplete());
        assertTrue(one.lowerBounds());
        LocalSummary two = LocalSummary.of(2, rows);
        assertEquals(7.0, two.median());
        assertFalse(two.lowerBounds());
        assertEquals(0, LocalSummary.of(3, rows).points());
    }

    private static LocalCount row(int point, double radius, long regions, boolean complete) {
        return new LocalCount(point, null, radius, regions, complete ? Outcome.EXACT : Outcome.TIME_LIMIT, 0, 0, 0, 0);
    }
}
