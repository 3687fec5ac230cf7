package io.github.hpo4j.core.storage;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** The log kept in memory only: its replayed state is all there is. */
final class InMemoryStorage extends EventLogStorage {

    private final ReentrantLock lock = new ReentrantLock();
    private final LogState state = new LogState();

    @Override
    LogState state() {
        return state;
    }

    @Override
    Lock lock() {
        return lock;
    }

    @Override
    void catchUp() {
    }

    @Override
    void persist(List<Event> events) {
    }

    @Override
    void release() {
    }

    @Override
    public String toString() {
        return "InMemoryStorage";
    }
}
