package org.bregman.train.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The {@code kkt} item ({@link KktReport}): its summary section with the trend's headline, {@code kkt.csv} and its {@code tables} entry. */
final class KktSection implements ReportSection {

    @Override
    public void write(ReportContext c) throws IOException {
        KktReport kkt = KktReport.of(c.result);
        c.md.append(kkt.markdown());
        if (kkt.verdict() != null) c.md.append(c.headline(kkt.verdict())).append("\n\n");
        if (kkt.csv() != null) c.put("kkt.csv", kkt.csv().getBytes(StandardCharsets.UTF_8));
        c.tables.put("kkt", kkt.json());
    }
}
