package io.gatewaylog.sink.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool on its own: framing, rolling, commit and recovery after a torn write. */
class ComponentSpoolTest {
    @TempDir
    Path dir;

    private static ByteBuffer frames(int from, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 64);
        for (int i = from; i < from + count; i++) {
            byte[] v = ("v-" + i).getBytes(StandardCharsets.UTF_8);
            Frame.write(b, 2, 1000L + i, "k".getBytes(StandardCharsets.UTF_8), v, 0, v.length);
        }
        return b.flip();
    }

    private static List<String> readAll(ComponentSpool s, long from) throws Exception {
        List<String> out = new ArrayList<>();
        try (SpoolReader r = s.reader(from)) {
            Frame f;
            while ((f = r.next()) != null) {
                out.add(new String(f.value, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<String> values(int from, int to) {
        List<String> l = new ArrayList<>();
        for (int i = from; i < to; i++) {
            l.add("v-" + i);
        }
        return l;
    }

    @Test
    void appendsRollsReadsAcrossSegmentsAndDeletesWhatWasCommitted() throws Exception {
        SpoolBudget budget = new SpoolBudget(1 << 20);
        ComponentSpool s = ComponentSpool.open(LogComponent.API, dir, budget, 256);
        for (int i = 0; i < 100; i += 10) {
            ByteBuffer b = frames(i, 10);
            assertThat(budget.tryReserve(b.remaining())).isTrue(); // as the sink does, record by record
            s.append(b, 10);
        }
        assertThat(s.segmentFiles()).hasSizeGreaterThan(3);
        assertThat(readAll(s, 0)).isEqualTo(values(0, 100));
        assertThat(s.pendingRecords.get()).isEqualTo(100);
        long used = budget.used();
        assertThat(used).isEqualTo(s.end());

        // acknowledge the first 50: the segments wholly below go, and reading resumes there
        long mid;
        try (SpoolReader r = s.reader(0)) {
            for (int i = 0; i < 49; i++) {
                r.next();
            }
            mid = r.next().end;
        }
        s.commit(mid);
        assertThat(budget.used()).isLessThan(used);
        assertThat(readAll(s, mid)).isEqualTo(values(50, 100));
        s.close();

        ComponentSpool again = ComponentSpool.open(LogComponent.API, dir, new SpoolBudget(1 << 20), 256);
        assertThat(again.committed()).isEqualTo(mid);
        assertThat(again.pendingRecords.get()).isEqualTo(50);
        assertThat(readAll(again, again.committed())).isEqualTo(values(50, 100));
        again.close();
    }

    @Test
    void recoveryCutsATornLastFrameAndAppendsAfterIt() throws Exception {
        ComponentSpool s = ComponentSpool.open(LogComponent.AUTH, dir, new SpoolBudget(1 << 20), 1 << 20);
        s.append(frames(0, 5), 5);
        s.close();
        Path seg = dir.resolve(ComponentSpool.name(0));
        long whole = Files.size(seg);
        // a crash in the middle of the next append: half a frame
        ByteBuffer half = frames(5, 1);
        half.limit(half.limit() / 2);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(half);
        }
        assertThat(Files.size(seg)).isGreaterThan(whole);

        ComponentSpool recovered = ComponentSpool.open(LogComponent.AUTH, dir, new SpoolBudget(1 << 20), 1 << 20);
        assertThat(Files.size(seg)).isEqualTo(whole);
        assertThat(recovered.pendingRecords.get()).isEqualTo(5);
        recovered.append(frames(5, 3), 3);
        assertThat(readAll(recovered, 0)).isEqualTo(values(0, 8));
        recovered.close();
    }

    @Test
    void aDamagedFrameIsReportedAsCorrupt() throws Exception {
        ComponentSpool s = ComponentSpool.open(LogComponent.API, dir, new SpoolBudget(1 << 20), 1 << 20);
        s.append(frames(0, 3), 3);
        Path seg = dir.resolve(ComponentSpool.name(0));
        byte[] bytes = Files.readAllBytes(seg);
        bytes[Frame.HEADER + 3] ^= 0x55; // inside the first frame's body
        Files.write(seg, bytes);
        try (SpoolReader r = s.reader(0)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(r::next).isInstanceOf(Frame.Corrupt.class);
        }
        s.close();
    }

    @Test
    void theCommitFileSurvivesATornSlot() throws IOException {
        Path f = dir.resolve("committed");
        try (CommitFile c = CommitFile.open(f)) {
            assertThat(c.position()).isEqualTo(-1);
            c.write(100);
            c.write(200);
        }
        // tear the slot written last (sequence 2 -> slot 0)
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 8);
        }
        try (CommitFile c = CommitFile.open(f)) {
            assertThat(c.position()).isEqualTo(100);
            c.write(300);
        }
        try (CommitFile c = CommitFile.open(f)) {
            assertThat(c.position()).isEqualTo(300);
        }
    }
}
