package io.gatewaylog.core.internal.sanitize;

/**
 * A vendor credential recognised by a documented prefix and the shape of what follows it: a body of
 * one character class whose length lies in [min, max]. The sources of each format are listed in
 * {@code docs/sanitization.md}.
 *
 * @param prefix the literal start, case-sensitive ({@code ghp_}, {@code glpat-}, {@code SG.})
 * @param cls the body's character class, one of the {@link TokenRuns} classes
 * @param min the shortest body
 * @param max the longest body; a longer run is some other thing and is left alone
 * @param mask what replaces the whole token
 * @param rule the rule that switches this format off
 */
record TokenFormat(String prefix, int cls, int min, int max, String mask, Rule rule) {
    static TokenFormat of(String prefix, int cls, int min, int max, String mask, Rule rule) {
        return new TokenFormat(prefix, cls, min, max, mask, rule);
    }
}
