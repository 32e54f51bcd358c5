package io.gatewaylog.testkit;

import io.gatewaylog.api.spi.Measurement;
import java.util.List;

/**
 * Reads a sink's {@link Measurement}s in tests: {@code Measurements.sum(sink.measurements(),
 * "gateway.log.kafka.sent", "component", "api")}.
 *
 * @since 1.0
 */
public final class Measurements {
    private Measurements() {}

    /**
     * The sum of the values of the measurements named {@code name} whose tags include every
     * {@code key, value} pair of {@code tagPairs}.
     *
     * @throws AssertionError if none matches (a misspelt name would otherwise read as 0)
     */
    public static double sum(List<Measurement> measurements, String name, String... tagPairs) {
        if (tagPairs.length % 2 != 0) {
            throw new IllegalArgumentException("tag pairs come as key, value: " + List.of(tagPairs));
        }
        double total = 0;
        boolean found = false;
        for (Measurement m : measurements) {
            if (m.name().equals(name) && hasTags(m, tagPairs)) {
                found = true;
                total += m.value();
            }
        }
        if (!found) {
            throw new AssertionError(
                    "no measurement " + name + " with tags " + List.of(tagPairs) + " in " + measurements);
        }
        return total;
    }

    private static boolean hasTags(Measurement m, String... tagPairs) {
        for (int i = 0; i < tagPairs.length; i += 2) {
            if (!tagPairs[i + 1].equals(m.tags().get(tagPairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
