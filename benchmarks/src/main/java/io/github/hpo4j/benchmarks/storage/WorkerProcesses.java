package io.github.hpo4j.benchmarks.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Worker JVMs for the multi-process benchmarks: each is started with this JVM's class path, says
 * {@code READY} on its output once set up, and starts work when it reads a line, so that the
 * measured time leaves process start-up out.
 */
final class WorkerProcesses {

    final List<Process> processes = new ArrayList<>();
    final List<BufferedReader> outputs = new ArrayList<>();

    /**
     * Starts the workers and waits until each is ready.
     *
     * @param main the worker's main class
     * @param args the arguments of worker i (from 0)
     */
    WorkerProcesses(Class<?> main, int count, IntFunction<List<String>> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < count; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(args.apply(i));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(p);
            outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader r : outputs) {
            if (!"READY".equals(r.readLine())) {
                throw new IllegalStateException("a worker did not start");
            }
        }
    }

    /** Tells every worker to start; returns {@link System#nanoTime()} at that moment. */
    long go() throws IOException {
        long t0 = System.nanoTime();
        for (Process p : processes) {
            p.getOutputStream().write('\n');
            p.getOutputStream().flush();
        }
        return t0;
    }

    /** Waits for every worker; fails unless each exited 0. */
    void awaitSuccess() throws InterruptedException {
        for (Process p : processes) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("a worker failed");
            }
        }
    }
}
