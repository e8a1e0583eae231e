package org.bregman.cli.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bregman.cli.Main;

/**
 * The long fuzzing run ({@code benchmarks/fuzz/run-fuzz.sh N}): N inputs from {@link PotentialFuzzer}, written
 * in batches of files, each batch checked by one call of the real {@code bregman check} (a process, 30 s per
 * file of the batch at most); then {@code derive} and {@code eval} (in this JVM, 30 s each) on a sample of
 * the inputs that passed. Failing inputs are kept in {@code OUT/failures/}; prints the figures.
 *
 * <p>Arguments: {@code N [SEED] [OUT] [BREGMAN] [BATCH] [SAMPLE]}; BREGMAN is the command, words separated by spaces.
 */
public final class FuzzMain {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261126L;
        Path out = Path.of(args.length > 2 ? args[2] : "target/fuzz");
        String bregman = args.length > 3 ? args[3] : "./bregman";
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int sample = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        PotentialFuzzer fuzz = new PotentialFuzzer(seed, Path.of("."));
        Files.createDirectories(out.resolve("failures"));
        long t0 = System.nanoTime();
        int crashes = 0, hangs = 0, ooms = 0, passed = 0;
        List<Path> clean = new ArrayList<>();
        for (int start = 0; start < n; start += batch) {
            Path dir = Files.createDirectories(out.resolve("batch" + start));
            List<String> cmd = new ArrayList<>(List.of(bregman.split(" ")));
            cmd.add("check");
            List<Path> files = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + batch); i++) {
                Path f = dir.resolve("in" + i + ".potential");
                Files.writeString(f, fuzz.next(), StandardCharsets.UTF_8);
                files.add(f);
                cmd.add(f.toString());
            }
            Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr").toFile()).redirectOutput(dir.resolve("stdout").toFile())
                    .start();
            boolean done = p.waitFor(30L * files.size(), TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
                hangs++;
                keep(dir, out, "hang");
                continue;
            }
            String o = Files.readString(dir.resolve("stdout")), e = Files.readString(dir.resolve("stderr"));
            List<String> problems = PotentialFuzzer.problems(p.exitValue(), o, e);
            if (o.contains("OutOfMemoryError") || e.contains("OutOfMemoryError")) ooms++;
            if (!problems.isEmpty()) {
                crashes++;
                Files.writeString(dir.resolve("problems"), String.join("\n", problems));
                keep(dir, out, "crash");
            }
            for (Path f : files) {
                if (!o.contains(f.getFileName() + ":")) {
                    passed++;
                    if (clean.size() < sample) clean.add(f);
                }
            }
            System.out.printf(Locale.ROOT, "check: %d/%d inputs, %d crashes, %d hangs, %.0f s%n", Math.min(n, start + batch), n,
                    crashes, hangs, (System.nanoTime() - t0) / 1e9);
        }
        double checkSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        int[] other = derivesAndEvals(clean, out);
        System.out.printf(Locale.ROOT, "fuzz seed %d: check %d inputs in %.0f s (%d without errors): %d crashing batches, %d hangs, %d OOMs;"
                + " derive+eval %d inputs in %.0f s: %d crashes, %d hangs%n", seed, n, checkSeconds, passed, crashes, hangs, ooms,
                clean.size(), (System.nanoTime() - t1) / 1e9, other[0], other[1]);
        System.exit(crashes + hangs + ooms + other[0] + other[1] == 0 ? 0 : 1);
    }

    /** {@code derive} and {@code eval} of each file in this JVM; returns {crashes, hangs}. */
    static int[] derivesAndEvals(List<Path> files, Path out) throws IOException, InterruptedException {
        int crashes = 0, hangs = 0;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz", 1L << 28);
            t.setDaemon(true);
            return t;
        });
        for (Path f : files) {
            for (String[] args : new String[][] {{"derive", f.toString(), "--json"},
                    {"eval", f.toString(), "--potential", "P0", "--w", "0.5,2", "--z", "0.3", "--bregman", "0.5:1.5", "--json"}}) {
                StringWriter o = new StringWriter(), e = new StringWriter();
                Future<Integer> status = pool.submit(() -> Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true)));
                try {
                    int s = status.get(30, TimeUnit.SECONDS);
                    // derive/eval may also exit 2 for a potential name the mutated file lacks
                    List<String> problems = PotentialFuzzer.problems(s == 2 ? 1 : s, "", o + "\n" + e);
                    if (!problems.isEmpty()) {
                        crashes++;
                        Files.writeString(out.resolve("failures").resolve(f.getFileName() + "." + args[0] + ".txt"),
                                String.join(" ", args) + "\n" + problems + "\n" + o + e + "\n" + Files.readString(f));
                    }
                } catch (TimeoutException ex) {
                    hangs++;
                    status.cancel(true);
                    Files.writeString(out.resolve("failures").resolve(f.getFileName() + "." + args[0] + ".hang.txt"),
                            String.join(" ", args) + "\n" + Files.readString(f));
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor();
                } catch (java.util.concurrent.ExecutionException ex) {
                    crashes++;
                }
            }
        }
        pool.shutdownNow();
        return new int[] {crashes, hangs};
    }

    static void keep(Path dir, Path out, String kind) throws IOException {
        Path dest = out.resolve("failures").resolve(kind + "-" + dir.getFileName());
        Files.move(dir, dest);
    }
}
