package org.bregman.train.report;

import java.io.IOException;

/**
 * The writer of one report item: its section of {@code summary.md}, its entry under {@code tables} in
 * {@code results.json} and its own files (CSV, PNG), all through the {@link ReportContext}. The writer of the item
 * {@code name} is the class {@code <Name>Section} of this package, with a constructor without arguments, found by
 * {@link ReportSections}; the item's description, place in the summary and where it applies are the language's
 * ({@link org.bregman.potential.experiment.Vocabulary#REPORTS}).
 */
@FunctionalInterface
public interface ReportSection {

    void write(ReportContext c) throws IOException;
}
