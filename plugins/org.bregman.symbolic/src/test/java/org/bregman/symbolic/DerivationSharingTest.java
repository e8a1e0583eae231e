package org.bregman.symbolic;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A potential is derived once per run: equal potentials (compared structurally) with equal values share one derivation. */
class DerivationSharingTest {

    @Test
    void equalPotentialsWithEqualValuesShareOneDerivation() {
        // two translations of the same text are two equal specs, not one object
        PotentialSpec a = Examples.qnorm(), b = Examples.qnorm();
        assertNotSame(a, b);
        Derivation d = Derivation.derive(a, Map.of("q", 3.0));
        assertSame(d, Derivation.derive(b, Map.of("q", 3.0)));
        assertSame(d, Derivation.derive(b).bind(Map.of("q", 3.0)), "bind with the same values");
        assertSame(d, Derivation.derive(b, Map.of()), "the default filled in is the same value");
        assertSame(Derivation.derive(a), Derivation.derive(b));
    }

    @Test
    void otherValuesOrAnUnboundDerivationAreTheirOwn() {
        PotentialSpec a = Examples.qnorm();
        Derivation q3 = Derivation.derive(a, Map.of("q", 3.0));
        assertNotSame(q3, Derivation.derive(a, Map.of("q", 2.5)));
        assertNotSame(q3, Derivation.derive(a), "symbolic parameters, not q = 3 substituted");
        assertNotSame(q3, Derivation.derive(Examples.qnormExplicit(), Map.of("q", 3.0)), "another potential (its overrides)");
    }
}
