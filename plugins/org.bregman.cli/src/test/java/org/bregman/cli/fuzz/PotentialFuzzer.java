package org.bregman.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bregman.potential.testing.TestSources;

/**
 * Inputs for fuzzing the {@code bregman} command line (issue 15): grammar-aware random potentials and
 * experiments, and mutations of the example files ({@code examples/**}{@code /*.potential}): characters and
 * tokens deleted, inserted, duplicated or swapped, numbers replaced by extreme ones, hostile characters
 * (control characters, bidi marks, CR) inserted. Deterministic for a seed. {@link #problems} states the
 * criteria an output must meet; {@link FuzzMain} runs it against the real command, {@code CliFuzzTest} in-process.
 */
public final class PotentialFuzzer {

    static final String[] FUNCS = {"log", "exp", "sqrt", "abs", "sign", "asinh", "atanh", "log1p", "expm1", "cosh", "sinh", "tanh",
            "acosh", "min", "max", "pow", "sum", "frob"};
    static final String[] NUMBERS = {"0", "1", "2", "3", "0.5", "1e-3", "1e308", "1.7976931348623157e308", "1e400", "4294967297",
            "1e-320", "-1", "1e30", "2147483648", "1000000000", "00", "1.0e+2"};
    static final String[] HOSTILE = {"\u001b[31m", "\r", "\r\n", "\u200f", "\u202e", "\u0000", "\t", "\uFEFF", "\u2212", "²", "#",
            "\\n", "\"", "'"};
    static final String[] TOKENS = {"potential", "experiment", "psi", "grad", "inverse", "domain", "where", "(", ")", "{", "}", "=",
            ",", ";", "|", "^", "-", "+", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "w", "q", "z", "pi", "e",
            "import", "package", "data", "model", "loss", "mirrors", "init", "lr", "batch", "until", "report", "seeds", "..", "per",
            "mirror", ":", "for", "layers", "otherwise", "epochs", "steps", "\"x.csv\"", "/**", "*/", "//", "\n"};

    /** An error line of {@code check}: {@code FILE:LINE:COL: (error|warning): MESSAGE}. */
    public static final Pattern LINE = Pattern.compile("^\\S.*:\\d+:\\d+: (error|warning): .*$");

    private final SplittableRandom rnd;
    private final List<String> examples;

