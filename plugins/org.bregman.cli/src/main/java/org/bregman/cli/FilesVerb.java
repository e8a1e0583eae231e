package org.bregman.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Parameters;

/** A verb over FILE…, the .potential files it reads (check, derive, format). */
abstract class FilesVerb extends Verb {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".potential files")
    List<Path> files;
}
