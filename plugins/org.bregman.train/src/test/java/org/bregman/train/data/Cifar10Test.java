package org.bregman.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR-10 binary reader on files written here in the official format. */
class Cifar10Test {

    /** Writes {@code records} records whose label is {@code (first + r) % 10} and pixel p is {@code (r + p) % 256}. */
    static void write(Path file, int records, int first) throws IOException {
        byte[] b = new byte[records * Cifar10.RECORD];
        for (int r = 0; r < records; r++) {
            b[r * Cifar10.RECORD] = (byte) ((first + r) % 10);
            for (int p = 0; p < Cifar10.PIXELS; p++) b[r * Cifar10.RECORD + 1 + p] = (byte) ((first + r + p) % 256);
        }
        Files.write(file, b);
    }

    static Path folder(Path dir) throws IOException {
        for (int f = 0; f < 5; f++) write(dir.resolve(Cifar10.TRAIN_FILES[f]), 3, 3 * f);
        write(dir.resolve(Cifar10.TEST_FILE), 4, 100);
        return dir;
    }

    @Test
    void readsRecordsAcrossFilesPlaneByPlane(@TempDir Path dir) throws IOException {
        Dataset d = Cifar10.read(folder(dir), 7, 2);
        assertEquals(7, d.n());
        assertEquals(3072, d.d());
        assertArrayEquals(new int[] {32, 32, 3}, d.imageShape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, d.labels()); // 3 from the first file, 3 from the second, 1 from the third
        // image 4 (second record of data_batch_2.bin, global index 4): pixel p = (4 + p) % 256, scaled by 1/255;
        // p = 1024 + 33 is the green plane, row 1, column 1
        assertEquals(((4 + 1024 + 33) % 256) / 255f, d.x()[4 * 3072 + 1024 + 33]);
        assertEquals(2, d.test().n());
        assertArrayEquals(new int[] {0, 1}, d.test().labels()); // 100 % 10, 101 % 10
        assertNull(Cifar10.read(dir, 0, 0).test());
        assertEquals(15, Cifar10.read(dir, 0, 0).n());
    }

    @Test
    void missingTruncatedAndForeignFilesSayWhatToDo(@TempDir Path dir) throws IOException {
        DataException e = assertThrows(DataException.class, () -> Cifar10.read(dir.resolve("nowhere"), 10, 0));
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
        folder(dir);
        Files.delete(dir.resolve("data_batch_3.bin"));
        e = assertThrows(DataException.class, () -> Cifar10.read(dir, 0, 0));
        assertTrue(e.getMessage().contains("data_batch_3.bin not found"), e.getMessage());
        assertEquals(6, Cifar10.read(dir, 6, 0).n()); // the first two files suffice
        write(dir.resolve("data_batch_3.bin"), 2, 0);
        byte[] whole = Files.readAllBytes(dir.resolve("data_batch_3.bin"));
        Files.write(dir.resolve("data_batch_3.bin"), java.util.Arrays.copyOf(whole, whole.length - 100));
        e = assertThrows(DataException.class, () -> Cifar10.read(dir, 0, 0));
        assertTrue(e.getMessage().contains("not a whole number of 3073-byte records"), e.getMessage());
        whole[0] = 42;
        Files.write(dir.resolve("data_batch_3.bin"), whole);
        e = assertThrows(DataException.class, () -> Cifar10.read(dir, 0, 0));
        assertTrue(e.getMessage().contains("label 42") && e.getMessage().contains("CIFAR-100"), e.getMessage());
    }
}
