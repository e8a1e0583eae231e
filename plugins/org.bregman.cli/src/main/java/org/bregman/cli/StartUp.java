package org.bregman.cli;

import static org.bregman.symbolic.Exprs.abs;
import static org.bregman.symbolic.Exprs.div;
import static org.bregman.symbolic.Exprs.log;
import static org.bregman.symbolic.Exprs.mul;
import static org.bregman.symbolic.Exprs.num;
import static org.bregman.symbolic.Exprs.pow;
import static org.bregman.symbolic.Exprs.sub;
import static org.bregman.symbolic.Exprs.var;

import java.util.List;

import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.symbolic.Condition;
import org.bregman.symbolic.Derivation;
import org.bregman.symbolic.Expr;
import org.bregman.symbolic.PotentialSpec;
import org.bregman.symbolic.RealInterval;

/**
 * What a verb that reads .potential files can start before picocli has parsed its command line, on the machine's
 * other cores: the language's injector (Guice, EMF, the grammar: most of a cold start) and a first pass through the
 * symbolic engine (its classes initialised and its hot code compiled before the first file's checks need them).
 * Both are daemon threads that nothing waits for except the first load, which takes the injector (or builds it, and
 * reports a failure, as without them).
 */
final class StartUp {

    private StartUp() {
    }

    static void begin() {
        daemon("bregman-language", PotentialWorkspace::injector);
        daemon("bregman-warm-up", StartUp::deriveSamples);
    }

    /** Derives and checks a power and an entropy, as validation does; the results are not used. */
    private static void deriveSamples() {
        Expr w = var("w"), q = var("q");
        PotentialSpec power = PotentialSpec.of("Power", List.of(new PotentialSpec.Parameter("q", 3,
                new Condition.Compare(q, Condition.Op.GT, num(1)))), "w", div(pow(abs(w), q), q));
        PotentialSpec entropy = PotentialSpec.of("Entropy", List.of(), "w", sub(mul(w, log(w)), w))
                .withDomain(RealInterval.POSITIVE);
        Derivation.derive(power).check();
        Derivation.derive(entropy).check();
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the verb's own load meets the same problem and reports it
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
