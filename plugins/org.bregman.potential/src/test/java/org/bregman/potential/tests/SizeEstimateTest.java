package org.bregman.potential.tests;

import static org.bregman.potential.tests.Texts.*;

import java.util.List;

import org.bregman.potential.experiment.Vocabulary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model and a data source bring their own size estimates in their vocabulary entries: the language's limits check
 * one that a test registers, without an edit of {@code ExperimentLimits}.
 */
class SizeEstimateTest {

    @BeforeEach
    void register() {
        Vocabulary.DATA.register(new Vocabulary.Entry("tall", List.of(), false, true, "3,000,000,000 rows of 4 features")
                .sized(v -> new Vocabulary.DataSize(3e9, 4, 2)));
        Vocabulary.MODELS.register(new Vocabulary.Entry("huge", List.of(), false, true, "d · 1e9 weights")
                .counts((v, widths, d, outputs) -> d * 1e9));
    }

    @AfterEach
    void unregister() {
        Vocabulary.DATA.unregister("tall");
        Vocabulary.MODELS.unregister("huge");
    }

    static String experiment(String data, String model) {
        return "potential Q {\n    psi(w) = w^2 / 2\n}\nexperiment X {\n    data    " + data + "\n    model   " + model
                + "\n    loss    squared\n    mirrors Q\n    lr      0.1\n    until   epochs >= 10\n}\n";
    }

    @Test
    void aNewModelsParameterCountIsChecked() {
        assertErrorAt(experiment("regression(n = 5, d = 8)", "huge"), 6, "huge", "the model has about 8,000,000,000 parameters; at most 2,147,483,647 fit in one array");
        assertClean(experiment("regression(n = 5, d = 8)", "linear"));
    }

    @Test
    void aNewDataSourcesSizeIsChecked() {
        assertErrorAt(experiment("tall", "linear"), 5, "tall", "tall(n = 3,000,000,000, d = 4) has n·d = 12,000,000,000 values; at most 2,147,483,647 fit");
    }
}
