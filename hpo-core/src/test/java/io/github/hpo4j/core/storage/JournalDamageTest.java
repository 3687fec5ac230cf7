package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage to a journal is detected and named by line, never a silent change of any trial. */
class JournalDamageTest {

    @TempDir
    Path dir;

    private Path original;
    private byte[] bytes;
    private String expected;

    /** A small journal with every kind of event: enqueued, pruned, failed, complete, running trials; two studies. */
    @BeforeEach
    void writeJournal() throws Exception {
        original = dir.resolve("original.journal");
        try (Storage s = Storage.journal(original)) {
            Study study = Study.builder().name("a").storage(s).sampler(new RandomSampler(3)).minimize("loss").build();
            study.enqueue(Map.of("x", 0.5));
            for (int i = 0; i < 4; i++) {
                Trial t = study.ask();
                double x = t.suggestFloat("x", 0, 1);
                t.suggestInt("k", 1, 3);
                t.report(0, x);
                t.setMetric("m", x / 2);
                if (i == 1) {
                    study.tell(t, TrialState.PRUNED);
                } else if (i == 2) {
                    study.tellFailure(t, "boom");
                } else {
                    study.tell(t, x);
                }
            }
            Study b = Study.builder().name("b").storage(s).maximize("acc").build();
            Trial t = b.ask();
            t.suggestCategorical("c", List.of("p", "q"));
        }
        bytes = Files.readAllBytes(original);
        expected = snapshot(original);
    }

