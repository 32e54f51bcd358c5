package io.gatewaylog.core.internal.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text formats gateways really log (issue 12), one example each: what goes in and exactly what comes
 * out. The corpora test the same formats in many variations; these cases pin the masks and what is kept.
 */
class SanitizerTextFormatsTest {
    private final Sanitizer sanitizer = Sanitizer.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {password=[hunter2], Authorization=[Bearer abc123def456ghi789]} | {password=[[secret]], Authorization=[Bearer [token]]}
            {username=[bob], pwd=[x9!kQ], grant_type=[password]}            | {username=[bob], pwd=[[secret]], grant_type=[password]}
            "password":["s3cr3t","old"]                                    | "password":["[secret]"]
            Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef    | Ocp-Apim-Subscription-Key: [secret]
            java -jar gw.jar --db-password=Sup3r --port 8443               | java -jar gw.jar --db-password=[secret] --port 8443
            gw --password Sup3r! --verbose                                 | gw --password [secret] --verbose
            -Djavax.net.ssl.keyStorePassword=changeit -Xmx2g               | -Djavax.net.ssl.keyStorePassword=[secret] -Xmx2g
            curl -u deploy:S8rluXZr https://repo.example.net               | curl -u deploy:[secret] https://repo.example.net
            mysql -u root -pEJ~8Zosze4 gateway                             | mysql -u root -p[secret] gateway
            user[password]=hunter2&remember=1                              | user[password]=[secret]&remember=1
            user%5Bpassword%5D=hunter2&remember=1                          | user%5Bpassword%5D=[secret]&remember=1
            body={\\"password\\":\\"hunter2\\"}                            | body={\\"password\\":\\"[secret]\\"}
            body={\\\\\\"password\\\\\\":\\\\\\"hunter2\\\\\\"}            | body={\\\\\\"password\\\\\\":\\\\\\"[secret]\\\\\\"}
            password\t=\thunter2                                           | password\t=\t[secret]
            password   :   hunter2                                         | password   :   [secret]
            password\u00A0=\u00A0hunter2x9 (pasted from a chat)             | password\u00A0=\u00A0[secret] (pasted from a chat)
            redirect=https%3A%2F%2Fapp%2Fcb%3Faccess_token%3Dabc123%26state%3Dxyz | redirect=https%3A%2F%2Fapp%2Fcb%3Faccess_token%3D[secret]%26state%3Dxyz
            to=alice%40example.com                                         | to=[email]
            pass=hunter2 pw=hunter2 passwd=hunter2 secret=x auth=abc123def | pass=[secret] pw=[secret] passwd=[secret] secret=[secret] auth=[token]
            signature=3f1a9b x-api-key=k1 X-Goog-Api-Key=k2                | signature=[secret] x-api-key=[secret] X-Goog-Api-Key=[secret]
            Server=db;User Id=sa;Password=Pa55;Pwd={a;b}                   | Server=db;User Id=sa;Password=[secret];Pwd={[secret]}
            AccountName=gw;AccountKey=bXlrZXk+/abc==;EndpointSuffix=core.windows.net | AccountName=gw;AccountKey=[secret];EndpointSuffix=core.windows.net
            Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc+def= | Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=[secret]
            https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=abc%2Bdef%3D&se=2025 | https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=[secret]&se=2025
            jdbc:postgresql://db:5432/gw?user=gw&password=Pa55              | jdbc:postgresql://db:5432/gw?user=gw&password=[secret]
            mongodb+srv://gw:Pa55word@cluster0.example.net/db               | mongodb+srv://gw:[secret]@cluster0.example.net/db
            redis://:Pa55word@cache:6379/0                                  | redis://:[secret]@cache:6379/0
            amqps://gw:Pa55word@mq.internal/vhost                           | amqps://gw:[secret]@mq.internal/vhost
            Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/s3/aws4_request, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024 | Credential=[secret], Signature=[secret]
            X-Amz-Security-Token=FwoGZXIvYXdzEBYaDK                         | X-Amz-Security-Token=[secret]
            id_token eyJhbGciOiJub25lIn0.e30. accepted                       | id_token [jwt] accepted
            t=eyJhbGciOiJIUzI1NiJ9.e30.sig_x-1 ok                            | t=[jwt] ok
            card 4111 1111 1111 1111 ok                                      | card [card:****1111] ok
            card 4111  1111  1111  1111 ok                                   | card [card:****1111] ok
            card 4111.1111.1111.1111 ok                                      | card [card:****1111] ok
            card 4111_1111_1111_1111 ok                                      | card [card:****1111] ok
            card 41111111 11111111 ok                                        | card [card:****1111] ok
            card-4111111111111111 pan.5500000000000004                       | card-[card:****1111] pan.[card:****0004]
            iban DE89-3704-0044-0532-0130-00 ok                              | iban [iban] ok
            mail jörg@bücher.de and user@xn--bcher-kva.de                    | mail [email] and [email]
            Authorization: dXNlcjpwYXNzd29yZA==                              | Authorization: [credentials]
            auth=dXNlcjpwYXNzd29yZA==                                        | auth=[credentials]
            <wsse:Password Type="x#PasswordText">Pa55</wsse:Password>        | <wsse:Password Type="x#PasswordText">[secret]</wsse:Password>
            DNI 70869358X on file                                            | DNI [national-id] on file
            """)
    void masks(String in, String expected) {
        assertThat(sanitizer.sanitizeText(unescape(in))).isEqualTo(unescape(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
                "github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz0123456789",
                "glpat-xxxxxxxxxxxxxxxxxxxx",
                "npm_abcdefghijklmnopqrstuvwxyz0123456789",
                "xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx",
                "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
                "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",
                "sk-proj-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-abcdefghij",
                "sk-abcdefghijklmnopqrstT3BlbkFJabcdefghijklmnopqrst",
                "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
                "AKIAIOSFODNN7EXAMPLE",
                "SK0123456789abcdef0123456789abcdef",
                "abc1Q~abcdefghijklmnopqrstuvwxyz012345",
                "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56wAAAi4AAAA3aWYtbW9kbntzaWdu\n---- END SSH2 ENCRYPTED PRIVATE KEY ----",
                "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAIBt1\nPrivate-MAC: 0a1b2c3d4e5f"
            })
    void vendorTokensAndKeyBlocksAreMaskedWhole(String token) {
        String out = sanitizer.sanitizeText("using " + token + " now");
        assertThat(out).startsWith("using ").endsWith("] now").doesNotContain(token.substring(token.length() - 12));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{retry=[3], timeout=[30s], Accept=[*/*]}",
                "pass_through=true auth_method=oauth2 password_policy=strict",
                "feature flags: new_router=on, legacy_auth=off, pass_through_headers=on",
                "request_id=550e8400-e29b-41d4-a716-446655440000 trace 4bf92f3577b34da6a3ce929d0e0e4736",
                "sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 version 2.14.3-rc.1",
                "java -jar gw.jar --port 8443 --threads 8 --config /etc/gw/app.yml -Xmx2g -Dfile.encoding=UTF-8",
                "upstream node-3.gw.example.net:8443 returned 503 after 1500ms, size 200MB, retrying in 0.5s",
                "POST /api/v1/messages?limit=50&offset=100 200 5120 bytes",
                "docker run -p 8080:80 -u 1000 gw:2.14.3",
                "gcc -pthread -pedantic -O2",
                "Bearer token missing in request",
                "epoch=1700955139711 order=4415422928547197 port 42861"
            })
    void ordinaryGatewayDataIsKept(String text) {
        assertThat(sanitizer.sanitizeText(text)).isSameAs(text);
    }

    private static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\u00A0", "\u00A0");
    }
}
