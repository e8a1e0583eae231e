package org.bregman.train.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A report folder as written.
 *
 * @param files the files written (relative paths)
 * @param headlines what the report concluded, in summary.md's order and words: one-line verdicts, and the Bregman
 *     comparison (its tables and their verdicts) as one block of several lines
 */
public record WrittenReport(Path folder, List<String> files, List<String> headlines) {

    /** The folder's {@code summary.md}. */
    public Path summary() {
        return folder.resolve("summary.md");
    }
}
