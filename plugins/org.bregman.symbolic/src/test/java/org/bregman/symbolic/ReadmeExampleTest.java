package org.bregman.symbolic;

import static org.bregman.symbolic.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The usage example of the README, as written there. */
class ReadmeExampleTest {
    @Test
    void example() {
        Expr w = var("w"), q = var("q");
        var spec = PotentialSpec.of("QNorm",
                List.of(new PotentialSpec.Parameter("q", 3, new Condition.Compare(q, Condition.Op.GT, num(1)))),
                "w", div(pow(abs(w), q), q));
        Derivation d = Derivation.derive(spec);
        assertEquals("sign(w) * |w|^(q - 1)", Printer.print(d.grad()));
        assertEquals("sign(z) * |z|^(1 / (q - 1))", Printer.print(d.inverse().expr()));
        assertEquals(Derivation.InverseKind.CLOSED_FORM, d.inverse().kind());
        Derivation q3 = d.bind(Map.of("q", 3.0));
        assertEquals("w * |w|", Printer.print(q3.grad()));
        assertEquals(0.7, q3.inverse(q3.grad(0.7)), 1e-16);
        assertEquals(List.of(), d.check());
    }
}
