package course.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.optim.Convergence;
import course.optim.GradientDescent;
import course.optim.Momentum;
import course.problems.Problem;
import course.problems.Quadratic;
import course.problems.Saddle;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArenaTest {
    private static final List<Arena.Contestant> TWO = List.of(
            new Arena.Contestant("GD", r -> GradientDescent.keras().learningRate(r)),
            new Arena.Contestant("momentum", r -> Momentum.keras().learningRate(r).momentum(0.9)));
    private static final Problem[] PROBLEMS = {Quadratic.illConditioned(), new Saddle()};
    private static final double[] RATES = {0.01, 0.1, 0.3, 1};
    private static final long[] STARTS = {0, 1};

    private static Arena arena() {
        return Arena.run(TWO, PROBLEMS, new String[]{"bowl", "saddle"}, new double[]{1e-4, -1}, RATES, STARTS, 2000, 0.1);
    }

    @Test
    void sharesAndAllRoundRatesFollowTheirDefinitions() {
        Arena arena = arena();
        assertEquals(2 * 2 * 4 * 2, arena.runCount());
        assertTrue(arena.seconds() > 0);
        for (int c = 0; c < 2; c++) {
            int reached = 0, bestReached = -1;
            double bestRate = 0, bestTotal = Double.POSITIVE_INFINITY;
            for (double r : RATES) {
                int here = 0;
                double total = 0;
                for (int q = 0; q < 2; q++) {
                    LearningRateGrid g = arena.grid(q, c);
                    here += g.reachedCount(r);
                    total += g.reachedCount(r) == 2 ? g.medianSteps(r) : 2000;
                }
                reached += here;
                if (here > bestReached || (here == bestReached && total < bestTotal)) {
                    bestReached = here;
                    bestTotal = total;
                    bestRate = r;
                }
            }
            assertEquals(reached / 16.0, arena.share(c), 1e-15);
            assertEquals(bestRate, arena.allRoundRate(c), 0.0);
            assertEquals(bestReached, arena.allRoundReached(c));
        }
        // GD: 1 diverges on the bowl (η > 2/λmax = 0.5), and 1 is too much for the saddle's x (|1 − 2η| = 1)
        assertEquals(0, arena.grid(0, 0).reachedCount(1));
        assertEquals(2, arena.grid(0, 0).reachedCount(0.3));
        assertEquals(arena.grid(1, 1), arena.grids()[1][1]);
    }

    @Test
    void thePodiumPlacesTheRunsAtTheAllRoundRatesByTheirSteps() {
        Arena arena = arena();
        for (int q = 0; q < 2; q++) {
            List<String> order = arena.order(q);
            for (int i = 1; i < order.size(); i++) {
                assertTrue(arena.atAllRound(arena.index(order.get(i - 1)), q).stepsToTarget()
                        <= arena.atAllRound(arena.index(order.get(i)), q).stepsToTarget());
            }
            Convergence gd = Convergence.measure(GradientDescent.keras().learningRate(arena.allRoundRate(0)), PROBLEMS[q],
                    PROBLEMS[q].startPoint(), q == 0 ? 1e-4 : -1, 2000);
            assertEquals(gd.stepsToTarget(), arena.atAllRound(0, q).stepsToTarget(), "from the usual start");
            assertEquals(2, arena.podium(q).rowCount());
            assertEquals(order.isEmpty() ? "–" : "1", arena.podium(q).get(0, 0));
        }
        assertEquals(2, arena.bestRatesTable().rowCount());
        assertEquals(4, arena.bestRatesTable().headers().size());
        assertEquals(2, arena.allRoundTable().rowCount());
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Arena.indexOf(TWO, "Adam")).getMessage()
                .contains("[GD, momentum]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Arena.run(TWO, PROBLEMS, new String[]{"bowl"},
                new double[]{1e-4, -1}, RATES, STARTS, 10, 0.1)).getMessage().contains("one name and one target per problem"));
        assertThrows(IllegalArgumentException.class, () -> Arena.run(List.of(), PROBLEMS, new String[]{"a", "b"},
                new double[]{1e-4, -1}, RATES, STARTS, 10, 0.1));
        Arena arena = Arena.run(TWO, PROBLEMS, new String[]{"bowl", "saddle"}, new double[]{1e-4, -1}, new double[]{0.1}, new long[]{0}, 10, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> arena.grid(2, 0)).getMessage().contains("outside 0..1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> arena.share(5)).getMessage().contains("index(name)"));
        assertEquals("3e-04", Arena.rateText(3e-4));
        assertEquals("0.03", Arena.rateText(0.03));
    }
}
