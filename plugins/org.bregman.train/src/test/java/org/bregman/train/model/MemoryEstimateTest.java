package org.bregman.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 12: the evaluation of a big network is split into chunks, and each chunk's dead activations must be collected —
 * with the collection threshold at the chunk size itself, ResNet-18's chunks of 32 images (260 MB, just under 256 MiB)
 * were never collected and the evaluation before the first step left 1.4 GB resident.
 */
class MemoryEstimateTest {

    /** ResNet-18 (CIFAR variant) on a 32×32×3 image: the floats of every vertex's output, the input included. */
    private static final long RESNET18_ACTIVATIONS = 3 * 1024 + 3 * 65536 + 14 * 65536 + 16 * 32768 + 16 * 16384 + 16 * 8192 + 512 + 10;

    @Test
    void everyChunkOfASplitEvaluationIsCollected() {
        assertEquals(32, MemoryEstimate.evaluationChunk(RESNET18_ACTIVATIONS));
        for (long a : new long[] {RESNET18_ACTIVATIONS, 1, 1000, 65_537, 262_145, 1_048_577, 4_000_000, 67_108_865, 100_000_000}) {
            for (long d = 0; d < 2_000; d += 7) {
                long activations = a + d;
                int chunk = MemoryEstimate.evaluationChunk(activations);
                if (chunk == 1024) continue; // not split: a small network, its passes are not collected
                assertTrue(4 * activations * chunk >= MemoryEstimate.COLLECT_BYTES,
                        activations + " activations per example, chunks of " + chunk);
            }
        }
    }

    @Test
    void theSmallNetworksPassesAreNotCollected() {
        // the examples' MLP 784-512-512-10: 1,818 floats per example, 1,024 at once: 7 MB, far below the threshold
        assertEquals(1024, MemoryEstimate.evaluationChunk(1_818));
        assertTrue(4L * 1_818 * 1024 < MemoryEstimate.COLLECT_BYTES);
    }
}
