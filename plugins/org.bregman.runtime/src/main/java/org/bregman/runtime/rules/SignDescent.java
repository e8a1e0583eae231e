package org.bregman.runtime.rules;

/** Sign descent, w ← w − η sign(g) (sign 0 = 0). */
public final class SignDescent extends BaseRule {

    public SignDescent() {
        super("SignDescent", "sign descent: every coordinate moves by the rate",
                "w ← w − η sign(g) (seed 001, the ε → 0 limit of smoothed sign descent)", (g, n, d) -> {
                    for (int j = 0; j < n; j++) d[j] = Math.signum(g[j]);
                });
    }
}
