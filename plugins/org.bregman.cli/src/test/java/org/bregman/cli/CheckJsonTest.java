package org.bregman.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

/** {@code bregman check --json}: the text form's diagnostics as JSON objects, with the same exit statuses. */
class CheckJsonTest extends CliFixture {

    static final String MIXED = """
            potential QNorm(q = 3 where q > 1) {
                psi(w) = |w|^q / q
            }
            potential Broken {
                psi(w) = w *
            }
            potential Log {
                psi(w) = w * log(w)
            }
            potential NE {
                domain w > 0
                psi(w) = w * log(w) - w
            }
            experiment X {
                data    regression(n = 4, d = 8)
                model   linear
                loss    squared
                mirrors QNorm, NE, Missing
                init    zeros seeds 1, 1
                lr      -1
                until   epochs >= 3
                report  exat
            }
            """;

    static final String WARNING_ONLY = """
            potential QNorm(q = 3 where q > 1) {
                psi(w) = |w|^q / q
            }
            experiment X {
                data    regression(n = 4, d = 8)
                model   linear
                loss    squared
                mirrors QNorm
                init    normal(std = 0.1) seeds 1, 1
                lr      0.1
                until   epochs >= 3
            }
            """;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String json) {
        return new Gson().fromJson(json, List.class);
    }

    /** The text form's lines, parsed back into the JSON form's fields (code excepted: the text has none). */
    private static List<String> textRows(String out) {
        Pattern p = Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning): (.*)$", Pattern.MULTILINE);
        Matcher m = p.matcher(out);
        List<String> rows = new ArrayList<>();
        while (m.find()) rows.add(String.join("|", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
        return rows;
    }

    private static String row(Map<String, Object> o) {
        return String.join("|", (String) o.get("file"), String.valueOf(((Double) o.get("line")).intValue()),
                String.valueOf(((Double) o.get("column")).intValue()), (String) o.get("severity"), (String) o.get("message"));
    }

    @Test
    void jsonHasTheSameDiagnosticsAsTheTextFormWithCodes() throws IOException {
        Path a = file("mixed.potential", MIXED);
        Path b = file("warn.potential", WARNING_ONLY);
        CliFixture.Result text = CliFixture.run("check", a.toString(), b.toString());
        CliFixture.Result json = CliFixture.run("check", "--json", a.toString(), b.toString());
        assertEquals(Main.INPUT_ERROR, text.status());
        assertEquals(text.status(), json.status());
        assertEquals(text.err(), json.err()); // the summary line on stderr
        List<Map<String, Object>> objects = parse(json.out());
        List<String> rows = textRows(text.out());
        assertEquals(text.out().lines().count(), rows.size(), text.out());
        assertEquals(rows, objects.stream().map(CheckJsonTest::row).toList());
        for (Map<String, Object> o : objects) {
            assertEquals(List.of("file", "line", "column", "severity", "code", "message"), List.copyOf(o.keySet()));
            assertTrue(o.get("code") instanceof String c && c.matches("[a-z][A-Za-z]+") && !c.equals("unspecified"), o.toString());
        }
        // one of each kind, with its stable code
        Set<String> codes = Set.copyOf(objects.stream().map(o -> (String) o.get("code")).toList());
        for (String c : List.of("syntax", "symbolic", "unresolvedReference", "initOutsideDomain", "badValue", "duplicate")) {
            assertTrue(codes.contains(c), c + " not among " + codes + "\n" + json.out());
        }
        assertTrue(objects.stream().anyMatch(o -> "warning".equals(o.get("severity")) && ((String) o.get("file")).endsWith("warn.potential")),
                json.out());
    }

    @Test
    void jsonExitStatusesAreThoseOfTheTextForm() throws IOException {
        Path warn = file("warn.potential", WARNING_ONLY);
        CliFixture.Result r = CliFixture.run("check", "--json", warn.toString());
        assertEquals(0, r.status(), r.err()); // warnings only
        List<Map<String, Object>> objects = parse(r.out());
        assertEquals(1, objects.size(), r.out());
        assertEquals("duplicate", objects.get(0).get("code"));
        assertEquals(9.0, objects.get(0).get("line")); // seeds 1, 1

        Path ok = file("ok.potential", "potential Q {\n    psi(w) = w^2 / 2\n}\n");
        r = CliFixture.run("check", "--json", ok.toString());
        assertEquals(0, r.status());
        assertEquals("[]", r.out().strip());

        r = CliFixture.run("check", "--json", dir.resolve("nope.potential").toString());
        assertEquals(Main.INPUT_ERROR, r.status());
        assertEquals("fileNotFound", parse(r.out()).get(0).get("code"));

        r = CliFixture.run("check", "--json");
        assertEquals(Main.USAGE_ERROR, r.status());
        assertFalse(r.out().startsWith("["), r.out());
    }
}
