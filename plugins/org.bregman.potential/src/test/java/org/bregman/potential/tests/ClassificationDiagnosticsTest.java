package org.bregman.potential.tests;

import static org.bregman.potential.testing.TestSources.QNORM;
import static org.bregman.potential.tests.Texts.*;

import org.junit.jupiter.api.Test;

/** The settings of issue 11 (mlp without biases, factorisation, matrix data, until margin): accepted when right, located when wrong. */
class ClassificationDiagnosticsTest {

    private static String experiment(String data, String model, String loss, String until) {
        return QNORM + "experiment X {\n data " + data + "\n model " + model + "\n loss " + loss + "\n mirrors QNorm\n lr 0.1\n until " + until + "\n}\n";
    }

    @Test
    void theNewSettingsAreAccepted() {
        assertClean(experiment("separable(n = 20)", "mlp(8, 8, bias = false, activation = linear)", "exponential", "margin >= 0.1 or epochs >= 10"));
        assertClean(experiment("separable(n = 20)", "mlp(8, bias = true, activation = relu)", "logistic", "steps >= 10"));
        assertClean(experiment("matrixSensing(n = 30, d = 5, rank = 2, test = 10)", "factorization(rank = 5)", "squared", "loss < 1e-6 or epochs >= 10"));
        assertClean(experiment("matrixCompletion(d = 5, rank = 1, observed = 12)", "factorization(rank = 5)", "squared", "epochs >= 10"));
    }

    @Test
    void wrongWordsRanksAndSizesAreLocated() {
        assertErrorAt(experiment("separable", "mlp(8, bias = no)", "logistic", "epochs >= 1"), 6, "no", "bias must be one of true, false, not 'no'");
        assertErrorAt(experiment("separable", "mlp(8, activation = tanh)", "logistic", "epochs >= 1"), 6, "tanh", "activation must be one of relu, linear, not 'tanh'");
        assertErrorAt(experiment("matrixSensing", "factorization(rank = 0)", "squared", "epochs >= 1"), 6, "0", "rank must be >= 1, not 0");
        assertErrorAt(experiment("matrixSensing", "factorization", "squared", "epochs >= 1"), 6, "factorization", "factorization needs the argument 'rank'");
        assertErrorAt(experiment("matrixSensing(d = 4, rank = 5)", "factorization(rank = 4)", "squared", "epochs >= 1"), 5, "matrixSensing", "rank = 5 must be at most d = 4");
        assertErrorAt(experiment("matrixCompletion(d = 4, observed = 16)", "factorization(rank = 4)", "squared", "epochs >= 1"), 5, "matrixCompletion", "observed = 16 must be below d² = 16");
        assertErrorAt(experiment("separable(n = many)", "linear", "logistic", "epochs >= 1"), 5, "many", "n must be a number, not 'many'");
        assertErrorAt(experiment("separable", "cnn(8, bias = false)", "logistic", "epochs >= 1"), 6, "bias", "cnn has no argument 'bias'");
    }
}
