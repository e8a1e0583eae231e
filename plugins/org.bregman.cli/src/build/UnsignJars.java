import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC) from the jars of a folder, in place: the CLI's
 * copies of its libraries (target/lib), run by the build as a single-file program. A signed jar costs the JVM a
 * signature check when it opens it and keeps its classes out of a class-data-sharing (AOT) cache; the CLI is no
 * OSGi install and never asks who signed a class. The Eclipse bundles and the local Maven repository keep theirs.
 */
public final class UnsignJars {

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) unsign(jar);
        }
    }

    private static void unsign(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path metaInf = zip.getPath("/META-INF");
            if (!Files.isDirectory(metaInf)) return;
            List<Path> signatures;
            try (Stream<Path> entries = Files.list(metaInf)) {
                signatures = entries.filter(e -> SIGNATURE.matcher(e.toString().substring(1)).matches()).toList();
            }
            for (Path s : signatures) Files.delete(s); // the jar is rewritten on close only when something changed
        }
    }
}
