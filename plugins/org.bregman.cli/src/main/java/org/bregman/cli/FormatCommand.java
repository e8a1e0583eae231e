package org.bregman.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.bregman.codegen.AtomicFiles;
import org.bregman.potential.api.PotentialWorkspace;
import org.bregman.potential.ide.formatting.PotentialFormatter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "format",
        description = "Format .potential files in place (comments kept, the parse never changes); "
                + "--check only lists the files that would change and exits 1 if there are any.")
final class FormatCommand extends FilesVerb {

    @Option(names = "--check", description = "change nothing; list the files that are not formatted, exit 1 if any")
    boolean check;

    @Override
    public Integer call() {
        PotentialFormatter formatter = PotentialWorkspace.injector().getInstance(PotentialFormatter.class);
        int changed = 0;
        for (Path f : files) {
            String text = read(f);
            String formatted = formatter.format(text);
            if (formatted.equals(text)) continue;
            changed++;
            if (check) out().println(Loader.display(f));
            else write(f, formatted);
        }
        out().flush();
        err().printf("bregman: %d of %d file%s %s%n", changed, files.size(),
                files.size() == 1 ? "" : "s", check ? "would be reformatted" : "reformatted");
        return check && changed > 0 ? Main.INPUT_ERROR : 0;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Main.UserError(Loader.display(f) + ": no such file");
        } catch (IOException e) {
            throw new Main.UserError(Loader.display(f) + ": cannot read: " + e.getMessage());
        }
    }

    /** Writes through a temporary file in the same folder and an atomic move, keeping the file's permissions. */
    private static void write(Path f, String text) {
        try {
            AtomicFiles.rewrite(f, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Main.UserError(Loader.display(f) + ": cannot write: " + AtomicFiles.describe(e));
        }
    }
}
