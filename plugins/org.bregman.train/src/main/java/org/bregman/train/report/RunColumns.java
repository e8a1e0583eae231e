package org.bregman.train.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first columns of a per-run row — mirror, seed, status — in each of the forms a section writes a row in: its table in
 * {@code summary.md}, its CSV file and its entry under {@code tables} in {@code results.json}. The section appends its own
 * columns after them.
 */
final class RunColumns {
    private RunColumns() {
    }

    /** {@code | mirror | seed | status | } */
    static StringBuilder markdown(StringBuilder md, String mirror, long seed, String status) {
        return md.append("| ").append(mirror).append(" | ").append(seed).append(" | ").append(status).append(" | ");
    }

    /** {@code mirror,seed,status,} with the mirror quoted as CSV needs. */
    static StringBuilder csv(StringBuilder csv, String mirror, long seed, String status) {
        return csv.append(Table.Csv.cell(mirror)).append(',').append(seed).append(',').append(status).append(',');
    }

    /** {@code {"mirror": …, "seed": …, "status": …}}, in that order, for the section's own keys to follow. */
    static Map<String, Object> json(String mirror, long seed, String status) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("mirror", mirror);
        o.put("seed", seed);
        o.put("status", status);
        return o;
    }
}
