package org.bregman.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bregman.potential.experiment.Vocabulary;
import org.bregman.runtime.rules.UpdateRules;
import org.bregman.train.model.Loss;
import org.bregman.train.report.ReportSection;
import org.bregman.train.report.ReportSections;
import org.junit.jupiter.api.Test;
import org.bregman.potential.api.Until;

/**
 * The language describes each name once ({@link Vocabulary}); the trainer must have a factory or writer for every
 * described name, and nothing the language does not describe. Forgetting one fails the build here, not a run.
 */
class TrainingRegistryTest {

    private static List<String> supported(org.bregman.potential.experiment.Registry<Vocabulary.Entry> r) {
        List<String> out = new ArrayList<>();
        for (Vocabulary.Entry e : r.values()) if (e.supported()) out.add(e.name());
        return out;
    }

    @Test
    void everyDescribedDataSourceModelAndInitialisationHasAFactory() {
        assertEquals(supported(Vocabulary.DATA), TrainingRegistry.DATA.names());
        assertEquals(supported(Vocabulary.MODELS), TrainingRegistry.MODELS.names());
        assertEquals(supported(Vocabulary.INITS), TrainingRegistry.INITS.names());
    }

    @Test
    void everyDescribedReportItemHasAWriter() {
        assertEquals(Vocabulary.REPORTS.keySet(), ReportSections.names());
        for (String item : Vocabulary.REPORTS.keySet()) assertEquals(ReportSections.className(item), ReportSections.get(item).getClass().getName());
    }

    /** The other direction of the naming convention: a writer class ({@code <Name>Section}) whose item the language does not describe is never written. */
    @Test
    void everyWriterClassHasADescribedItem() throws Exception {
        Path folder = Path.of(ReportSection.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(ReportSection.class.getPackageName().replace('.', '/'));
        List<String> writers = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith("Section.class") || file.contains("$")) continue;
                Class<?> c = Class.forName(ReportSection.class.getPackageName() + "." + file.substring(0, file.length() - ".class".length()));
                if (c.isInterface() || !ReportSection.class.isAssignableFrom(c)) continue;
                String simple = c.getSimpleName();
                writers.add(Character.toLowerCase(simple.charAt(0)) + simple.substring(1, simple.length() - "Section".length()));
            }
        }
        assertEquals(Vocabulary.REPORTS.keySet().stream().sorted().toList(), writers.stream().sorted().toList());
    }

    @Test
    void aTestRegistersAWriterOfItsOwnAfterTheDescribedItems() {
        ReportSection own = c -> c.md.append("## own\n\n");
        ReportSections.register("testOnlyItem", own);
        try {
            assertEquals("testOnlyItem", ReportSections.names().get(ReportSections.names().size() - 1));
            assertSame(own, ReportSections.get("testOnlyItem"));
            assertThrows(IllegalStateException.class, () -> ReportSections.register("kkt", own)); // a described item has its class
        } finally {
            ReportSections.unregister("testOnlyItem");
        }
        assertThrows(IllegalArgumentException.class, () -> ReportSections.get("testOnlyItem"));
    }

    @Test
    void everyDescribedLossMetricAndUpdateRuleIsKnownToTheTrainer() {
        assertEquals(Vocabulary.LOSSES.keySet(), java.util.Arrays.stream(Loss.values()).map(l -> l.keyword()).toList());
        assertEquals(Vocabulary.METRICS, java.util.Arrays.stream(Until.Metric.values()).map(m -> m.keyword()).toList());
        for (String rule : Vocabulary.OPTIMIZERS.keySet()) assertTrue(UpdateRules.get(rule) != null, rule);
    }

    @Test
    void placeholdersAreDescribedButNotTrained() {
        // a name reserved for a later version (Vocabulary.Entry.placeholder) has no factory; resnet18 and vgg16 were such names
        for (Vocabulary.Entry e : Vocabulary.MODELS.values()) {
            assertTrue(e.supported() == TrainingRegistry.MODELS.names().contains(e.name()), e.name());
        }
        for (String name : List.of("resnet18", "vgg16")) assertTrue(Vocabulary.MODELS.get(name).supported(), name);
    }
}