    public PotentialFuzzer(long seed, Path repository) throws IOException {
        this.rnd = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>();
        Path ex = repository.resolve("examples");
        if (Files.isDirectory(ex)) {
            try (Stream<Path> s = Files.walk(ex)) {
                for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".potential")).sorted()::iterator) {
                    texts.add(Files.readString(p));
                }
            }
        }
        this.examples = texts;
    }

    /** The next input: one in three generated from the grammar, the others mutated examples. */
    public String next() {
        if (examples.isEmpty() || rnd.nextInt(3) == 0) return generate();
        return mutate(examples.get(rnd.nextInt(examples.size())));
    }

    // ------------------------------------------------------------ grammar-aware generation

    public String generate() {
        StringBuilder b = new StringBuilder();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) b.append(potential("P" + i)).append('\n');
        if (rnd.nextInt(3) == 0) b.append(experiment(n));
        return rnd.nextInt(5) == 0 ? mutate(b.toString()) : b.toString();
    }

    String potential(String name) {
        StringBuilder b = new StringBuilder();
        if (rnd.nextBoolean()) b.append("/** doc ").append(pick(HOSTILE)).append(" */\n");
        b.append("potential ").append(name);
        boolean param = rnd.nextBoolean();
        if (param) b.append("(q = ").append(pick(NUMBERS)).append(rnd.nextBoolean() ? " where q > 1" : "").append(")");
        b.append(" {\n");
        if (rnd.nextInt(3) == 0) b.append("    domain ").append(condition(param)).append('\n');
        b.append("    psi(w) = ").append(expr(param, 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 70 : 6))).append('\n');
        if (rnd.nextInt(5) == 0) b.append("    grad(w) = ").append(expr(param, 3)).append('\n');
        if (rnd.nextInt(6) == 0) b.append("    inverse(z) = ").append(expr(param, 3).replace('w', 'z')).append('\n');
        return b.append("}\n").toString();
    }

    String condition(boolean param) {
        String[] ops = {"<", "<=", ">", ">=", "!=", "=="};
        String c = expr(param, 2) + " " + pick(ops) + " " + expr(param, 1);
        return rnd.nextInt(4) == 0 ? c + " and w < " + pick(NUMBERS) : c;
    }

    String expr(boolean param, int depth) {
        if (depth <= 0 || rnd.nextInt(4) == 0) {
            return switch (rnd.nextInt(5)) {
                case 0 -> pick(NUMBERS);
                case 1 -> param ? "q" : "w";
                case 2 -> rnd.nextBoolean() ? "pi" : "e";
                default -> "w";
            };
        }
        return switch (rnd.nextInt(8)) {
            case 0 -> expr(param, depth - 1) + " + " + expr(param, rnd.nextInt(3));
            case 1 -> expr(param, depth - 1) + " * " + expr(param, rnd.nextInt(3));
            case 2 -> expr(param, depth - 1) + " / " + expr(param, rnd.nextInt(3));
            case 3 -> expr(param, depth - 1) + "^" + expr(param, rnd.nextInt(2));
            case 4 -> "(" + expr(param, depth - 1) + ")";
            case 5 -> "|" + expr(param, depth - 1) + "|";
            case 6 -> "-" + expr(param, depth - 1);
            default -> pick(FUNCS) + "(" + expr(param, depth - 1) + (rnd.nextInt(5) == 0 ? ", " + expr(param, 0) : "") + ")";
        };
    }

    String experiment(int potentials) {
        String[] data = {"regression(n = N, d = N, seed = N)", "teacher(n = N, d = N)", "csv(\"S\")", "fashionMnist(limit = N)",
                "idx(\"S\", \"S\")", "regression"};
        String[] models = {"linear", "logistic", "mlp(N, N)", "diagonal(depth = N)", "cnn", "resnet18", "mlp(N)"};
        String[] inits = {"normal(std = N)", "uniform(a = N, b = N)", "normal(mean = N)"};
        String[] until = {"epochs >= N", "loss < N or steps >= N", "trainAccuracy > N", "loss != N", "(epochs > N) and loss < N"};
        StringBuilder b = new StringBuilder("experiment X {\n");
        b.append("    data ").append(fill(pick(data))).append('\n');
        b.append("    model ").append(fill(pick(models))).append('\n');
        b.append("    loss ").append(rnd.nextBoolean() ? "squared" : "crossEntropy").append('\n');
        b.append("    mirrors P0").append(potentials > 1 ? ", P1" : "").append('\n');
        if (rnd.nextBoolean()) {
            b.append("    init ").append(fill(pick(inits))).append(" seeds ").append(fill(rnd.nextBoolean() ? "N .. N" : "N, N")).append('\n');
        }
        b.append("    lr ").append(pick(NUMBERS)).append('\n');
        if (rnd.nextBoolean()) b.append("    batch ").append(pick(NUMBERS)).append('\n');
        b.append("    until ").append(fill(pick(until))).append('\n');
        return b.append("}\n").toString();
    }

    String fill(String template) {
        StringBuilder b = new StringBuilder();
        for (char c : template.toCharArray()) {
            if (c == 'N') b.append(pick(NUMBERS));
            else if (c == 'S') b.append(rnd.nextBoolean() ? "data.csv" : pick(HOSTILE).replace("\"", ""));
            else b.append(c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------ mutation

    public String mutate(String s) {
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n && !s.isEmpty(); k++) {
            int pos = rnd.nextInt(s.length());
            s = switch (rnd.nextInt(8)) {
                case 0 -> s.substring(0, pos) + s.substring(pos + 1);
                case 1 -> s.substring(0, pos) + pick(HOSTILE) + s.substring(pos);
                case 2 -> s.substring(0, pos) + s.charAt(pos) + s.substring(pos);
                case 3 -> s.substring(0, pos) + " " + pick(TOKENS) + " " + s.substring(pos);
                case 4 -> s.replaceFirst("\\b\\d+(\\.\\d+)?\\b", pick(NUMBERS));
                case 5 -> s.replace("\n", "\r\n");
                default -> TestSources.tokenEdit(s, rnd);
            };
        }
        return s;
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    // ------------------------------------------------------------ criteria

    /**
     * What is wrong with one call's result ({@code check} of files): exit status 0 or 1 only, no exception
     * text, no internal error, every line of stdout a located diagnostic. Empty when all is well.
     */
    public static List<String> problems(int status, String out, String err) {
        List<String> p = new ArrayList<>();
        if (status != 0 && status != 1) p.add("exit status " + status);
        String all = out + "\n" + err;
        for (String bad : new String[] {"Exception", "internal error", "at org.", "\tat ", "OutOfMemoryError", "StackOverflowError"}) {
            if (all.contains(bad)) p.add("output contains '" + bad.strip() + "'");
        }
        for (String line : out.split("\n")) {
            if (!line.isEmpty() && !LINE.matcher(line).matches()) p.add("not a located diagnostic: " + line);
        }
        return p;
    }
}