    /** Every trial of every study, as text. */
    private static String snapshot(Path file) {
        try (StorageBackend s = StorageBackend.of(Storage.journalBuilder(file).readOnly(true).open())) {
            StringBuilder sb = new StringBuilder();
            for (String name : s.studyNames()) {
                sb.append(name).append(s.findStudy(name).orElseThrow().objectives()).append('\n');
                for (TrialRecord t : s.trials(name)) {
                    sb.append(t).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private static long lineOf(byte[] b, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    @Test
    void everyByteFlipped_isDetectedAndNamesItsLine() throws Exception {
        Path damaged = dir.resolve("damaged.journal");
        int[] masks = {0x01, 0x20, 0x80, 0xff};
        for (int p = 0; p < bytes.length; p++) {
            byte[] copy = bytes.clone();
            copy[p] ^= (byte) masks[p % masks.length];
            Files.write(damaged, copy);
            long line = lineOf(bytes, p);
            try (Storage s = Storage.journalBuilder(damaged).readOnly(true).open()) {
                fail("flipping byte " + p + " (line " + line + ") went unnoticed:\n" + snapshot(damaged));
            } catch (DamagedJournalException e) {
                assertEquals(line, e.damage().get(0).line(), "byte " + p + ": " + e.getMessage());
            }
        }
    }

    @Test
    void cutAtEveryByteOfTheLastThreeLines_keepsEveryCompleteLine_andTheNextWriteCutsTheTornTail() throws Exception {
        int newlines = 0;
        int start = bytes.length;
        while (start > 0 && newlines < 4) {
            start--;
            if (bytes[start] == '\n') {
                newlines++;
            }
        }
        Path cut = dir.resolve("cut.journal");
        Path clean = dir.resolve("clean.journal");
        for (int p = start + 1; p <= bytes.length; p++) {
            byte[] prefix = Arrays.copyOf(bytes, p);
            int lastNewline = p - 1;
            while (lastNewline >= 0 && prefix[lastNewline] != '\n') {
                lastNewline--;
            }
            // a cut just before a newline leaves a whole event: it counts, only its newline is missing
            boolean wholeEvent = p < bytes.length && bytes[p] == '\n';
            Files.write(clean, Arrays.copyOf(bytes, wholeEvent ? p + 1 : lastNewline + 1));
            Files.write(cut, prefix);
            assertEquals(snapshot(clean), snapshot(cut), "cut at byte " + p);
            if (p % 7 == 0 || wholeEvent) {
                try (StorageBackend s = StorageBackend.of(Storage.journal(cut))) {
                    int n = s.enqueueTrial("a", Map.of("x", 0.25), Map.of());
                    assertEquals(s.trials("a").size() - 1, n);
                }
                try (StorageBackend s = StorageBackend.of(Storage.journal(cut))) {
                    assertEquals(Map.of("x", 0.25), s.trials("a").get(s.trials("a").size() - 1).fixedParams());
                }
            }
        }
    }

    @Test
    void flippedFinalNewline_isDamageNotATornWrite() throws Exception {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] = 'x';
        Path damaged = dir.resolve("newline.journal");
        Files.write(damaged, copy);
        DamagedJournalException e = assertThrows(DamagedJournalException.class, () -> Storage.journal(damaged));
        assertEquals(lineOf(bytes, bytes.length - 1), e.damage().get(0).line());
    }

    @Test
    void lostNewline_mergesTwoLines_whichIsDetected() throws Exception {
        int firstNewline = 0;
        while (bytes[firstNewline] != '\n') {
            firstNewline++;
        }
        int second = firstNewline + 1;
        while (bytes[second] != '\n') {
            second++;
        }
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, second);
        System.arraycopy(bytes, second + 1, copy, second, bytes.length - second - 1);
        Path damaged = dir.resolve("merged.journal");
        Files.write(damaged, copy);
        DamagedJournalException e = assertThrows(DamagedJournalException.class, () -> Storage.journal(damaged));
        assertEquals(2, e.damage().get(0).line());
    }

    @Test
    void damagedStudyLine_isAnErrorNotANewEmptyStudy() throws Exception {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("study.journal"), text.replaceFirst("\"op\":\"study\",\"study\":\"a\"",
                "\"op\":\"study\",\"study\":\"A\""));
        DamagedJournalException e = assertThrows(DamagedJournalException.class,
                () -> Study.builder().name("a").storage(Storage.journal(dir.resolve("study.journal"))).loadIfExists(true)
                        .build());
        assertEquals(2, e.damage().get(0).line());
        assertEquals("checksum mismatch", e.damage().get(0).reason());
    }

    @Test
    void lenientReader_skipsDamagedLines_keepsEveryOtherTrialsNumber() throws Exception {
        // damage the line that creates trial 2 of study a: its later events are skipped too, nothing renumbered
        List<String> lines = Files.readAllLines(original);
        int create2 = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"op\":\"create\"") && lines.get(i).contains("\"n\":2,")) {
                create2 = i;
            }
        }
        lines.set(create2, lines.get(create2).replace("RUNNING", "RUNNINH"));
        Path damaged = dir.resolve("lenient.journal");
        Files.write(damaged, lines);
        try (StorageBackend s = StorageBackend.of(Storage.journalBuilder(damaged).lenient(true).readOnly(true).open())) {
            List<TrialRecord> a = s.trials("a");
            assertEquals(List.of(0, 1, 3), a.stream().map(TrialRecord::number).toList());
            assertEquals(create2 + 1, s.skippedRecords().get(0).line());
            assertTrue(s.skippedRecords().size() > 1, "the events of the lost trial are skipped and counted");
            try (StorageBackend clean = StorageBackend.of(Storage.journalBuilder(original).readOnly(true).open())) {
                assertEquals(clean.trial("a", 3), s.trial("a", 3));
                assertEquals(clean.trial("a", 1), s.trial("a", 1));
            }
        }
    }

    @Test
    void formatOneJournal_opens_andTakesFormatTwoLinesAfterItsOwn() throws Exception {
        Path legacy = dir.resolve("legacy.journal");
        try (InputStream in = getClass().getResourceAsStream("/journal/legacy-v1.journal")) {
            Files.copy(in, legacy);
        }
        try (StorageBackend s = StorageBackend.of(Storage.journal(legacy))) {
            List<TrialRecord> t = s.trials("legacy");
            assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.FAIL, TrialState.PRUNED),
                    t.stream().map(TrialRecord::state).toList());
            assertEquals(Map.of("x", 0.25, "k", 2, "opt", "adam"), t.get(0).params());
            assertEquals(List.of(0.5), t.get(0).values());
            assertEquals("boom", t.get(2).failure().orElseThrow());
            assertEquals(TrialState.RUNNING, s.trial("two", 1).state());
            assertEquals(List.of(0.9, 12.0), s.trial("two", 0).values());
            Study study = Study.load("legacy", s);
            Trial next = study.ask();
            assertEquals(4, next.number());
            study.tell(next, next.suggestFloat("x", 0, 1));
        }
        String text = Files.readString(legacy);
        assertTrue(text.trim().endsWith("\"}"), "new lines carry checksums");
        try (StorageBackend s = StorageBackend.of(Storage.journal(legacy))) {
            assertEquals(5, s.trials("legacy").size());
            assertEquals(TrialState.COMPLETE, s.trial("legacy", 4).state());
        }
    }

    @Test
    void newerFormat_isRefusedWithAMessage() throws Exception {
        Path newer = dir.resolve("newer.journal");
        Files.write(newer, (new String(JournalLine.encode(EventCodec.header().put("format", 3)),
                java.nio.charset.StandardCharsets.UTF_8) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Storage.journal(newer));
        assertTrue(e.getMessage().contains("format 3, written by a newer hpo4j"), e.getMessage());
    }

    @Test
    void check_reportsDamageByLine_repair_copiesEveryIntactEventKeepingNumbersAndTimes() throws Exception {
        JournalReport clean = JournalRepair.check(original);
        assertTrue(clean.intact());
        assertEquals(Files.readAllLines(original).size(), clean.lines());
        assertEquals(clean.lines() - 1, clean.events(), "every line but the header is an event");
        // damage the param line of trial 3 and the finish line of trial 0
        List<String> lines = Files.readAllLines(original);
        int param3 = -1;
        int finish0 = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (param3 < 0 && l.contains("\"op\":\"param\"") && l.contains("\"n\":3,")) {
                param3 = i;
            }
            if (l.contains("\"op\":\"finish\"") && l.contains("\"n\":0,") && l.contains("\"study\":\"a\"")) {
                finish0 = i;
            }
        }
        lines.set(param3, lines.get(param3).replace("\"x\"", "\"z\""));
        lines.set(finish0, lines.get(finish0).substring(0, 20));
        Path damaged = dir.resolve("to-repair.journal");
        Files.write(damaged, lines);
        JournalReport report = JournalRepair.check(damaged);
        assertEquals(List.of((long) Math.min(param3, finish0) + 1, (long) Math.max(param3, finish0) + 1),
                report.damage().stream().map(SkippedRecord::line).sorted().toList());
        Path repaired = dir.resolve("repaired.journal");
        JournalReport r = JournalRepair.repair(damaged, repaired);
        assertEquals(report.damage(), r.damage());
        assertEquals(clean.events() - 2, r.events());
        assertThrows(IllegalArgumentException.class, () -> JournalRepair.repair(damaged, repaired));
        try (StorageBackend fixed = StorageBackend.of(Storage.journal(repaired));
             StorageBackend before = StorageBackend.of(Storage.journalBuilder(original).readOnly(true).open())) {
            assertTrue(JournalRepair.check(repaired).intact());
            assertEquals(before.trial("a", 1), fixed.trial("a", 1));
            assertEquals(before.trial("a", 2), fixed.trial("a", 2));
            assertEquals(before.trials("b"), fixed.trials("b"));
            assertEquals(TrialState.RUNNING, fixed.trial("a", 0).state(), "its finish line was damaged");
            assertEquals(before.trial("a", 0).params(), fixed.trial("a", 0).params());
            assertEquals(Map.of("k", before.trial("a", 3).params().get("k")), fixed.trial("a", 3).params());
            assertEquals(before.trial("a", 3).start(), fixed.trial("a", 3).start(), "times are kept");
        }
    }

    @Test
    void repairOfAFormatOneJournal_writesFormatTwo_withTheSameTrials() throws Exception {
        Path legacy = dir.resolve("legacy1.journal");
        try (InputStream in = getClass().getResourceAsStream("/journal/legacy-v1.journal")) {
            Files.copy(in, legacy);
        }
        Path out = dir.resolve("legacy2.journal");
        JournalRepair.repair(legacy, out);
        assertTrue(Files.readAllLines(out).stream().allMatch(l -> JournalLine.hasChecksum(
                l.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, l.length())));
        assertEquals(snapshot(legacy), snapshot(out));
    }
}
