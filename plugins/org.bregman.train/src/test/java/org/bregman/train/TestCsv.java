package org.bregman.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report's CSV files read back without the writer's code: cells split at commas outside double quotes. */
final class TestCsv {
    private TestCsv() {
    }

    /** One CSV line split at commas outside double quotes (the quotes dropped). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else b.append(ch);
        }
        out.add(b.toString());
        return out;
    }

    /** The rows of a CSV file, header dropped, each split into its cells. */
    static List<List<String>> rows(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        List<List<String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) out.add(cells(line));
        return out;
    }
}
