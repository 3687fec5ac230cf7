package io.github.hpo4j.core.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Child JVMs for the tests that need several processes: started on the test class path. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code main} in a new JVM.
     *
     * @param stderr where its standard error goes
     * @param main   the class whose main method runs
     * @param args   its arguments
     * @return the process
     * @throws IOException if it cannot start
     */
    public static Process start(Path stderr, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    }

    /**
     * Reads a child's standard output to its end and collects the numbers of its {@code ACK n} lines.
     *
     * @param child the process
     * @return the acknowledged numbers, in order
     */
    public static List<Integer> acks(Process child) {
        List<Integer> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    out.add(Integer.parseInt(line.substring(4)));
                }
            }
        } catch (IOException e) {
            // the process was killed: what it acknowledged so far is what counts
        }
        return out;
    }
}
