package io.gatewaylog.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads every line a contender wrote (archives too) and checks each request id appears exactly once. */
final class ReadBack {
    record Count(long lines, long distinct, long duplicates) {}

    private ReadBack() {}

    static Count count(Path dir, int expected) throws IOException {
        BitSet seen = new BitSet(expected);
        long lines = 0;
        long duplicates = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".log") && !name.endsWith(".gz") && !name.matches(".*\\.log\\.\\d+.*")) {
                continue;
            }
            try (InputStream raw = Files.newInputStream(f);
                    InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = r.readLine()) != null) {
                    int id = requestId(line);
                    if (id < 0) {
                        continue;
                    }
                    lines++;
                    if (seen.get(id)) {
                        duplicates++;
                    }
                    seen.set(id);
                }
            }
        }
        return new Count(lines, seen.cardinality(), duplicates);
    }

    /** The numeric request id of a benchmark line, or -1. */
    static int requestId(String line) {
        int k = line.indexOf("\"request_id\"");
        if (k < 0) {
            return -1;
        }
        int i = line.indexOf('"', line.indexOf(':', k) + 1) + 1;
        int v = 0;
        boolean any = false;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            v = v * 10 + (line.charAt(i++) - '0');
            any = true;
        }
        return any ? v : -1;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
