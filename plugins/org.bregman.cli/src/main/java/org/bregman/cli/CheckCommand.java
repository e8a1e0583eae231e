package org.bregman.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bregman.potential.api.Diagnostic;
import org.bregman.train.report.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check",
        description = "Check .potential files; diagnostics as FILE:LINE:COL: error|warning: MESSAGE.")
final class CheckCommand extends FilesVerb {

    @Option(names = "--json", description = "the diagnostics as a JSON array of {file, line, column, severity, code, message}")
    boolean json;

    @Override
    public Integer call() {
        Loader.Loaded loaded = Loader.load(files);
        if (json) {
            out().print(Json.write(loaded.displayedDiagnostics().stream().map(CheckCommand::object).toList()));
            out().flush();
        } else {
            loaded.printDiagnostics(out());
        }
        long errors = loaded.errorCount();
        long warnings = loaded.diagnostics().size() - errors;
        err().printf("bregman: checked %d file%s: %d error%s, %d warning%s%n",
                files.size(), files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s");
        return errors > 0 ? Main.INPUT_ERROR : 0;
    }

    /** One diagnostic as a JSON object (spec section 4: a stable contract). */
    static Map<String, Object> object(Diagnostic d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", d.file() == null ? null : d.file().toString());
        o.put("line", d.line());
        o.put("column", d.column());
        o.put("severity", d.severity().label());
        o.put("code", d.code());
        o.put("message", d.message());
        return o;
    }
}
