package io.gatewaylog.api.internal;

import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.Reporter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the backend provider, as SLF4J does: the class named by the system property
 * {@code gateway.log.backend} if set; otherwise every {@link BackendProvider} that
 * {@link ServiceLoader} finds with the API's class loader. A provider that fails to load is reported
 * and skipped; with several, the highest priority wins and the list is reported; with none, null. A provider
 * that another one found {@linkplain BackendProvider#supersedes() supersedes} does not compete: the provider
 * replacing it is not reported as a second backend.
 */
public final class BackendLocator {
    /** System property naming the provider class to use. */
    public static final String BACKEND_PROPERTY = "gateway.log.backend";

    private BackendLocator() {}

    /** Locates the provider, or returns null when there is none. */
    public static BackendProvider locate(ClassLoader loader, String explicitClassName, Reporter reporter) {
        if (explicitClassName != null && !explicitClassName.isBlank()) {
            try {
                Class<?> type = Class.forName(explicitClassName.trim(), true, loader);
                return (BackendProvider) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                reporter.error(
                        "the backend named by -D" + BACKEND_PROPERTY + "=" + explicitClassName
                                + " could not be loaded; looking for one with ServiceLoader instead",
                        e);
            }
        }
        List<BackendProvider> found = new ArrayList<>();
        Iterator<BackendProvider> it =
                ServiceLoader.load(BackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                reporter.error("a gateway-log backend provider failed to load and is skipped", e);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        List<BackendProvider> competing = competing(found, reporter);
        BackendProvider best = competing.get(0);
        for (BackendProvider p : competing) {
            if (p.priority() > best.priority()) {
                best = p;
            }
        }
        if (competing.size() > 1) {
            List<String> names = new ArrayList<>();
            competing.forEach(p -> names.add(p.getClass().getName() + " (priority " + p.priority() + ")"));
            reporter.warn("several backends found: " + names + "; using "
                    + best.getClass().getName() + ". Set -D" + BACKEND_PROPERTY + "=<class> to choose.");
        }
        return best;
    }

    /** The providers found less those another one found supersedes; never empty (a cycle keeps them all). */
    private static List<BackendProvider> competing(List<BackendProvider> found, Reporter reporter) {
        Set<String> superseded = new HashSet<>();
        for (BackendProvider p : found) {
            try {
                Set<String> names = p.supersedes();
                if (names != null) {
                    names.stream()
                            .filter(n -> !n.equals(p.getClass().getName()))
                            .forEach(superseded::add);
                }
            } catch (RuntimeException | LinkageError e) {
                reporter.error("the backend provider " + p.getClass().getName() + " failed in supersedes()", e);
            }
        }
        List<BackendProvider> competing = new ArrayList<>();
        for (BackendProvider p : found) {
            if (!superseded.contains(p.getClass().getName())) {
                competing.add(p);
            }
        }
        return competing.isEmpty() ? found : competing;
    }
}
