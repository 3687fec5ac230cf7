package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.trial.TrialRecord;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * One study's trials by number, with snapshots that cost little in a long study. Trials live in
 * blocks of 64; a snapshot shares the blocks and copies only the array that points at them, and a
 * later write copies the one block it changes (copy on write). A sampler that reads the study
 * before each suggestion of a 10,000-trial study thus copies about 160 references and one block
 * per read instead of 10,000 references.
 *
 * <p>A number may be missing (a lenient reader skipped the line that created it); snapshots leave
 * it out and are then plain copies. Not thread-safe: storages guard it; snapshots are immutable
 * and may be read by any thread.
 */
final class TrialTable {

    private static final int SHIFT = 6;
    private static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private TrialRecord[][] blocks = new TrialRecord[4][];
    /** Whether block i is referenced by a snapshot handed out (it must be copied before a write). */
    private boolean[] shared = new boolean[4];
    private int size;
    private int present;
    private List<TrialRecord> snapshot;

    /** @return one more than the highest number stored, 0 when empty */
    int size() {
        return size;
    }

    /** @return how many numbers hold a trial */
    int present() {
        return present;
    }

    /**
     * @param number a trial number
     * @return the trial, or null when the number is out of range or missing
     */
    TrialRecord get(int number) {
        if (number < 0 || number >= size) {
            return null;
        }
        TrialRecord[] b = blocks[number >>> SHIFT];
        return b == null ? null : b[number & MASK];
    }

    /**
     * Stores a trial under its number, growing the table when needed.
     *
     * @param number the trial number, {@code >= 0}
     * @param trial  the trial
     */
    void put(int number, TrialRecord trial) {
        int bi = number >>> SHIFT;
        if (bi >= blocks.length) {
            int grown = Math.max(bi + 1, blocks.length * 2);
            blocks = Arrays.copyOf(blocks, grown);
            shared = Arrays.copyOf(shared, grown);
        }
        TrialRecord[] b = blocks[bi];
        if (b == null) {
            b = new TrialRecord[BLOCK];
            blocks[bi] = b;
        } else if (shared[bi]) {
            b = b.clone();
            blocks[bi] = b;
            shared[bi] = false;
        }
        if (b[number & MASK] == null) {
            present++;
        }
        b[number & MASK] = trial;
        size = Math.max(size, number + 1);
        snapshot = null;
    }

    /** @return every trial by number, missing numbers left out; immutable */
    List<TrialRecord> snapshot() {
        if (snapshot == null) {
            if (present == size) {
                int used = (size + MASK) >>> SHIFT;
                Arrays.fill(shared, 0, used, true);
                snapshot = new Snapshot(Arrays.copyOf(blocks, used), size);
            } else {
                List<TrialRecord> copy = new ArrayList<>(present);
                for (int i = 0; i < size; i++) {
                    TrialRecord t = get(i);
                    if (t != null) {
                        copy.add(t);
                    }
                }
                snapshot = Collections.unmodifiableList(copy);
            }
        }
        return snapshot;
    }

    /** An immutable view of shared blocks; no block it holds is written again. */
    private static final class Snapshot extends AbstractList<TrialRecord> implements RandomAccess {
        private final TrialRecord[][] blocks;
        private final int size;

        Snapshot(TrialRecord[][] blocks, int size) {
            this.blocks = blocks;
            this.size = size;
        }

        @Override
        public TrialRecord get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + " of " + size + " trials");
            }
            return blocks[index >>> SHIFT][index & MASK];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
