package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Mt19937Test {

    /** Values printed by numpy 1.24: {@code np.random.RandomState(seed).random_sample(3)}. */
    @Test
    void nextDouble_matchesNumpysRandomState() {
        Mt19937 zero = new Mt19937(0);
        assertEquals(0.5488135039273248, zero.nextDouble(), 0);
        assertEquals(0.7151893663724195, zero.nextDouble(), 0);
        assertEquals(0.6027633760716439, zero.nextDouble(), 0);
        Mt19937 one = new Mt19937(1);
        assertEquals(0.417022004702574, one.nextDouble(), 0);
        assertEquals(0.7203244934421581, one.nextDouble(), 0);
        assertEquals(1.1437481734488664e-04, one.nextDouble(), 0);
    }

    /** MT19937's reference output: the 10000th 32-bit draw after init_genrand(5489) is 4123659995. */
    @Test
    void next32_matchesTheReferenceSequence() {
        Mt19937 r = new Mt19937(5489);
        int last = 0;
        for (int i = 0; i < 10_000; i++) {
            last = r.next32();
        }
        assertEquals(4123659995L, last & 0xffffffffL);
    }
}
