package io.github.hpo4j.core.storage;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A child process for the journal tests: locks a file, prints {@code LOCKED}, holds the lock for args[1] ms. */
public final class JournalLockHolderMain {

    private JournalLockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            System.out.println("LOCKED " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
        }
    }
}
