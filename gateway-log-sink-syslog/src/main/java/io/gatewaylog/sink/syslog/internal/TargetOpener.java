package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;

/**
 * Opens targets for the sender: the first one due, in configured order, or (for a failback) the first
 * one due before the active one. A failure goes into the target's back-off; a target this JVM cannot use
 * is never tried again. Used by the sender thread only.
 */
final class TargetOpener {
    /** A transport opened to the target at {@code index}. */
    record Opened(int index, Transport transport) {}

    private final TargetStates targets;
    private final TransportFactory factory;
    private volatile long opens;

    TargetOpener(TargetStates targets, TransportFactory factory) {
        this.targets = targets;
        this.factory = factory;
    }

    /** How many times a target was opened or tried (for tests: retries happen, whatever stderr says). */
    long opens() {
        return opens;
    }

    /** The first target due that opens, or null if none does. */
    Opened openFirstDue(long now) {
        for (int i = 0; i < targets.size(); i++) {
            if (!targets.due(i, now)) {
                continue;
            }
            opens++;
            try {
                return new Opened(i, factory.open(targets.get(i)));
            } catch (UnsupportedTargetException e) {
                targets.unsupported(i, e.getMessage());
            } catch (IOException | RuntimeException e) {
                targets.markDown(i, now, describe(e));
            }
        }
        return null;
    }

    /** The first target before {@code activeIndex} that is due and opens (a failback), or null. */
    Opened openPreferred(int activeIndex, long now) {
        for (int i = 0; i < activeIndex; i++) {
            if (!targets.due(i, now)) {
                continue;
            }
            try {
                return new Opened(i, factory.open(targets.get(i)));
            } catch (IOException | RuntimeException e) {
                targets.markDown(i, now, describe(e));
            }
        }
        return null;
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
