package org.bregman.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bregman.potential.api.ResolvedExperiment;

/**
 * What decides an experiment's runs, as one SHA-256: every resolved setting (data, model, loss, mirrors with their
 * potentials' ψ and parameter values, init, seeds, lr, batch, until, reports, safeguard, optimizers). Checkpoints and
 * shards carry it, so that a run is only resumed, and shards are only merged, with the experiment they were run
 * from; comments, layout and other experiments of the file do not change it.
 */
public final class ExperimentFingerprint {

    private ExperimentFingerprint() {
    }

    public static String of(ResolvedExperiment x) {
        StringBuilder b = new StringBuilder("bregman-experiment-1\n");
        b.append(x.name()).append('\n').append(x.data()).append('\n').append(x.model()).append('\n').append(x.loss()).append('\n');
        for (ResolvedExperiment.Mirror m : x.mirrors()) {
            b.append("mirror ").append(m.label()).append(' ').append(m.values()).append(" lr ").append(m.lr()).append(' ').append(m.spec()).append('\n');
        }
        b.append(x.init()).append('\n').append(x.seeds()).append('\n').append(x.lr()).append(' ').append(x.batch()).append('\n');
        b.append(x.until()).append('\n').append(x.report()).append('\n').append(x.safeguarded()).append(' ').append(x.optimizers());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
