package io.gatewaylog.it;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a fresh JVM with exactly the class path a scenario needs. */
final class ChildJvm {
    record Result(int exitCode, String stdout, String stderr) {}

    private ChildJvm() {}

    /** Where {@code type} was loaded from (a jar or a classes directory). */
    static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The locations of {@code types}, joined as a path. */
    static String pathOf(List<Class<?>> types) {
        List<String> path = new ArrayList<>();
        for (Class<?> c : types) {
            String loc = locationOf(c);
            if (!path.contains(loc)) {
                path.add(loc);
            }
        }
        return String.join(File.pathSeparator, path);
    }

    static Result run(List<Class<?>> classPathOf, Class<?> main, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(pathOf(classPathOf));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish: " + cmd);
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
