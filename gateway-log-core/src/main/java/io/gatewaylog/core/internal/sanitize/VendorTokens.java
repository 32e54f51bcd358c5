package io.gatewaylog.core.internal.sanitize;

import static io.gatewaylog.core.internal.sanitize.TokenRuns.ALNUM;
import static io.gatewaylog.core.internal.sanitize.TokenRuns.BASE64;
import static io.gatewaylog.core.internal.sanitize.TokenRuns.DOTTED;
import static io.gatewaylog.core.internal.sanitize.TokenRuns.HEX;
import static io.gatewaylog.core.internal.sanitize.TokenRuns.TOKEN;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Vendor credentials with a documented prefix, looked up by the first letter of a word. The table is
 * ordered so that a longer prefix is tried before a shorter one that it extends ({@code sk-proj-} before
 * {@code sk-}). Each lookup compares a few prefixes and reads the body through {@link TokenRuns}, so a
 * text full of near misses costs no more than one pass.
 */
final class VendorTokens {
    private static final Rule V = Rule.VENDOR_TOKEN;
    private static final List<TokenFormat> FORMATS = List.of(
            // GitHub: "Behind GitHub's new authentication token formats" (github.blog, 2021)
            TokenFormat.of("github_pat_", TOKEN, 20, 255, "[github-token]", Rule.GITHUB_TOKEN),
            TokenFormat.of("ghp_", ALNUM, 30, 255, "[github-token]", Rule.GITHUB_TOKEN),
            TokenFormat.of("gho_", ALNUM, 30, 255, "[github-token]", Rule.GITHUB_TOKEN),
            TokenFormat.of("ghu_", ALNUM, 30, 255, "[github-token]", Rule.GITHUB_TOKEN),
            TokenFormat.of("ghs_", ALNUM, 30, 255, "[github-token]", Rule.GITHUB_TOKEN),
            TokenFormat.of("ghr_", ALNUM, 30, 255, "[github-token]", Rule.GITHUB_TOKEN),
            // GitLab: docs.gitlab.com "Token prefixes"
            TokenFormat.of("glpat-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("gldt-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("glrt-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("glptt-", HEX, 40, 40, "[gitlab-token]", V),
            TokenFormat.of("glcbt-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("glsoat-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("glimt-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("glft-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("gloas-", DOTTED, 20, 300, "[gitlab-token]", V),
            TokenFormat.of("GR1348941", TOKEN, 20, 60, "[gitlab-token]", V),
            // Grafana: grafana.com docs "Service accounts" / Grafana Cloud access policies
            TokenFormat.of("glsa_", TOKEN, 32, 64, "[grafana-token]", V),
            TokenFormat.of("glc_", BASE64, 32, 400, "[grafana-token]", V),
            // Slack: api.slack.com "Token types"
            TokenFormat.of("xoxa-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxb-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxp-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxo-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxs-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxr-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxe-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xoxe.xoxp-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            TokenFormat.of("xapp-", TOKEN, 10, 255, "[slack-token]", Rule.SLACK_TOKEN),
            // Stripe: docs.stripe.com "API keys"
            TokenFormat.of("sk_live_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            TokenFormat.of("sk_test_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            TokenFormat.of("rk_live_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            TokenFormat.of("rk_test_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            TokenFormat.of("pk_live_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            TokenFormat.of("pk_test_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            TokenFormat.of("whsec_", ALNUM, 10, 255, "[stripe-key]", Rule.STRIPE_KEY),
            // Anthropic and OpenAI: the prefixes their consoles issue (gitleaks rules anthropic-api-key,
            // openai-api-key); legacy OpenAI keys are "sk-" and 48 letters and digits
            TokenFormat.of("sk-ant-", TOKEN, 80, 140, "[anthropic-key]", V),
            TokenFormat.of("sk-proj-", TOKEN, 40, 300, "[openai-key]", V),
            TokenFormat.of("sk-svcacct-", TOKEN, 40, 300, "[openai-key]", V),
            TokenFormat.of("sk-admin-", TOKEN, 40, 300, "[openai-key]", V),
            TokenFormat.of("sk-", ALNUM, 48, 48, "[openai-key]", V),
            // Shopify: shopify.dev "Access tokens"
            TokenFormat.of("shpat_", HEX, 32, 32, "[shopify-token]", V),
            TokenFormat.of("shpca_", HEX, 32, 32, "[shopify-token]", V),
            TokenFormat.of("shppa_", HEX, 32, 32, "[shopify-token]", V),
            TokenFormat.of("shpss_", HEX, 32, 32, "[shopify-token]", V),
            // Square: developer.squareup.com "Access tokens"
            TokenFormat.of("sq0atp-", TOKEN, 22, 60, "[square-token]", V),
            TokenFormat.of("sq0csp-", TOKEN, 22, 60, "[square-token]", V),
            TokenFormat.of("EAAA", TOKEN, 56, 60, "[square-token]", V),
            // Sentry: docs.sentry.io "Auth tokens"
            TokenFormat.of("sntrys_", BASE64, 50, 600, "[sentry-token]", V),
            TokenFormat.of("sntryu_", HEX, 64, 64, "[sentry-token]", V),
            // SendGrid: "SG." + 22 + "." + 43 (docs.sendgrid.com "API keys")
            TokenFormat.of("SG.", DOTTED, 60, 70, "[sendgrid-key]", V),
            // Twilio API key SIDs: "SK" + 32 hex (twilio.com docs "API keys")
            TokenFormat.of("SK", HEX, 32, 32, "[twilio-key]", V),
            // npm: "npm_" + 36 (github.blog "npm access tokens", 2021)
            TokenFormat.of("npm_", ALNUM, 36, 36, "[npm-token]", V),
            // Docker Hub personal access tokens
            TokenFormat.of("dckr_pat_", TOKEN, 20, 100, "[docker-token]", V),
            // DigitalOcean: "dop_v1_" / "doo_v1_" / "dor_v1_" + 64 hex
            TokenFormat.of("dop_v1_", HEX, 64, 64, "[digitalocean-token]", V),
            TokenFormat.of("doo_v1_", HEX, 64, 64, "[digitalocean-token]", V),
            TokenFormat.of("dor_v1_", HEX, 64, 64, "[digitalocean-token]", V),
            // Databricks personal access tokens: "dapi" + 32 hex
            TokenFormat.of("dapi", HEX, 32, 32, "[databricks-token]", V),
            // Doppler: "dp.pt." + 43
            TokenFormat.of("dp.pt.", ALNUM, 40, 50, "[doppler-token]", V),
            TokenFormat.of("dp.st.", DOTTED, 40, 80, "[doppler-token]", V),
            // Hugging Face user access tokens: "hf_" + 34 letters
            TokenFormat.of("hf_", ALNUM, 30, 40, "[huggingface-token]", V),
            // HashiCorp Vault service and batch tokens
            TokenFormat.of("hvs.", TOKEN, 90, 200, "[vault-token]", V),
            TokenFormat.of("hvb.", TOKEN, 90, 300, "[vault-token]", V),
            // Postman API keys "PMAK-" + 24 hex + "-" + 34 hex
            TokenFormat.of("PMAK-", TOKEN, 55, 65, "[postman-key]", V),
            // Linear API keys
            TokenFormat.of("lin_api_", ALNUM, 40, 40, "[linear-key]", V),
            // New Relic user API keys
            TokenFormat.of("NRAK-", ALNUM, 27, 27, "[newrelic-key]", V),
            // Atlassian API tokens
            TokenFormat.of("ATATT3", DOTTED, 150, 250, "[atlassian-token]", V),
            // Heroku API keys (2024 format)
            TokenFormat.of("HRKU-", TOKEN, 30, 80, "[heroku-key]", V),
            // PyPI upload tokens: a macaroon whose base64 starts with the encoded "pypi.org"
            TokenFormat.of("pypi-AgEIcHlwaS5vcmc", TOKEN, 50, 1000, "[pypi-token]", V),
            // Notion integration tokens: "ntn_" + 46 (gitleaks rule notion-api-token)
            TokenFormat.of("ntn_", ALNUM, 46, 46, "[notion-token]", V),
            // Pulumi access tokens: "pul-" + 40 hex
            TokenFormat.of("pul-", HEX, 40, 40, "[pulumi-token]", V),
            // Mailgun private API keys: "key-" + 32 hex
            TokenFormat.of("key-", HEX, 32, 32, "[mailgun-key]", V),
            // age encryption secret keys (age-encryption.org/v1), Bech32 upper case
            TokenFormat.of("AGE-SECRET-KEY-1", ALNUM, 58, 58, "[age-key]", V),
            // Google: cloud.google.com "API keys", OAuth access tokens, OAuth client secrets
            TokenFormat.of("AIza", TOKEN, 30, 60, "[google-key]", Rule.GOOGLE_KEY),
            TokenFormat.of("ya29.", TOKEN, 20, 4096, "[google-key]", Rule.GOOGLE_KEY),
            TokenFormat.of("GOCSPX-", TOKEN, 20, 60, "[google-key]", Rule.GOOGLE_KEY),
            // AWS STS session tokens: base64 that starts with the encoded service header
            TokenFormat.of("FwoGZXIvYXdz", BASE64, 100, 4096, "[aws-session-token]", Rule.AWS_SECRET),
            TokenFormat.of("IQoJb3JpZ2lu", BASE64, 100, 4096, "[aws-session-token]", Rule.AWS_SECRET));

    /** The masks of all formats. */
    static Set<String> masks() {
        Set<String> out = new LinkedHashSet<>();
        for (TokenFormat f : FORMATS) {
            out.add(f.mask());
        }
        return out;
    }

    /** Formats by the first character of their prefix (ASCII only). */
    private static final TokenFormat[][] BY_FIRST = index();
    /** Whether some prefix starts with the two ASCII characters (c0 << 7 | c1). */
    private static final boolean[] FIRST_TWO = firstTwo();

    private VendorTokens() {}

    /** Whether some format starts with the two characters at i: a cheap test before {@link #find}. */
    static boolean mayStart(String s, int i) {
        char c = s.charAt(i);
        if (c >= 128 || i + 1 >= s.length()) {
            return false;
        }
        char c1 = s.charAt(i + 1);
        return c1 < 128 && FIRST_TWO[c << 7 | c1];
    }

    /**
     * The token at the word start i, or {@link Chars#NONE}; the format found is left in
     * {@link TokenRuns#found}. Only formats whose rule is on are tried.
     */
    static long find(String s, int i, boolean[] on, TokenRuns runs) {
        for (TokenFormat f : BY_FIRST[s.charAt(i)]) {
            if (!on[f.rule().ordinal()] || !s.startsWith(f.prefix(), i)) {
                continue;
            }
            ScanSteps.add(f.prefix().length());
            int body = i + f.prefix().length();
            int run = runs.end(f.cls(), body);
            int e = trimPunctuation(s, body, run);
            int len = e - body;
            if (len >= f.min() && len <= f.max() && !Chars.alnumAt(s, run)) {
                runs.found = f;
                return Chars.match(i, e);
            }
        }
        return Chars.NONE;
    }

    /** A token at the end of a sentence: the full stop (or a dash) is not part of it. */
    private static int trimPunctuation(String s, int body, int e) {
        int limit = Math.max(body, e - 3);
        while (e > limit && (s.charAt(e - 1) == '.' || s.charAt(e - 1) == '-')) {
            e--;
        }
        return e;
    }

    private static boolean[] firstTwo() {
        boolean[] out = new boolean[128 * 128];
        for (TokenFormat f : FORMATS) {
            out[f.prefix().charAt(0) << 7 | f.prefix().charAt(1)] = true;
        }
        return out;
    }

    private static TokenFormat[][] index() {
        List<List<TokenFormat>> lists = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            lists.add(new ArrayList<>());
        }
        for (TokenFormat f : FORMATS) {
            lists.get(f.prefix().charAt(0)).add(f);
        }
        TokenFormat[][] out = new TokenFormat[128][];
        for (int c = 0; c < 128; c++) {
            out[c] = lists.get(c).toArray(new TokenFormat[0]);
        }
        return out;
    }
}
