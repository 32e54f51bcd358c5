package io.gatewaylog.core;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.internal.PrintingReporter;
import io.gatewaylog.api.spi.CommonSettings;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.LayeredSettings;
import io.gatewaylog.core.internal.retention.Deletion;
import io.gatewaylog.core.internal.retention.DeletionReason;
import io.gatewaylog.core.internal.retention.DirectoryArchiveCatalog;
import io.gatewaylog.core.internal.retention.DiskUsageProbe;
import io.gatewaylog.core.internal.retention.RetentionPass;
import io.gatewaylog.core.internal.retention.RetentionSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs retention once against a log root, for a cron job or an operator: deletes the rotated archives
 * older than their component's retention, then, if the disk holding them is above the threshold, the
 * least valuable archives until it is back under threshold minus margin. Prints each file it deletes
 * (or with {@code --dry-run} would delete) and why. It reads the same settings as the backend (file,
 * environment, system properties) except {@code retention.enabled}, which only switches off the
 * in-process job.
 * <pre>
 * java -cp gateway-log-api.jar:gateway-log-core.jar io.gatewaylog.core.RetentionTool \
 *     --root /var/log/gateway --profile production --dry-run
 * </pre>
 * Exit codes: {@value #OK} done (also when nothing was due); {@value #DELETE_FAILED} some archive could
 * not be deleted; {@value #USAGE} bad command line or invalid setting; {@value #NO_ROOT} the root is not
 * a directory; {@value #STILL_FULL} the disk is still above the threshold with no archive left to delete.
 *
 * @since 1.0
 */
public final class RetentionTool {
    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: at least one archive could not be deleted (see stderr). */
    public static final int DELETE_FAILED = 1;
    /** Exit code: bad command line or invalid setting. */
    public static final int USAGE = 2;
    /** Exit code: the log root does not exist or is not a directory. */
    public static final int NO_ROOT = 3;
    /** Exit code: the disk is still above the threshold and no archive is left to delete. */
    public static final int STILL_FULL = 4;

    private static final String HELP = String.join(
            System.lineSeparator(),
            "usage: RetentionTool [--root DIR] [--profile development|production] [--config FILE] [--dry-run]",
            "  --root DIR      the log root holding <component>/ directories (default: the 'dir' setting)",
            "  --profile P     development or production (default: gateway.log.profile / GATEWAY_LOG_PROFILE)",
            "  --config FILE   a .properties file of settings (default: gateway.log.config / GATEWAY_LOG_CONFIG)",
            "  --dry-run       print what would be deleted and why; delete nothing",
            "exit codes: 0 done, 1 a deletion failed, 2 bad usage or setting, 3 no such root,",
            "            4 disk still above the threshold with nothing left to delete");

    private RetentionTool() {}

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool with the real clock and disk; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemDefaultZone(), DiskUsageProbe.fileStore());
    }

    /** The parsed command line, or the exit code to stop with ({@code exit >= 0}: help, a usage error). */
    private record Arguments(Map<String, String> code, String root, boolean dryRun, int exit) {}

    private static Arguments arguments(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> code = new HashMap<>();
        String rootArg = null;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--dry-run" -> dryRun = true;
                case "--help", "-h" -> {
                    out.println(HELP);
                    return new Arguments(code, rootArg, dryRun, OK);
                }
                case "--root", "--profile", "--config" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            err.println("RetentionTool: " + a + " needs a value");
                            err.println(HELP);
                            return new Arguments(code, rootArg, dryRun, USAGE);
                        }
                        value = args[++i];
                    }
                    if (a.equals("--root")) {
                        rootArg = value;
                    } else {
                        code.put(a.substring(2), value);
                    }
                }
                default -> {
                    err.println("RetentionTool: unknown argument '" + args[i] + "'");
                    err.println(HELP);
                    return new Arguments(code, rootArg, dryRun, USAGE);
                }
            }
        }
        return new Arguments(code, rootArg, dryRun, -1);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock, DiskUsageProbe probe) {
        Arguments parsed = arguments(args, out, err);
        if (parsed.exit() >= 0) {
            return parsed.exit();
        }
        Settings settings;
        RetentionSettings retention;
        Path root;
        try {
            settings = LayeredSettings.load(parsed.code());
            retention = RetentionSettings.parse(settings);
            root = parsed.root() != null ? Paths.get(parsed.root()) : settings.get(CommonSettings.DIR);
        } catch (InvalidSettingException | InvalidPathException e) {
            err.println("RetentionTool: " + e.getMessage());
            return USAGE;
        }
        if (!Files.isDirectory(root)) {
            err.println("RetentionTool: the log root " + root.toAbsolutePath() + " is not a directory");
            return NO_ROOT;
        }
        return retain(new DirectoryArchiveCatalog(root), settings, retention, parsed.dryRun(), out, err, clock, probe);
    }

    /** Runs one retention pass over {@code catalog}, printing each deletion and the totals; returns the exit code. */
    private static int retain(
            DirectoryArchiveCatalog catalog,
            Settings settings,
            RetentionSettings retention,
            boolean dryRun,
            PrintStream out,
            PrintStream err,
            Clock clock,
            DiskUsageProbe probe) {
        out.println("gateway-log retention: root " + catalog.root() + ", profile " + settings.profile()
                + (dryRun ? ", DRY RUN (nothing is deleted)" : ""));
        out.println(describe(retention));
        String verb = dryRun ? "would delete" : "deleted";
        long[] totals = new long[2];
        RetentionPass.Result result = RetentionPass.run(
                retention,
                List.of(catalog),
                dryRun,
                d -> {
                    totals[0]++;
                    totals[1] += d.bytes();
                    out.println(verb + " " + catalog.root().relativize(d.file()) + " (" + d.bytes() + " bytes): "
                            + why(d, retention));
                },
                out::println,
                record -> {},
                new PrintingReporter(err),
                clock,
                probe);
        out.println(verb + " " + totals[0] + " archive(s), " + totals[1] + " bytes"
                + (result.failures() > 0 ? "; " + result.failures() + " deletion(s) failed (see stderr)" : ""));
        if (result.failures() > 0) {
            return DELETE_FAILED;
        }
        if (result.stillAboveThreshold()) {
            out.println("the disk is still above " + RetentionSettings.format(retention.thresholdPercent())
                    + "% used: the active files and" + " files that are not archives fill it");
            return STILL_FULL;
        }
        return OK;
    }

    private static String describe(RetentionSettings r) {
        StringJoiner days = new StringJoiner(", ", "retention days: ", "");
        for (LogComponent c : LogComponent.values()) {
            days.add(c.id() + " " + r.days(c));
        }
        return days + "; disk threshold " + RetentionSettings.format(r.thresholdPercent())
                + "% (emergency cleanup down to below "
                + RetentionSettings.format(r.thresholdPercent() - r.marginPercent()) + "%)";
    }

    private static String why(Deletion d, RetentionSettings r) {
        if (d.reason() == DeletionReason.RETENTION) {
            return "retention: newest record " + d.ageDays() + " days old > " + r.days(d.component()) + " days";
        }
        return "emergency: disk above " + RetentionSettings.format(r.thresholdPercent())
                + "%, oldest archive of the least valuable component" + " left ("
                + d.component().id() + ", " + d.ageDays() + " days old)";
    }
}
