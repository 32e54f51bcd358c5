#!/usr/bin/env python3
"""Generates corpus2.jsonl: the second, independent sanitization corpus (issue 12, "Corpus").

Every secret here is built from a PUBLIC description of its format (the source is recorded per case),
never from the sanitizer's code. All values are random, made here from a fixed seed: no real key and no
scanner's own test string is copied. Card numbers are Luhn-valid with real issuer prefixes, IBANs carry
valid ISO 7064 mod-97 check digits, national ids carry their checksums, JWTs are base64url JSON.

Run:  python3 generate_corpus2.py > corpus2.jsonl   (deterministic; edit and re-run to extend)

One JSON object per line:
  id        unique, stable
  kind      "secret" (none of `secrets` may appear in the encoded record) or "benign" (must come back unchanged)
  category  what kind of data (failures are reported per category)
  position  where the test puts `input`: message | field | nested | key | exception | cause | suppressed | deep
            or "fields": the test logs the JSON object `fields` as the record's fields
  input     the text (absent for position "fields")
  fields    the fields object (position "fields" only)
  secrets   the substrings that must not appear in the output (secret cases)
  source    where the format is publicly described
"""
import base64
import json
import random
import string
import sys
import zlib

R = random.Random(20261201)
ALNUM = string.ascii_letters + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
B32 = string.ascii_uppercase + "234567"

SRC_GITLEAKS = "gitleaks config/gitleaks.toml rule "
SRC_TH = "trufflehog pkg/detectors/"

cases = []
counters = {}


def rs(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def pw(n=None):
    """A password: letters, digits and a few symbols, never a dictionary word, never ending in a symbol."""
    n = n or R.randint(10, 16)
    while True:
        core = rs(ALNUM + "!*_-~", n - 1) + R.choice(ALNUM)
        if any(c.isdigit() for c in core) and any(c.isalpha() for c in core):
            return core


def b64(nbytes):
    return base64.b64encode(bytes(R.getrandbits(8) for _ in range(nbytes))).decode()


def b64url(nbytes):
    return base64.urlsafe_b64encode(bytes(R.getrandbits(8) for _ in range(nbytes))).decode().rstrip("=")


def b64url_json(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def b64url_text(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def uuid4():
    h = rs(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:]}"


def hexs(n):
    return rs(HEX, n)


POSITIONS = ["message", "field", "nested", "exception", "cause", "suppressed", "deep"]
_pos_i = [0]


def next_pos(allowed=None):
    allowed = allowed or POSITIONS
    p = allowed[_pos_i[0] % len(allowed)]
    _pos_i[0] += 1
    return p


def add(kind, category, input_text, secrets=(), source="", position=None, fields=None):
    counters[category] = counters.get(category, 0) + 1
    prefix = "S" if kind == "secret" else "B"
    cid = f"{prefix}-{category}-{counters[category]:03d}"
    c = {"id": cid, "kind": kind, "category": category}
    if fields is not None:
        c["position"] = "fields"
        c["fields"] = fields
    else:
        c["position"] = position or next_pos()
        c["input"] = input_text
    if kind == "secret":
        secrets = [s for s in secrets if s]
        assert secrets, cid
        if fields is None:
            # the first secret is as written; later ones may be derived forms (a card's bare digits)
            assert secrets[0] in input_text, (cid, secrets[0], input_text)
        c["secrets"] = list(dict.fromkeys(secrets))
    c["source"] = source
    cases.append(c)
    return c


def secret(category, text, secrets, source, position=None):
    return add("secret", category, text, secrets, source, position)


def secret_fields(category, fields, secrets, source):
    return add("secret", category, None, secrets, source, fields=fields)


def benign(category, text, position=None):
    return add("benign", category, text, (), "ordinary gateway data", position)


def benign_fields(category, fields):
    return add("benign", category, None, (), "ordinary gateway data", fields=fields)


# ---------------------------------------------------------------- checksums
def luhn_complete(partial):
    digits = [int(d) for d in partial]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


def luhn_ok(num):
    total = 0
    for i, d in enumerate(reversed([int(c) for c in num])):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card(prefix, length):
    body = prefix + rs(string.digits, length - len(prefix) - 1)
    n = luhn_complete(body)
    assert luhn_ok(n) and len(n) == length
    return n


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return f"{98 - int(num) % 97:02d}"


def iban_valid(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


# ---------------------------------------------------------------- vendor token makers
def base62(n, width):
    chars = string.digits + string.ascii_uppercase + string.ascii_lowercase
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = chars[r] + out
    return out.rjust(width, "0")


def github_token(prefix):
    # 30 random base62 chars + 6-char base62 CRC32 checksum (GitHub's published token format, 2021)
    body = rs(ALNUM, 30)
    return f"{prefix}_{body}{base62(zlib.crc32(body.encode()) & 0xffffffff, 6)}"


def github_pat_fine():
    return "github_pat_" + rs(ALNUM, 22) + "_" + rs(ALNUM, 59)


def jwt(header=None, payload=None, sig_bytes=32, spaced_header=False):
    header = header or {"alg": "HS256", "typ": "JWT"}
    if spaced_header:
        h = base64.urlsafe_b64encode(('{ "alg": "%s", "typ": "JWT" }' % header["alg"]).encode()).decode().rstrip("=")
    else:
        h = b64url_json(header)
    if payload is None:
        payload = {"sub": f"user_{R.randint(1000, 99999)}", "iat": 1717000000 + R.randint(0, 9999999),
                   "exp": 1718000000 + R.randint(0, 9999999), "scope": "messages:write"}
    p = payload if isinstance(payload, str) else b64url_json(payload)
    s = b64url(sig_bytes) if sig_bytes else ""
    return f"{h}.{p}.{s}", s


def ssn():
    while True:
        area = R.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"


def cpf():
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        s = sum(v * w for v, w in zip(d, range(n, 1, -1)))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def dni():
    n = R.randint(10000000, 99999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def nie():
    p = R.choice("XYZ")
    n = R.randint(1000000, 9999999)
    v = int(str("XYZ".index(p)) + f"{n:07d}")
    return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[v % 23]}"


VERHOEFF_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
              [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
              [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
              [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
              [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
              [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def aadhaar():
    body = str(R.randint(2, 9)) + rs(string.digits, 10)
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
    n = body + str(VERHOEFF_INV[c])
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def personnummer():
    y, m, d = R.randint(50, 99), R.randint(1, 12), R.randint(1, 28)
    nine = f"{y:02d}{m:02d}{d:02d}{R.randint(100, 999)}"
    full = luhn_complete(nine)
    return f"{full[:6]}-{full[6:]}"


def hetu():
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.randint(50, 99)
    nnn = R.randint(2, 899)
    n = int(f"{d:02d}{m:02d}{y:02d}{nnn:03d}")
    return f"{d:02d}{m:02d}{y:02d}-{nnn:03d}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[n % 31]}"


def pesel():
    y, m, d = R.randint(50, 99), R.randint(1, 12), R.randint(1, 28)
    ten = f"{y:02d}{m:02d}{d:02d}{R.randint(0, 9999):04d}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = sum(int(c) * x for c, x in zip(ten, w))
    return ten + str((10 - s % 10) % 10)


def sin_ca():
    n = luhn_complete(str(R.choice([1, 2, 3, 4, 5, 6, 7, 9])) + rs(string.digits, 7))
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def bsn():
    while True:
        d = [R.randint(0, 9) for _ in range(8)]
        s = sum(v * w for v, w in zip(d, range(9, 1, -1)))
        last = s % 11
        if last < 10 and d[0] != 0:
            return "".join(map(str, d)) + str(last)


def nino():
    first_ok = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
    second_ok = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]
    while True:
        p = R.choice(first_ok) + R.choice(second_ok)
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    digits = rs(string.digits, 6)
    return p, digits, R.choice("ABCD")


def cn_resident_id():
    region = R.choice(["110101", "310104", "440305", "510107"])
    birth = f"19{R.randint(60, 99)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
    seq = f"{R.randint(0, 999):03d}"
    body = region + birth + seq
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * x for c, x in zip(body, w))
    return body + "10X98765432"[s % 11]


# ================================================================= SECRET CASES
P_KV_SRC = "common key=value / properties / YAML syntax"

# ---- 1. multi-valued map and HTTP header map toString
src_mv = "java.util.AbstractMap#toString of Map<String,List<String>> (Servlet/JAX-RS/Spring MultiValueMap, java.net.http.HttpHeaders#map)"
for i in range(8):
    p = pw()
    secret("header-map", f"{{username=[bob{i}], password=[{p}], grant_type=[password]}}", [p], src_mv)
for i in range(8):
    tok = b64url(24)
    secret("header-map", f"{{Accept=[application/json], Authorization=[Bearer {tok}], X-Request-Id=[{uuid4()}]}}", [tok], src_mv)
for i in range(4):
    tok = b64url(30)
    secret("header-map", f"java.net.http.HttpHeaders@{hexs(7)} {{ {{authorization=[Bearer {tok}], content-type=[application/json]}} }}", [tok],
           "java.net.http.HttpHeaders#toString (JDK 11+)")
for i in range(4):
    tok = b64url(24)
    secret("header-map", f"[Accept:\"application/json\", Authorization:\"Bearer {tok}\", Content-Length:\"512\"]", [tok],
           "org.springframework.http.HttpHeaders#toString")
for i in range(4):
    tok = b64url(24)
    secret("header-map", f"DefaultHttpHeaders[Host: api.example.net, Authorization: Bearer {tok}, Accept: */*]", [tok],
           "io.netty.handler.codec.http.DefaultHttpHeaders#toString")
for i in range(3):
    k = hexs(32)
    secret("header-map", f"{{Ocp-Apim-Subscription-Key=[{k}], Accept=[*/*]}}", [k],
           "Azure API Management subscription key header; " + SRC_TH + "azureapimanagementsubscriptionkey")
for i in range(3):
    k = rs(ALNUM, 40)
    secret("header-map", f"{{X-Api-Key=[{k}], User-Agent=[okhttp/4.12.0]}}", [k], "X-Api-Key header convention")
for i in range(3):
    sid = rs(ALNUM, 32)
    secret("header-map", f"{{Cookie=[SESSION={sid}; theme=dark], Accept-Language=[en-GB]}}", [sid], "RFC 6265 Cookie header")
for i in range(3):
    c = b64(24)
    secret("header-map", f"{{Proxy-Authorization=[Basic {c}], Via=[1.1 edge-proxy]}}", [c], "RFC 7235 Proxy-Authorization")
for i in range(3):
    p, q = pw(), pw()
    secret("header-map", f"{{pwd=[{p}], passwd=[{q}], user=[svc_batch]}}", [p, q], src_mv)
for i in range(3):
    t = b64url(20)
    secret("header-map", f"Authorization: Bearer {t}\nHost: api.example.net\nAccept: application/json\n", [t],
           "okhttp3.Headers#toString (one header per line)")

# ---- 2. JSON arrays / objects under sensitive keys
src_json = "RFC 8259 JSON; OAuth 2.0 token response RFC 6749 5.1"
for i in range(6):
    p = pw()
    secret("json-array", f'{{"user":"bob{i}","password":["{p}"]}}', [p], src_json)
for i in range(4):
    a, b = pw(), pw()
    secret("json-array", f'{{"api_keys": ["{a}", "{b}"], "count": 2}}', [a, b], src_json)
for i in range(4):
    a = b64url(32)
    secret("json-array", f'{{"client_secret":[ "{a}" ],"client_id":"gw-{i}"}}', [a], src_json)
for i in range(4):
    at, rt = b64url(32), b64url(40)
    secret("json-array", f'{{"access_token":"{at}","token_type":"Bearer","expires_in":3600,"refresh_token":"{rt}"}}', [at, rt], src_json)
for i in range(3):
    p = pw()
    secret("json-array", f'{{"credentials":{{"username":"ops","password":"{p}"}}}}', [p], src_json)
for i in range(3):
    p = pw()
    secret("json-array", f'"secrets": [{{"name":"db","value":"{p}"}}]'.replace('"value":"' + p, '"password":"' + p), [p], src_json)

# ---- 3. command lines
src_cli = "GNU getopt long options; Java -D system properties (JSSE javax.net.ssl.*Password)"
for opt in ["--db-password", "--password", "--client-secret", "--api-key", "--token", "--secret", "--admin-pass",
            "--keystore-password", "--proxy-password", "--auth-token"]:
    p = pw()
    secret("cli", f"exec /opt/gateway/bin/gateway {opt}={p} --port 8443", [p], src_cli)
    q = pw()
    secret("cli", f"spawned: migrate {opt} {q} --verbose", [q], src_cli)
for prop in ["javax.net.ssl.keyStorePassword", "javax.net.ssl.trustStorePassword", "spring.datasource.password",
             "kafka.ssl.key.password", "db.pass"]:
    p = pw()
    secret("cli", f"java -Xmx2g -D{prop}={p} -jar gateway.jar", [p], src_cli)
for i in range(3):
    p = pw()
    secret("cli", f"curl -s -u deploy:{p} https://repo.example.net/api/upload", [p], "curl(1) -u user:password")
for i in range(3):
    t = b64url(24)
    secret("cli", f"curl -H \"Authorization: Bearer {t}\" https://api.example.net/v1/messages", [t], "curl(1) -H")
for i in range(2):
    p = pw()
    secret("cli", f"PGPASSWORD={p} psql -h db.internal -U gateway", [p], "libpq PGPASSWORD environment variable")
for i in range(2):
    p = pw()
    secret("cli", f"env: DB_PASSWORD={p} DB_USER=gateway HOME=/home/gw", [p], "twelve-factor environment variables")
for i in range(2):
    p = pw()
    secret("cli", f"docker login --username ci --password {p} registry.example.net", [p], "docker login(1)")
for i in range(2):
    p = pw()
    secret("cli", f"helm upgrade gw ./chart --set auth.password={p} --set replicas=3", [p], "helm --set")
for i in range(2):
    p = pw()
    secret("cli-tool-p", f"mysql -h db.internal -u root -p{p} gateway", [p], "mysql(1) -pPASSWORD (optional in issue)")
    q = pw()
    secret("cli-tool-p", f"sshpass -p {q} ssh ops@bastion.internal", [q], "sshpass(1) -p (optional in issue)")

# ---- 4. form and bracket keys
src_form = "application/x-www-form-urlencoded (WHATWG URL); Rails/PHP bracket parameter names"
for key in ["user[password]", "account[password_confirmation]", "credentials[secret]", "params[api_key]",
            "password[]", "data.password", "auth[token]", "client[secret]"]:
    p = pw()
    secret("form-bracket", f"POST /login body: {key}={p}&remember_me=1", [p], src_form)
for i in range(4):
    p = pw()
    secret("form-bracket", f"grant_type=password&username=alice{i}&password={p}&scope=openid", [p], "RFC 6749 4.3 password grant form")
for i in range(4):
    s = b64url(32)
    secret("form-bracket", f"grant_type=client_credentials&client_id=gw-{i}&client_secret={s}", [s], "RFC 6749 2.3.1 client_secret form")
for i in range(3):
    p = pw()
    secret("form-bracket", f"user%5Bpassword%5D={p}&commit=Sign+in", [p], src_form)

# ---- 5. escaped and double-escaped JSON in strings
src_esc = "JSON string escaping (RFC 8259 section 7) applied once or twice"
for i in range(6):
    p = pw()
    secret("escaped-json", '{\\"user\\":\\"bob\\",\\"password\\":\\"' + p + '\\"}', [p], src_esc)
for i in range(6):
    p = pw()
    secret("escaped-json", 'payload="{\\\\\\"password\\\\\\":\\\\\\"' + p + '\\\\\\"}"', [p], src_esc)
for i in range(3):
    t = b64url(28)
    secret("escaped-json", '{\\"headers\\":{\\"Authorization\\":\\"Bearer ' + t + '\\"}}', [t], src_esc)
for i in range(3):
    s = pw()
    secret("escaped-json", '{\\u0022client_secret\\u0022:\\u0022' + s + '\\u0022}', [s], "JSON \\u0022 escaping")

# ---- 6. whitespace around = and :
for sep in [" = ", "\t=\t", "   :   ", ":\t", " =", "=  ", "\t:", "  =  "]:
    p = pw()
    secret("whitespace-kv", f"config loaded: password{sep}{p}", [p], P_KV_SRC)
for sep in [" : ", ":  ", "\t: "]:
    p = pw()
    secret("whitespace-kv", f'{{"password"{sep}"{p}"}}', [p], src_json)
for i in range(3):
    p = pw()
    secret("whitespace-kv", f"spring:\n  datasource:\n    password:  {p}\n    username: gw", [p], "YAML 1.2 block mapping")

# ---- 7. URL-encoded text
src_url = "RFC 3986 percent-encoding"
for i in range(6):
    local = R.choice(["alice", "bob.smith", "j.doe", "ops-team", "billing"]) + str(R.randint(1, 99))
    e = f"{local}%40{R.choice(['example.com', 'mail.example.org', 'corp.example.net'])}"
    secret("url-encoded", f"GET /api/v1/users?email={e}&page=1", [e], src_url)
for i in range(5):
    t = b64url(24)
    secret("url-encoded", f"redirect=https%3A%2F%2Fapp.example.net%2Fcb%3Faccess_token%3D{t}%26state%3Dxyz{i}", [t], src_url + "; RFC 6749 4.2.2")
for i in range(4):
    p = pw()
    secret("url-encoded", f"q=%7B%22password%22%3A%22{p}%22%7D", [p], src_url)
for i in range(3):
    p = pw()
    secret("url-encoded", f"next=%2Flogin%3Fuser%3Dbob%26password%3D{p}", [p], src_url)
for i in range(2):
    t = b64url(24)
    secret("url-encoded", f"return_to=https%253A%252F%252Fapp%252Fcb%253Ftoken%253D{t}", [t], src_url + " (double-encoded)")

# ---- 8. short and vendor key words
for key in ["pass", "pw", "pwd", "passwd", "secret", "auth", "signature", "sig", "apikey", "api-key",
            "x-api-key", "access_key", "secret_key", "private_key", "client_secret", "session_token", "refresh_token",
            "id_token", "PRIVATE-TOKEN", "X-Auth-Token", "X-Vault-Token", "x-functions-key", "x-goog-api-key",
            "Ocp-Apim-Subscription-Key", "X-Subscription-Token", "x-amz-security-token", "subscription-key", "passphrase"]:
    v = pw(14) if key in ("pass", "pw", "pwd", "passwd", "passphrase") else rs(ALNUM, 32)
    secret("short-key", f"outbound {key}={v} host=api.example.net", [v], "vendor header / parameter names (Azure APIM, GitLab, Vault, Azure Functions, Google, AWS)")
    w = pw(14) if key in ("pass", "pw", "pwd", "passwd", "passphrase") else rs(ALNUM, 32)
    secret("short-key", f"{key}: {w}", [w], "HTTP header / YAML key")

# ---- 9. connection strings
def host():
    return R.choice(["db01.internal", "sql-prod.example.net", "10.0.4.17", "pg.eu-west-1.rds.amazonaws.com", "cache.internal"])

src_ado = "Microsoft ADO.NET SqlConnection.ConnectionString keywords (Password/Pwd)"
for i in range(5):
    p = pw()
    secret("connection-string", f"Server=tcp:{host()},1433;Initial Catalog=gateway;Persist Security Info=False;User ID=gw;Password={p};Encrypt=True;", [p], src_ado)
for i in range(3):
    p = pw()
    secret("connection-string", f"Data Source={host()};Database=gw;User Id=gw;pwd={p}", [p], src_ado)
for i in range(4):
    p = pw()
    secret("connection-string", f"Driver={{ODBC Driver 18 for SQL Server}};Server={host()};Database=gw;Uid=gw;Pwd={{{p}}};", [p], "ODBC connection string (SQLDriverConnect) Pwd={...}")
for i in range(5):
    k = b64(64)
    acct = rs(string.ascii_lowercase, 10)
    secret("connection-string", f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={k};EndpointSuffix=core.windows.net", [k],
           "Azure Storage connection string; " + SRC_TH + "azure_storage")
for i in range(4):
    k = b64(32)
    ns = rs(string.ascii_lowercase, 8)
    secret("connection-string", f"Endpoint=sb://{ns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={k}", [k],
           "Azure Service Bus / Event Hubs connection string")
for i in range(2):
    k = b64(32)
    secret("connection-string", f"HostName=hub-{i}.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={k}", [k], "Azure IoT Hub connection string")
for i in range(4):
    sig = b64(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    acct = rs(string.ascii_lowercase, 9)
    secret("connection-string", f"https://{acct}.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig={sig}", [sig],
           "Azure SAS token; " + SRC_TH + "azuresastoken")
for i in range(2):
    k = b64(64)
    secret("connection-string", f"AccountEndpoint=https://gw-{i}.documents.azure.com:443/;AccountKey={k};", [k], SRC_TH + "azure_cosmosdb")
for i in range(2):
    s = b64(32)
    secret("connection-string", f"Endpoint=https://gwcfg{i}.azconfig.io;Id={rs(ALNUM, 4)}-l0-s0:{rs(ALNUM, 16)};Secret={s}", [s], SRC_TH + "azureappconfigconnectionstring")
for i in range(2):
    p = b64(32)
    secret("connection-string", f"gw-cache-{i}.redis.cache.windows.net:6380,password={p},ssl=True,abortConnect=False", [p], SRC_TH + "redis (Azure Cache for Redis)")
url_src = "RFC 3986 userinfo; " + SRC_TH + "jdbc, mongodb, redis, postgres, uri"
for scheme, port, tail in [("jdbc:mysql://", 3306, "/gateway?useSSL=true"), ("jdbc:postgresql://", 5432, "/gateway"),
                           ("mongodb://", 27017, "/admin?authSource=admin"), ("mongodb+srv://", None, "/?retryWrites=true&w=majority"),
                           ("redis://", 6379, "/0"), ("rediss://", 6380, ""), ("amqp://", 5672, "/vhost"), ("amqps://", 5671, "/"),
                           ("postgres://", 5432, "/gw?sslmode=require"), ("postgresql://", 5432, "/gw"), ("mysql://", 3306, "/gw"),
                           ("https://", None, "/repository/maven-releases/"), ("ftp://", 21, "/upload"), ("smtp://", 587, "")]:
    for j in range(2):
        p = pw()
        user = R.choice(["gateway", "svc_gw", "admin", "default", "app"])
        hp = f"{host()}:{port}" if port else f"cluster{j}.{rs(LOWER_ALNUM, 5)}.mongodb.net" if "srv" in scheme else host()
        secret("connection-string", f"connecting to {scheme}{user}:{p}@{hp}{tail}", [p], url_src)
for i in range(3):
    p = pw()
    secret("connection-string", f"redis://:{p}@{host()}:6379", [p], url_src)
for i in range(3):
    p = pw()
    secret("connection-string", f"jdbc:postgresql://{host()}:5432/gw?user=gw&password={p}&ssl=true", [p], "PostgreSQL JDBC driver URL parameters")
for i in range(2):
    p = pw()
    secret("connection-string", f"jdbc:sqlserver://{host()}:1433;databaseName=gw;user=gw;password={p};encrypt=true", [p], "Microsoft JDBC driver for SQL Server URL")
for i in range(2):
    p = pw()
    secret("connection-string", f"jdbc:oracle:thin:gw/{p}@{host()}:1521/ORCLPDB1", [p], "Oracle JDBC thin user/password@host")
for i in range(2):
    p = pw()
    secret("connection-string", f"host={host()} port=5432 dbname=gw user=gw password={p} sslmode=verify-full", [p], "libpq keyword/value connection string")
for i in range(2):
    p = pw()
    secret("connection-string", f"host={host()} port=5432 dbname=gw user=gw password='{p}'", [p], "libpq keyword/value connection string (quoted)")

# ---- 10. AWS
src_aws = "AWS IAM identifiers (unique ID prefixes) and Signature Version 4 docs; " + SRC_GITLEAKS + "aws-access-token"
for i in range(6):
    akid = R.choice(["AKIA", "ASIA"]) + rs(B32, 16)
    sig = hexs(64)
    secret("aws", f"Authorization: AWS4-HMAC-SHA256 Credential={akid}/20241201/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={sig}", [sig, akid], src_aws)
for i in range(4):
    akid = "ASIA" + rs(B32, 16)
    tok = "IQoJb3JpZ2luX2Vj" + b64(300)
    sig = hexs(64)
    secret("aws", f"GET https://gw-bucket.s3.eu-west-1.amazonaws.com/a.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={akid}%2F20241201%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20241201T120000Z&X-Amz-Expires=900&X-Amz-Security-Token={tok.replace('+', '%2B').replace('/', '%2F').replace('=', '%3D')}&X-Amz-SignedHeaders=host&X-Amz-Signature={sig}",
           [sig, akid, tok[:40].replace('+', '%2B').replace('/', '%2F')], "AWS SigV4 query-string (presigned URL) auth")
for i in range(6):
    sk = rs(ALNUM + "+/", 40)
    secret("aws", f"aws_secret_access_key = {sk}", [sk], "AWS CLI credentials file format")
for i in range(4):
    akid = "AKIA" + rs(B32, 16)
    secret("aws", f"using access key {akid} for s3 upload", [akid], src_aws)
for i in range(3):
    tok = "FwoGZXIvYXdzE" + b64(220)
    secret("aws", f'{{"Credentials":{{"AccessKeyId":"ASIA{rs(B32, 16)}","SessionToken":"{tok}","Expiration":"2024-12-01T13:00:00Z"}}}}', [tok], "AWS STS AssumeRole response; " + SRC_TH + "aws/session_keys")
for i in range(3):
    tok = "IQoJb3JpZ2luX2Vj" + b64(260)
    secret("aws", f"AWS_SESSION_TOKEN={tok}", [tok], "AWS CLI environment variables")
for i in range(3):
    sk = rs(ALNUM + "+/", 40)
    secret("aws", f"{{\"aws_access_key_id\": \"AKIA{rs(B32, 16)}\", \"aws_secret_access_key\": \"{sk}\"}}", [sk], "AWS SDK shared credentials")

# ---- 11. private keys
def pem_body(nbytes, width=64):
    data = b64(nbytes)
    return [data[i:i + width] for i in range(0, len(data), width)]

pem_src = "RFC 7468 textual encoding (PEM); " + SRC_GITLEAKS + "private-key"
for label in ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY"]:
    for nl in ["\n", "\\n", "\r\n"]:
        lines = pem_body(R.choice([180, 260, 400]))
        text = f"-----BEGIN {label}-----{nl}" + nl.join(lines) + f"{nl}-----END {label}-----"
        secret("private-key", f"loaded key material: {text}", [l for l in lines if len(l) >= 16], pem_src)
for nl in ["\n", "\\n"]:
    for j in range(2):
        body = base64.b64encode(b"openssh-key-v1\x00" + bytes(R.getrandbits(8) for _ in range(300))).decode()
        lines = [body[i:i + 70] for i in range(0, len(body), 70)]
        text = f"-----BEGIN OPENSSH PRIVATE KEY-----{nl}" + nl.join(lines) + f"{nl}-----END OPENSSH PRIVATE KEY-----"
        secret("private-key", text, [l for l in lines if len(l) >= 16], "OpenSSH PROTOCOL.key (openssh-key-v1)")
for j in range(3):
    lines = pem_body(300, 70)
    text = ("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-2024\"\n" + "\n".join(lines) +
            "\n---- END SSH2 ENCRYPTED PRIVATE KEY ----")
    secret("private-key", text, [l for l in lines if len(l) >= 16], "RFC 4716 / SSH Communications secure key file format")
for j in range(3):
    pub = pem_body(51, 64)
    priv = pem_body(32, 64)
    mac = hexs(64)
    text = ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ed25519-key-2024\nPublic-Lines: " + str(len(pub)) + "\n" +
            "\n".join(pub) + "\nPrivate-Lines: " + str(len(priv)) + "\n" + "\n".join(priv) + "\nPrivate-MAC: " + mac)
    secret("private-key", text, priv + [mac], "PuTTY .ppk format (PuTTY manual appendix C)")
for j in range(2):
    lines = pem_body(300, 64)
    text = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + "\n".join(lines) + "\n=" + rs(B64, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----"
    secret("private-key", text, lines, "RFC 4880 ASCII armor")
for j in range(2):
    lines = pem_body(400)
    text = "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines[:4])
    secret("private-key", "truncated key: " + text, lines[:4], pem_src + " (cut off)")

# ---- 12. JWTs of every legal shape
jwt_src = "RFC 7519 / RFC 7515 compact serialization; " + SRC_GITLEAKS + "jwt"
for alg, sb in [("HS256", 32), ("HS512", 64), ("RS256", 256), ("ES256", 64), ("PS384", 384), ("EdDSA", 64)]:
    for j in range(2):
        t, s = jwt({"alg": alg, "typ": "JWT", "kid": f"k{j}"}, None, sb)
        secret("jwt", f"token={t}" if j else t, [t, s], jwt_src)
for j in range(4):
    t, s = jwt({"alg": "HS256"}, "e30", 32)
    secret("jwt", f"id_token {t}", [t], jwt_src + " (empty payload e30)")
for j in range(3):
    t, s = jwt({"alg": "none"}, None, 0)
    secret("jwt", f"unsigned assertion {t} accepted", [t], "RFC 7519 6.1 unsecured JWT (alg none, empty signature)")
for j in range(3):
    t, s = jwt({"alg": "HS256"}, None, 32, spaced_header=True)
    secret("jwt", f"jwt={t}", [t], jwt_src + " (header with whitespace, starts eyAi)")
for j in range(3):
    t, s = jwt({"alg": "HS256"}, {"a": 1}, 32)
    secret("jwt", f"Bearer {t}", [t], jwt_src + " (short payload)")
for j in range(3):
    hdr = b64url_json({"alg": "RSA-OAEP-256", "enc": "A256GCM"})
    parts = [hdr, b64url(256), b64url(12), b64url(200), b64url(16)]
    t = ".".join(parts)
    secret("jwt", f"encrypted id_token={t}", [t, parts[1], parts[3]], "RFC 7516 JWE compact serialization (5 parts)")
for j in range(3):
    t, s = jwt()
    secret("jwt", f"https://app.example.net/callback#access_token={t}&token_type=Bearer&expires_in=3600", [t], "RFC 6749 4.2.2 implicit grant fragment")
for j in range(2):
    t, s = jwt()
    secret("jwt", f"Set-Cookie: id_token={t}; Path=/; Secure; HttpOnly", [t], "RFC 6265 Set-Cookie carrying a JWT")

# ---- 13. payment cards
card_src = "ISO/IEC 7812 IIN ranges (public BIN tables) + Luhn mod-10"
brands = [("visa", "4", 16), ("visa13", "4", 13), ("visa19", "4", 19), ("mastercard", "51", 16), ("mastercard", "55", 16),
          ("mastercard2", "2221", 16), ("mastercard2", "2720", 16), ("amex", "34", 15), ("amex", "37", 15),
          ("discover", "6011", 16), ("discover", "65", 16), ("discover", "644", 16), ("jcb", "3528", 16), ("jcb", "3589", 16),
          ("diners", "36", 14), ("diners", "300", 14), ("unionpay", "62", 16), ("unionpay", "62", 19),
          ("maestro", "6759", 16), ("maestro", "5018", 19), ("mir", "2200", 16), ("rupay", "81", 16)]


def group(num, sep, scheme=None):
    n = len(num)
    if scheme is None:
        scheme = {15: [4, 6, 5], 14: [4, 6, 4], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3], 13: [4, 4, 5]}[n]
    out, i = [], 0
    for g in scheme:
        out.append(num[i:i + g])
        i += g
    return sep.join(out)


contexts = ["charge declined for card {c}", "pan={c} exp=12/29", "customer paid with {c} (visa?)", "card number: {c}",
            "{c}", "retrying payment {c} attempt=2", "billing card-{c}", "pan.{c}", "cc_{c}", "card:{c}", "#{c}",
            "POST /v1/cards/{c}/verify 402", "tokenize({c}) failed"]
ci = 0
for name, pre, ln in brands:
    for sep in ["", " ", "-", "  ", ".", "_"]:
        if sep and ln in (13,) and sep in (".", "_"):
            continue
        num = card(pre, ln)
        shown = group(num, sep) if sep else num
        ctx = contexts[ci % len(contexts)]
        ci += 1
        secs = [shown, num] if shown != num else [num]
        pos = next_pos(POSITIONS + ["key"])
        secret("card", ctx.format(c=shown), secs, card_src + f" ({name}, prefix {pre}, {ln} digits)", position=pos)
for j in range(4):
    num = card("4", 16)
    secret("card", f"pan {num[:8]} {num[8:]}", [f"{num[:8]} {num[8:]}", num], card_src + " (8-8 grouping)")

# ---- 14. IBANs
IBAN_FORMATS = {"DE": "8n10n", "GB": "4a6n8n", "FR": "5n5n11c2n", "ES": "4n4n2n10n", "IT": "1a5n5n12c", "NL": "4a10n",
                "BE": "12n", "CH": "5n12c", "AT": "16n", "PL": "24n", "SE": "20n", "NO": "11n", "DK": "14n", "FI": "14n",
                "IE": "4a14n", "PT": "21n", "LU": "3n13c", "SA": "2n18c", "AE": "19n", "BR": "23n1a1c", "TR": "5n1n16c"}


def bban(spec):
    import re
    out = ""
    for cnt, t in re.findall(r"(\d+)([anc])", spec):
        alpha = {"a": string.ascii_uppercase, "n": string.digits, "c": UPPER_ALNUM}[t]
        out += rs(alpha, int(cnt))
    return out


iban_src = "ISO 13616 / SWIFT IBAN registry (country BBAN formats), ISO 7064 mod-97-10 check digits"
iban_ctx = ["refund to IBAN {i}", "iban={i}", "payout account {i} confirmed", "{i}", "beneficiary: {i} (SEPA)",
            "SEPA mandate for {i} created"]
ii = 0
for cc, spec in IBAN_FORMATS.items():
    for style in ["solid", "space", "dash"]:
        b = bban(spec)
        num = cc + iban_check(cc, b) + b
        assert iban_valid(num)
        shown = num if style == "solid" else (" " if style == "space" else "-").join(num[k:k + 4] for k in range(0, len(num), 4))
        pos = next_pos(POSITIONS + ["key"])
        secret("iban", iban_ctx[ii % len(iban_ctx)].format(i=shown), list(dict.fromkeys([shown, num])), iban_src + f" ({cc})", position=pos)
        ii += 1

# ---- 15. e-mail addresses
mail_src = "RFC 5321/5322 addr-spec; RFC 6531 (SMTPUTF8) and IDNA 2008 for internationalised addresses"
ascii_mails = [f"{rs(string.ascii_lowercase, 5)}.{rs(string.ascii_lowercase, 6)}@example.com",
               f"{rs(string.ascii_lowercase, 6)}+billing@mail.example.org", f"{rs(string.ascii_lowercase, 4)}_{R.randint(1, 99)}@corp.example.co.uk",
               f"{rs(string.ascii_uppercase, 5)}@EXAMPLE.NET", f"first-last{R.randint(1, 9)}@sub.domain.example.photography",
               f"{rs(string.ascii_lowercase, 7)}@xn--mller-kva.de", f"o'{rs(string.ascii_lowercase, 5)}@example.ie",
               f"{rs(string.digits, 6)}@example.io", f"ops.team@{rs(string.ascii_lowercase, 6)}.example"]
idn_mails = ["jürgen.müller@bücher.de", "françois@exemple.fr", "用户@例子.广告", "θέμα@παράδειγμα.ελ", "почта@пример.рф",
             "josé.garcía@correo.es", "ñandú@ejemplo.com.ar", "δοκιμή@example.com", "user@münchen.example", "अजय@डाटा.भारत"]
mail_ctx = ["login failed for {e}", "user={e}", "sending receipt to <{e}>", "\"Bob Example\" <{e}>", "mailto:{e}",
            "{e}", "contact: {e}; status=queued", "Reply-To: {e}"]
mi = 0
for e in ascii_mails + idn_mails:
    for k in range(2):
        pos = next_pos(POSITIONS + ["key"])
        ctx = mail_ctx[mi % len(mail_ctx)]
        mi += 1
        secret("email", ctx.format(e=e), [e], mail_src)

# ---- 16. phone numbers (fictional / reserved ranges)
phone_src = "ITU-T E.164; national formats (NANP 555-01xx, Ofcom drama ranges, ACMA 0491 570)"
phones = [f"+1 415 555 01{R.randint(0, 99):02d}", f"+1-212-555-01{R.randint(0, 99):02d}", f"(646) 555-01{R.randint(0, 99):02d}",
          f"+1415555{R.randint(100, 199):04d}", f"+44 20 7946 0{R.randint(0, 999):03d}", f"+44 7700 900{R.randint(0, 999):03d}",
          f"+447700900{R.randint(0, 999):03d}", f"020 7946 0{R.randint(0, 999):03d}", f"07700 900{R.randint(0, 999):03d}",
          f"+33 6 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
          f"06 {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}",
          f"+49 30 {R.randint(1000000, 9999999)}", f"+49 151 {R.randint(10000000, 99999999)}", f"+61 491 570 {R.randint(100, 999)}",
          f"+91 98{R.randint(100, 999)} {R.randint(10000, 99999)}", f"+81 90-{R.randint(1000, 9999)}-{R.randint(1000, 9999)}",
          f"+55 11 9{R.randint(1000, 9999)}-{R.randint(1000, 9999)}", f"0044 20 7946 0{R.randint(0, 999):03d}",
          f"+31 6 {R.randint(10000000, 99999999)}", f"+34 612 {R.randint(100, 999)} {R.randint(100, 999)}"]
phone_ctx = ["sms sent to {p}", "msisdn={p}", "caller {p} verified", "tel:{p}", "phone: {p}", "{p}"]
for k, p in enumerate(phones):
    for j in range(2):
        pos = next_pos(POSITIONS + ["key"])
        ctx = phone_ctx[(k + j) % len(phone_ctx)]
        if ctx == "tel:{p}" and p.startswith("+"):
            p2 = p.replace(" ", "-")  # RFC 3966 global number, visual separators as dashes
            secret("phone", ctx.format(p=p2), [p2], phone_src + "; RFC 3966 tel URI", position=pos)
        elif ctx == "tel:{p}":
            secret("phone", f"callback number {p}", [p], phone_src, position=pos)
        else:
            secret("phone", ctx.format(p=p), [p], phone_src, position=pos)

# ---- 17. national ids
for j in range(6):
    s = ssn()
    secret("national-id-us", [f"ssn={s}", f"SSN {s} on file", f"applicant {s.replace('-', ' ')} verified", f"social_security_number: {s}",
                              f"taxpayer id {s}", f"ssn={s.replace('-', '')}"][j], [s if j not in (2, 5) else s.replace('-', ' ' if j == 2 else '')],
           "US SSA SSN structure (area 001-899 except 666, group 01-99, serial 0001-9999)")
for j in range(4):
    a, d, c = nino()
    shown = f"{a} {d[:2]} {d[2:4]} {d[4:]} {c}" if j % 2 else f"{a}{d}{c}"
    secret("national-id-uk", f"NINO {shown}" if j < 2 else f"national_insurance_number={shown}", [shown], "HMRC NIM39110 National Insurance number format")
for j in range(4):
    s = cpf()
    secret("national-id-br", f"CPF {s}" if j % 2 else f"cliente cpf={s}", [s], "Receita Federal CPF with mod-11 check digits")
for j in range(3):
    s = dni()
    secret("national-id-es", f"DNI {s}", [s], "Spanish DNI, check letter = number mod 23")
for j in range(2):
    s = nie()
    secret("national-id-es", f"NIE: {s}", [s], "Spanish NIE, check letter mod 23")
for j in range(3):
    s = aadhaar()
    secret("national-id-in", f"aadhaar={s}" if j else f"Aadhaar {s} linked", [s], "UIDAI Aadhaar 12 digits with Verhoeff check")
for j in range(3):
    s = personnummer()
    secret("national-id-se", f"personnummer {s}", [s], "Skatteverket personnummer YYMMDD-NNNC (Luhn)")
for j in range(2):
    s = hetu()
    secret("national-id-fi", f"henkilötunnus {s}", [s], "Finnish HETU DDMMYY-NNNC (mod 31)")
for j in range(3):
    s = pesel()
    secret("national-id-pl", f"PESEL: {s}", [s], "Polish PESEL with weighted check digit")
for j in range(3):
    s = sin_ca()
    secret("national-id-ca", f"SIN {s}", [s], "Canadian SIN 9 digits Luhn")
for j in range(2):
    s = bsn()
    secret("national-id-nl", f"bsn={s}", [s], "Dutch BSN, elfproef (11-test)")
for j in range(2):
    s = cn_resident_id()
    secret("national-id-cn", f"resident_id={s}", [s], "GB 11643-1999 resident identity number (ISO 7064 MOD 11-2)")

# ---- 18. Basic credentials without the scheme word under auth keys; bearer/opaque tokens; cookies
basic_src = "RFC 7617 Basic (base64 of user:password)"
for key in ["auth", "Authorization", "proxy_authorization", "basic_auth", "X-Authorization", "http_auth", "authorization"]:
    c = base64.b64encode(f"svc_{rs(string.ascii_lowercase, 4)}:{pw()}".encode()).decode()
    secret("basic-no-scheme", f"{key}={c}", [c], basic_src)
    c2 = base64.b64encode(f"user{R.randint(1, 99)}:{pw()}".encode()).decode()
    secret_fields("basic-no-scheme", {key: c2, "endpoint": "/api/v1/messages"}, [c2], basic_src)
for j in range(4):
    c = base64.b64encode(f"api:{pw()}".encode()).decode()
    secret("basic-with-scheme", f"Authorization: Basic {c}", [c], basic_src)
for j in range(4):
    t = rs(ALNUM, 40)
    secret("bearer", f"Authorization: Bearer {t}", [t], "RFC 6750 Bearer")
for j in range(3):
    t = b64url(32)
    secret("bearer", f"upstream rejected bearer {t} (401)", [t], "RFC 6750 Bearer")
for j in range(3):
    t = rs(ALNUM, 32)
    secret("bearer", f"GET /v1/messages?access_token={t}&limit=10", [t], "RFC 6750 2.3 URI query parameter")
cookie_src = "RFC 6265 Cookie / Set-Cookie; framework session cookie names"
for name in ["JSESSIONID", "SESSION", "PHPSESSID", "connect.sid", "ASP.NET_SessionId", "sessionid", "_gateway_session", "laravel_session", "XSRF-TOKEN", "remember_token"]:
    v = rs(ALNUM, 32)
    secret("cookie", f"Set-Cookie: {name}={v}; Path=/; Secure; HttpOnly; SameSite=Lax", [v], cookie_src)
    w = rs(ALNUM, 32)
    secret("cookie", f"Cookie: lang=en; {name}={w}; theme=dark", [w], cookie_src)

# ---- 19. vendor tokens
vendors = [
    ("github", lambda: github_token("ghp"), SRC_GITLEAKS + "github-pat; GitHub blog 2021-04 token format"),
    ("github", lambda: github_token("gho"), SRC_GITLEAKS + "github-oauth"),
    ("github", lambda: github_token("ghu"), SRC_GITLEAKS + "github-app-token"),
    ("github", lambda: github_token("ghs"), SRC_GITLEAKS + "github-app-token"),
    ("github", lambda: github_token("ghr"), SRC_GITLEAKS + "github-refresh-token"),
    ("github", github_pat_fine, SRC_GITLEAKS + "github-fine-grained-pat"),
    ("gitlab", lambda: "glpat-" + rs(B64URL, 20), SRC_GITLEAKS + "gitlab-pat"),
    ("gitlab", lambda: "glpat-" + rs(B64URL, 27) + "." + rs("0123456789abcdefghijklmnopqrstuvwxyz", 2) + rs("0123456789abcdefghijklmnopqrstuvwxyz", 7), SRC_GITLEAKS + "gitlab-pat-routable"),
    ("gitlab", lambda: "gldt-" + rs(ALNUM + "_-", 20), SRC_GITLEAKS + "gitlab-deploy-token"),
    ("gitlab", lambda: "glrt-" + rs(ALNUM + "_-", 20), SRC_GITLEAKS + "gitlab-runner-authentication-token"),
    ("npm", lambda: github_token("npm"), SRC_GITLEAKS + "npm-access-token; " + SRC_TH + "npmtokenv2"),
    ("slack", lambda: f"xoxb-{rs(string.digits, 12)}-{rs(string.digits, 13)}-{rs(ALNUM, 24)}", SRC_GITLEAKS + "slack-bot-token"),
    ("slack", lambda: f"xoxp-{rs(string.digits, 12)}-{rs(string.digits, 12)}-{rs(string.digits, 13)}-{hexs(32)}", SRC_GITLEAKS + "slack-user-token"),
    ("slack", lambda: f"xapp-1-A{rs(UPPER_ALNUM, 10)}-{rs(string.digits, 13)}-{hexs(64)}", SRC_GITLEAKS + "slack-app-token"),
    ("slack", lambda: f"xoxe.xoxp-1-{rs(UPPER_ALNUM, 164)}", SRC_GITLEAKS + "slack-config-access-token"),
    ("slack", lambda: f"xoxs-{rs(string.digits, 10)}-{rs(string.digits, 11)}-{rs(string.digits, 12)}-{hexs(64)}", SRC_GITLEAKS + "slack-legacy-token"),
    ("slack-webhook", lambda: f"https://hooks.slack.com/services/T{rs(UPPER_ALNUM, 10)}/B{rs(UPPER_ALNUM, 10)}/{rs(ALNUM, 24)}", SRC_TH + "slackwebhook; " + SRC_GITLEAKS + "slack-webhook-url"),
    ("slack-webhook", lambda: f"https://hooks.slack.com/workflows/T{rs(UPPER_ALNUM, 10)}/A{rs(UPPER_ALNUM, 10)}/{rs(string.digits, 18)}/{rs(ALNUM, 24)}", SRC_TH + "slackwebhook (workflow)"),
    ("stripe", lambda: "sk_live_" + rs(ALNUM, 99 if R.random() < 0.5 else 24), SRC_GITLEAKS + "stripe-access-token; " + SRC_TH + "stripe"),
    ("stripe", lambda: "rk_live_" + rs(ALNUM, 99), SRC_GITLEAKS + "stripe-access-token (restricted key)"),
    ("stripe", lambda: "sk_test_" + rs(ALNUM, 24), SRC_GITLEAKS + "stripe-access-token (test mode)"),
    ("stripe", lambda: "whsec_" + rs(ALNUM, 32), "Stripe webhook signing secret (docs.stripe.com/webhooks)"),
    ("sendgrid", lambda: f"SG.{rs(B64URL, 22)}.{rs(B64URL, 43)}", SRC_TH + "sendgrid; " + SRC_GITLEAKS + "sendgrid-api-token"),
    ("openai", lambda: f"sk-{rs(ALNUM, 20)}T3BlbkFJ{rs(ALNUM, 20)}", SRC_GITLEAKS + "openai-api-key (legacy)"),
    ("openai", lambda: f"sk-proj-{rs(B64URL, 74)}T3BlbkFJ{rs(B64URL, 74)}", SRC_GITLEAKS + "openai-api-key (project)"),
    ("openai", lambda: f"sk-svcacct-{rs(B64URL, 58)}T3BlbkFJ{rs(B64URL, 58)}", SRC_GITLEAKS + "openai-api-key (service account)"),
    ("anthropic", lambda: f"sk-ant-api03-{rs(B64URL, 93)}AA", SRC_GITLEAKS + "anthropic-api-key"),
    ("google", lambda: "AIza" + rs(B64URL, 35), SRC_GITLEAKS + "gcp-api-key"),
    ("google", lambda: "ya29." + rs(B64URL, 120), SRC_TH + "googleoauth2 (access token)"),
    ("google", lambda: "GOCSPX-" + rs(B64URL, 28), "Google OAuth client secret prefix GOCSPX- (Google Cloud docs, 2021)"),
    ("aws", lambda: "AKIA" + rs(B32, 16), SRC_GITLEAKS + "aws-access-token"),
    ("aws", lambda: "ASIA" + rs(B32, 16), SRC_GITLEAKS + "aws-access-token (temporary)"),
    ("azure", lambda: f"{rs(ALNUM, 3)}{R.randint(0, 9)}Q~{rs(ALNUM + '_~.-', 34)}", SRC_GITLEAKS + "azure-ad-client-secret; " + SRC_TH + "azure_entra/serviceprincipal/v2"),
    ("azure", lambda: rs(ALNUM + "+/", 42) + "+ACR" + rs(ALNUM, 6), SRC_TH + "azurecontainerregistry"),
    ("twilio", lambda: "SK" + hexs(32), SRC_GITLEAKS + "twilio-api-key"),
    ("huggingface", lambda: "hf_" + rs(string.ascii_letters, 34), SRC_GITLEAKS + "huggingface-access-token"),
    ("digitalocean", lambda: "dop_v1_" + hexs(64), SRC_GITLEAKS + "digitalocean-pat"),
    ("shopify", lambda: "shpat_" + hexs(32), SRC_GITLEAKS + "shopify-access-token"),
    ("vault", lambda: "hvs." + rs(B64URL, 95), SRC_GITLEAKS + "vault-service-token"),
    ("databricks", lambda: "dapi" + hexs(32), SRC_GITLEAKS + "databricks-api-token"),
    ("pypi", lambda: "pypi-AgEIcHlwaS5vcmc" + rs(B64URL, 70), SRC_GITLEAKS + "pypi-upload-token"),
    ("mailgun", lambda: "key-" + hexs(32), SRC_GITLEAKS + "mailgun-private-api-token"),
    ("mailchimp", lambda: hexs(32) + "-us" + str(R.randint(1, 21)), SRC_TH + "mailchimp"),
    ("grafana", lambda: f"glsa_{rs(ALNUM, 32)}_{hexs(8)}", SRC_GITLEAKS + "grafana-service-account-token"),
    ("postman", lambda: f"PMAK-{hexs(24)}-{hexs(34)}", SRC_GITLEAKS + "postman-api-token"),
    ("linear", lambda: "lin_api_" + rs(ALNUM, 40), SRC_GITLEAKS + "linear-api-key"),
    ("sentry", lambda: "sntryu_" + hexs(64), SRC_GITLEAKS + "sentry-user-token"),
    ("pulumi", lambda: "pul-" + hexs(40), SRC_GITLEAKS + "pulumi-api-token"),
    ("doppler", lambda: "dp.pt." + rs(ALNUM, 43), SRC_GITLEAKS + "doppler-api-token"),
    ("square", lambda: "EAAA" + rs(B64URL, 60), SRC_GITLEAKS + "square-access-token"),
    ("age", lambda: "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), SRC_GITLEAKS + "age-secret-key"),
    ("notion", lambda: "ntn_" + rs(string.digits, 11) + rs(ALNUM, 35), SRC_GITLEAKS + "notion-api-token"),
    ("telegram", lambda: f"{rs(string.digits, 10)}:AA{rs(B64URL, 33)}", SRC_GITLEAKS + "telegram-bot-api-token"),
    ("heroku", lambda: "HRKU-AA" + rs(B64URL, 58), SRC_GITLEAKS + "heroku-api-key-v2"),
]
vendor_ctx = ["token={t}", "request failed, credential {t} rejected", "{t}", "using key {t} for upstream", "\"api_key\": \"{t}\"",
              "X-Token: {t}", "config: {{apiToken={t}}}"]
vi = 0
for name, mk, src in vendors:
    reps = 3 if name in ("github", "slack", "stripe", "openai", "google", "aws") else 4
    for j in range(reps):
        t = mk()
        ctx = vendor_ctx[vi % len(vendor_ctx)]
        vi += 1
        if name == "slack-webhook":
            ctx = R.choice(["posting alert to {t}", "webhook_url={t}", "{t}"])
        secret("vendor-" + name, ctx.format(t=t), [t], src)
# Twilio account SID + auth token pairs (the SID names the account, the auth token is the secret)
for j in range(4):
    sid, tok = "AC" + hexs(32), hexs(32)
    secret("vendor-twilio", f"https://{sid}:{tok}@api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json", [tok], SRC_TH + "twilio")
    sid2, tok2 = "AC" + hexs(32), hexs(32)
    secret("vendor-twilio", f"TWILIO_ACCOUNT_SID={sid2} TWILIO_AUTH_TOKEN={tok2}", [tok2], SRC_TH + "twilio")
# AWS secret access keys standalone / in pairs
for j in range(4):
    sk = rs(ALNUM + "/+", 40)
    secret("vendor-aws", f"credentials AKIA{rs(B32, 16)} / {sk}", [sk], "AWS access key pair (40-char secret); " + SRC_GITLEAKS + "aws-access-token")

# ---- 20. structured fields: values under sensitive keys, lists and nested maps
for j in range(4):
    p = pw()
    secret_fields("fields-sensitive-key", {"password": [p]}, [p], "multi-valued parameter map as fields")
for j in range(4):
    t = b64url(24)
    secret_fields("fields-sensitive-key", {"headers": {"Authorization": ["Bearer " + t], "Accept": ["application/json"]}}, [t], "HTTP header map as fields")
for j in range(3):
    p = pw()
    secret_fields("fields-sensitive-key", {"db": {"connection": {"host": "db.internal", "pass": p}}}, [p], "nested configuration map")
for j in range(3):
    p = pw()
    secret_fields("fields-sensitive-key", {"users": [{"name": "ops", "pwd": p}, {"name": "ro"}]}, [p], "list of maps")
for j in range(3):
    k = hexs(32)
    secret_fields("fields-sensitive-key", {"request_headers": {"Ocp-Apim-Subscription-Key": k}}, [k], "Azure APIM subscription key header")
for j in range(3):
    s = rs(ALNUM, 40)
    secret_fields("fields-sensitive-key", {"signature": s, "algorithm": "HMAC-SHA256"}, [s], "webhook signature header value")
for j in range(3):
    t = rs(ALNUM, 32)
    secret_fields("fields-sensitive-key", {"X-Auth-Token": t}, [t], "OpenStack/Swift X-Auth-Token")
for j in range(3):
    c = card("4", 16)
    secret_fields("fields-sensitive-key", {"payment": {"card": {"number": c, "exp": "12/29"}}}, [c], card_src)
for j in range(3):
    c = str(R.randint(100, 999))
    secret_fields("fields-sensitive-key", {"payment": {"cvv": c, "amount": "12.50"}}, [c], "PCI DSS sensitive authentication data (CVV2/CVC2)")
for j in range(3):
    e = f"{rs(string.ascii_lowercase, 6)}@example.com"
    secret_fields("fields-pii-key", {"recipients": {e: "delivered"}}, [e], mail_src + " (map key)")
for j in range(3):
    c = card("54", 16)
    secret_fields("fields-pii-key", {"by_card": {c: 3}}, [c], card_src + " (map key)")
for j in range(2):
    p = pw()
    secret_fields("fields-sensitive-key", {"matrix": [[f"password={p}"]]}, [p], "collection of collections")


# ================================================================= BENIGN CASES
def ts():
    return f"2024-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}.{R.randint(0, 999):03d}Z"


BPOS = ["message", "field", "nested", "exception", "message", "field"]
_bi = [0]


def bpos():
    p = BPOS[_bi[0] % len(BPOS)]
    _bi[0] += 1
    return p


benign_templates = [
    lambda: f"request completed request_id={uuid4()} status=200 latency_ms={R.randint(1, 900)}",
    lambda: f"trace_id={hexs(32)} span_id={hexs(16)} sampled=true",
    lambda: f"traceparent: 00-{hexs(32)}-{hexs(16)}-01",
    lambda: f"deployed commit {hexs(40)} to eu-west-1",
    lambda: f"artifact sha256={hexs(64)} size={R.randint(1, 900)}MB",
    lambda: f"gateway version {R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 20)}-rc.{R.randint(1, 5)} build {R.randint(1000, 9999)}",
    lambda: f"payload_size={R.randint(1, 999)}.{R.randint(0, 9)}KB chunk={R.choice([4096, 8192, 65536])} bytes",
    lambda: f"timeout=30s retry_after={R.randint(100, 5000)}ms attempts={R.randint(1, 5)}",
    lambda: f"{ts()} message received from queue inbound.orders",
    lambda: f"GET /api/v1/messages/{hexs(8)}?page={R.randint(1, 20)}&limit=50 200 {R.randint(1, 99)}ms",
    lambda: f"upstream host=api.internal.example.net port={R.choice([443, 8080, 8443, 9443])} pool=default",
    lambda: "{retry=[3], timeout=[30s]}",
    lambda: f"{{Accept=[application/json], Content-Type=[application/json], X-Request-Id=[{uuid4()}]}}",
    lambda: f"flags: --verbose --max-connections={R.randint(10, 500)} --port {R.choice([8080, 8443])} --config /etc/gateway/gateway.yaml",
    lambda: "pass_through=true mode=proxy",
    lambda: "auth_method=oauth2 realm=gateway",
    lambda: f"password_policy=min_length_{R.randint(8, 16)} history={R.randint(3, 10)}",
    lambda: f"token_count={R.randint(1, 9000)} max_tokens={R.choice([1024, 2048, 4096])}",
    lambda: "password_reset_required=false mfa=enabled",
    lambda: f"secret_rotation_days={R.choice([30, 60, 90])} next_rotation={ts()}",
    lambda: f"card_type=VISA card_last4={R.randint(1000, 9999)}",
    lambda: f"client_ip=203.0.113.{R.randint(1, 254)} forwarded_for=198.51.100.{R.randint(1, 254)}",
    lambda: f"listening on [2001:db8::{R.randint(1, 9)}]:{R.choice([8080, 8443])}",
    lambda: f"kafka partition={R.randint(0, 31)} offset={R.randint(100000, 999999999)} lag={R.randint(0, 500)}",
    lambda: f"ts={1717000000000 + R.randint(0, 9999999999)} event=heartbeat",
    lambda: f"GC pause {R.randint(1, 80)}ms heap={R.randint(100, 900)}MB/2048MB",
    lambda: f"HTTP/1.1 200 OK content-length={R.randint(100, 99999)}",
    lambda: f"at io.gatewaylog.demo.Handler.handle(Handler.java:{R.randint(10, 400)})",
    lambda: f"batch date 01.0{R.randint(1, 9)}.2024 processed {R.randint(10, 9999)} records",
    lambda: f"order_id=ORD-2024-{R.randint(0, 999999):06d} amount={R.randint(1, 9999)}.{R.randint(0, 99):02d} currency=EUR",
    lambda: "user_agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
    lambda: "Content-Type: application/json; charset=utf-8",
    lambda: "Accept-Encoding: gzip, deflate, br",
    lambda: f"ETag: W/\"{hexs(8)}-{hexs(4)}\"",
    lambda: f"pod=gateway-{hexs(9)}-{rs(LOWER_ALNUM, 5)} node=ip-10-0-{R.randint(0, 9)}-{R.randint(1, 254)}.eu-west-1.compute.internal",
    lambda: f"pid {R.randint(1000, 65000)} thread pool-{R.randint(1, 9)}-thread-{R.randint(1, 64)}",
    lambda: f"queue=inbound.orders depth={R.randint(0, 5000)} consumers={R.randint(1, 16)}",
    lambda: f"p50={R.randint(1, 9)}.{R.randint(0, 9)}ms p99={R.randint(10, 99)}.{R.randint(0, 9)}ms p999={R.randint(100, 999)}ms",
    lambda: f"java -Xmx2g -XX:+UseG1GC -Dgateway.log.profile=production -jar gateway.jar --port {R.choice([8080, 8443])}",
    lambda: "-Djavax.net.ssl.trustStore=/etc/pki/gateway/truststore.jks -Djavax.net.ssl.trustStoreType=PKCS12",
    lambda: "using keystore /etc/gateway/keystore.p12 type PKCS12",
    lambda: f"image=registry.example.com/gateway@sha256:{hexs(64)}",
    lambda: f"connecting to jdbc:postgresql://db.internal:5432/gateway?sslmode=require",
    lambda: f"redis endpoint redis://cache.internal:6379/{R.randint(0, 15)}",
    lambda: "amqp broker amqp://broker.internal:5672/%2F heartbeat=60",
    lambda: "mongodb://mongo-0.mongo.svc:27017,mongo-1.mongo.svc:27017/?replicaSet=rs0",
    lambda: "Authorization header missing on /api/v1/messages",
    lambda: f"Bearer token expired for client_id=gateway-web-{R.randint(1, 9)}",
    lambda: f"password changed for user_id=u_{R.randint(1000, 99999)}",
    lambda: "Basic auth disabled for this realm",
    lambda: f"token expired at {ts()}",
    lambda: f"release v{R.randint(1, 5)}.{R.randint(0, 9)}.{R.randint(0, 9)}+build.{R.randint(100, 999)}",
    lambda: f"message_id={uuid4()} correlation_id={uuid4()}",
    lambda: f"signature_valid=true alg=RS256 kid=gw-{R.randint(2020, 2026)}-{R.randint(1, 12):02d}",
    lambda: f"x-ratelimit-remaining={R.randint(0, 5000)} x-ratelimit-reset={R.randint(1, 3600)}",
    lambda: f"retrying in {R.randint(1, 30)}s (attempt {R.randint(1, 5)} of 5)",
    lambda: f"disk /var/log/gateway {R.randint(10, 84)}% used, {R.randint(1, 900)}GB free",
    lambda: f"rotated /var/log/gateway/api/api.log.{R.randint(1, 999999):06d}.20240101T115959123Z.gz",
    lambda: f"customer_id=customer_{R.randint(1, 9999)} asset_id=gateway_{R.randint(1, 99)} tenant=acme",
    lambda: f"cache hit ratio {R.randint(50, 99)}.{R.randint(0, 99):02d}% entries={R.randint(1000, 999999)}",
    lambda: f"Processing message type=ogx size={R.randint(100, 9999)} bytes",
    lambda: f"session count={R.randint(0, 9999)} active={R.randint(0, 999)}",
    lambda: f"{{\"status\":\"ok\",\"uptime_s\":{R.randint(100, 999999)},\"version\":\"{R.randint(1, 5)}.{R.randint(0, 9)}.{R.randint(0, 9)}\"}}",
    lambda: f"mac=00:1A:2B:{hexs(2).upper()}:{hexs(2).upper()}:{hexs(2).upper()} iface=eth0",
    lambda: f"duration=PT{R.randint(1, 59)}S window=PT5M",
    lambda: f"cron '0 */{R.randint(2, 12)} * * *' next run {ts()}",
    lambda: f"tls handshake ok protocol=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384",
    lambda: f"certificate CN=api.example.net serial={hexs(16)} expires 2026-0{R.randint(1, 9)}-15",
    lambda: "Cache-Control: no-cache, no-store, max-age=0",
    lambda: f"key=orders:{R.randint(1, 99999)} ttl={R.randint(1, 3600)}s",
    lambda: f"routing_key=orders.created exchange=events delivery_tag={R.randint(1, 999999)}",
    lambda: f"auth_status=ok mfa_method=totp user_id=u_{R.randint(1000, 99999)}",
    lambda: f"token_type=Bearer expires_in={R.choice([300, 3600, 86400])}",
    lambda: f"Connection refused: db.internal/10.0.{R.randint(0, 9)}.{R.randint(1, 254)}:5432",
    lambda: f"Read timed out after {R.randint(1000, 60000)}ms",
    lambda: f"ISBN 978-3-16-148410-0 catalogue entry {R.randint(1, 999)}",
    lambda: f"cursor=page_{R.randint(2, 99)} has_more=true",
    lambda: f"sftp upload /outbound/batch_{R.randint(1, 999):03d}.csv {R.randint(1, 99)}MB",
    lambda: f"feature flags: new_router=on, legacy_auth=off, pass_through_headers=on",
    lambda: f"elapsed {R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}.{R.randint(0, 999):03d}",
]
for k in range(228):
    t = benign_templates[k % len(benign_templates)]()
    benign("benign-text", t, position=bpos())
benign_fields("benign-fields", {"retry": [3], "timeout": ["30s"]})
benign_fields("benign-fields", {"pass_through": "true", "auth_method": "oauth2", "password_policy": "min12", "token_count": 512})
benign_fields("benign-fields", {"request": {"id": uuid4(), "path": "/api/v1/messages", "headers": {"Accept": ["application/json"], "Content-Length": ["512"]}}})
benign_fields("benign-fields", {"trace_id": hexs(32), "span_id": hexs(16), "duration_ms": 12.5})
benign_fields("benign-fields", {"host": "api.internal.example.net", "port": 8443, "tls": True})
benign_fields("benign-fields", {"card_type": "MASTERCARD", "card_last4": "4444", "token_type": "Bearer"})
benign_fields("benign-fields", {"version": "2.14.0", "build": "20240611.3", "commit": hexs(40)})
benign_fields("benign-fields", {"counts": {"ok": 4211, "failed": 3, "retried": 17}, "window": "5m"})
benign_fields("benign-fields", {"secret_rotation_days": 90, "max_tokens": 4096, "tokens_used": 1380})
benign_fields("benign-fields", {"timestamps": [ts(), ts()], "timezone": "UTC"})
for k in range(6):
    benign(f"benign-key", R.choice([uuid4(), f"orders:{R.randint(1, 99999)}", f"tenant_{R.randint(1, 999)}", "api.internal.example.net:8443",
                                    f"/api/v1/messages/{hexs(8)}", hexs(32)]), position="key")

# ---- appended later (ids above stay stable): more benign lines that look a little like secrets but are not
tricky_benign = [
    lambda: "token_endpoint=https://login.example.net/oauth2/v2.0/token",
    lambda: "authorization_endpoint=https://login.example.net/oauth2/v2.0/authorize",
    lambda: f"secret_name=gateway-tls namespace=prod-{R.randint(1, 9)}",
    lambda: "WWW-Authenticate: Bearer realm=\"gateway\", error=\"invalid_token\"",
    lambda: f"X-Amz-Date: 20241201T12{R.randint(10, 59)}00Z",
    lambda: "x-amz-content-sha256: UNSIGNED-PAYLOAD",
    lambda: "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
    lambda: f"at com.example.auth.PasswordEncoder.matches(PasswordEncoder.java:{R.randint(10, 200)})",
    lambda: "PasswordAuthenticationProvider initialised with bcrypt cost 12",
    lambda: f"TokenBucket refill rate={R.randint(10, 999)}/s burst={R.randint(10, 99)}",
    lambda: f"passed {R.randint(1, 12)}/12 health checks",
    lambda: f"GET /api/v1/tokens/introspect 200 {R.randint(1, 99)}ms",
    lambda: f"POST /oauth2/token 200 {R.randint(1, 99)}ms client_id=gateway-web",
    lambda: "PUT /v1/users/me/password 204",
    lambda: f"port range 30000-32767 node_port={R.randint(30000, 32767)}",
    lambda: f"os build 10.0.19045.{R.randint(1000, 9999)}",
    lambda: f"snowflake_id=17{rs(string.digits, 17)}",
    lambda: "{auth_method=[oauth2], pass_through=[true], password_policy=[strict]}",
    lambda: f"{{Accept=[*/*], Accept-Encoding=[gzip], X-Forwarded-For=[203.0.113.{R.randint(1, 254)}], Retry-After=[{R.randint(1, 120)}]}}",
    lambda: f"tls cert thumbprint sha256={hexs(64).upper()}",
    lambda: f"subscription_id={uuid4()} resource_group=rg-gateway-prod",
    lambda: f"kid={uuid4()} alg=RS256 use=sig",
    lambda: f"Accept: application/vnd.github+json; X-GitHub-Api-Version: 2022-11-28",
    lambda: f"request_uri=/v2/messages/{uuid4()}/status user_agent=curl/8.5.0",
    lambda: f"schema_version={R.randint(1, 40)} migrations_applied={R.randint(1, 300)}",
]
for k in range(len(tricky_benign) * 2):
    benign("benign-text", tricky_benign[k % len(tricky_benign)](), position=bpos())

# ---- appended later: SOAP / XML credentials (WS-Security UsernameToken, common on message gateways)
xml_src = "OASIS WS-Security UsernameToken Profile 1.1; XML element content"
for j in range(3):
    p = pw()
    secret("xml-element", f"<wsse:UsernameToken><wsse:Username>svc_gw</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">{p}</wsse:Password></wsse:UsernameToken>", [p], xml_src)
for j in range(3):
    p = pw()
    secret("xml-element", f"<credentials><user>ops</user><password>{p}</password></credentials>", [p], "XML element content")
for j in range(2):
    k = rs(ALNUM, 32)
    secret("xml-element", f"<config><apiKey>{k}</apiKey><timeout>30</timeout></config>", [k], "XML element content")

# ---- appended later (batch 3): more shapes of the same public formats
# Authorization header schemes other than Bearer/Basic (IANA HTTP Authentication Scheme Registry; vendor docs)
auth_src = "IANA HTTP Authentication Scheme Registry / vendor API docs"
for scheme, mk, src in [
        ("Token", lambda: hexs(40), "Django REST framework TokenAuthentication"),
        ("token", lambda: github_token("ghp"), "GitHub REST API 'Authorization: token'"),
        ("SSWS", lambda: "00" + rs(B64URL, 40), "Okta API token (SSWS scheme)"),
        ("Splunk", uuid4, "Splunk HEC token (Authorization: Splunk <token>)"),
        ("ApiKey", lambda: base64.b64encode(f"{rs(ALNUM, 20)}:{rs(ALNUM, 22)}".encode()).decode(), "Elasticsearch API key (Authorization: ApiKey)"),
        ("Negotiate", lambda: "YII" + b64(120), "RFC 4559 SPNEGO (Negotiate)"),
        ("SharedKey", lambda: f"gwstore{R.randint(1, 9)}:" + b64(32), "Azure Storage Shared Key authorization"),
        ("AWS", lambda: "AKIA" + rs(B32, 16) + ":" + b64(20), "AWS Signature Version 2 (Authorization: AWS id:sig)"),
        ("bearer", lambda: rs(ALNUM, 40), "RFC 6750 (scheme is case-insensitive, RFC 9110 11.1)"),
        ("Bearer", lambda: "ya29." + rs(B64URL, 100), SRC_TH + "googleoauth2"),
]:
    for j in range(2):
        t = mk()
        ctx = ["Authorization: {s} {t}", "authorization: {s} {t}\nx-request-id: " + uuid4()][j]
        secret_t = t.split(":", 1)[1] if scheme in ("SharedKey", "AWS") else t
        secret("auth-schemes", ctx.format(s=scheme, t=t), [secret_t], auth_src + "; " + src)
for j in range(3):
    resp = hexs(32)
    secret("auth-schemes", f'Authorization: Digest username="svc", realm="gw", nonce="{hexs(32)}", uri="/api/v1/messages", response="{resp}", qop=auth, nc=00000001, cnonce="{hexs(16)}"',
           [resp], "RFC 7616 HTTP Digest (response is a credential digest)")
for j in range(3):
    t = rs(ALNUM, 40)
    secret("auth-schemes", f":method: POST\n:authority: api.example.net\n:path: /v1/messages\nauthorization: Bearer {t}\ncontent-type: application/json", [t],
           "RFC 9113 HTTP/2 header dump (lower-case names)")

# toString() formats of common JVM/other runtimes
ts_src = "toString()/repr formats: java.util.Properties, Lombok @ToString, Kotlin data class, Python dict repr, Ruby Hash#inspect"
for j in range(3):
    p = pw()
    secret("tostring-formats", f"{{db.url=jdbc:postgresql://db.internal/gw, db.user=gw, db.password={p}}}", [p], ts_src + " (java.util.Properties)")
for j in range(3):
    p = pw()
    secret("tostring-formats", f"LoginRequest(username=ops{j}, password={p}, rememberMe=false)", [p], ts_src + " (Lombok @ToString)")
for j in range(3):
    p = pw()
    secret("tostring-formats", f"Credentials(user=svc, secret={p})", [p], ts_src + " (Kotlin data class)")
for j in range(3):
    p = pw()
    secret("tostring-formats", f"{{'username': 'ops', 'password': '{p}', 'host': 'db.internal'}}", [p], ts_src + " (Python dict repr)")
for j in range(3):
    p = pw()
    secret("tostring-formats", f'Parameters: {{"user"=>{{"email"=>"ops@example.com", "password"=>"{p}"}}, "commit"=>"Log in"}}', [p, "ops@example.com"], ts_src + " (Ruby Hash#inspect, Rails request log)")
for j in range(3):
    p = pw()
    secret("tostring-formats", f"$config = ['password' => '{p}', 'host' => 'db.internal'];", [p], "PHP array syntax")
for j in range(3):
    p = pw()
    secret("tostring-formats", f"export DB_PASSWORD='{p}'", [p], "POSIX sh export with quotes")
for j in range(3):
    p = pw()
    secret("tostring-formats", f'password: "{p}"', [p], "YAML 1.2 double-quoted scalar")

# Kafka / messaging client configuration (JAAS, SASL) - gateways log their client config at start-up
for j in range(4):
    p = pw()
    secret("connection-string", f'sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username="gw" password="{p}";', [p],
           "Apache Kafka sasl.jaas.config (PlainLoginModule)")
for j in range(2):
    p = pw()
    secret("connection-string", f'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="gw" password="{p}";', [p],
           "Apache Kafka sasl.jaas.config (ScramLoginModule)")
for j in range(2):
    p = pw()
    secret("connection-string", f"ssl.truststore.password = {p}", [p], "Apache Kafka client config (ProducerConfig values dump)")
for j in range(2):
    p = pw()
    secret("connection-string", f"https://elastic:{p}@es.internal:9200/_bulk", [p], url_src)
for j in range(2):
    p = pw()
    secret("connection-string", f"DATABASE_URL=postgres://gw:{p}@db.internal:5432/gw", [p], url_src + " (Heroku-style DATABASE_URL)")
for j in range(2):
    p = pw()
    secret("connection-string", f"jdbc:snowflake://acme.eu-west-1.snowflakecomputing.com/?user=gw&password={p}&warehouse=WH", [p], "Snowflake JDBC URL parameters")
for j in range(2):
    p = pw()
    enc = p.replace("!", "%21").replace("*", "%2A").replace("~", "%7E") + "%40x"
    secret("connection-string", f"mongodb://gw:{enc}@mongo.internal:27017/admin", [enc], url_src + " (percent-encoded password)")
for j in range(2):
    p = pw()
    secret("connection-string", f"Server=db.internal;Database=gw;User Id=gw;Password=\"{p};x\";", [p], src_ado + " (quoted value containing ;)")
for j in range(2):
    p = pw()
    secret("connection-string", f"Server=db.internal;Database=gw;User Id=gw;Password='{p} with spaces';", [p + " with spaces", p], src_ado + " (single-quoted value with spaces)")

# credentials in URLs and paths
for j in range(3):
    t = github_token("ghs")
    secret("vendor-github", f"git clone https://x-access-token:{t}@github.com/acme/gateway.git", [t], "GitHub Actions installation token in clone URL")
for j in range(3):
    t = "glpat-" + rs(B64URL, 20)
    secret("vendor-gitlab", f"remote: https://oauth2:{t}@gitlab.example.com/acme/gateway.git", [t], "GitLab token in clone URL")
for j in range(3):
    t = f"{rs(string.digits, 10)}:AA{rs(B64URL, 33)}"
    secret("vendor-telegram", f"POST https://api.telegram.org/bot{t}/sendMessage 200", [t], "Telegram Bot API URL (core.telegram.org/bots/api)")
for j in range(3):
    k = "AIza" + rs(B64URL, 35)
    secret("vendor-google", f"GET https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key={k}", [k], SRC_GITLEAKS + "gcp-api-key (in query)")
for j in range(2):
    w = f"https://hooks.slack.com/services/T{rs(UPPER_ALNUM, 10)}/B{rs(UPPER_ALNUM, 10)}/{rs(ALNUM, 24)}"
    secret("vendor-slack-webhook", f'{{"alerting":{{"slack_webhook":"{w}","channel":"#ops"}}}}', [w], SRC_TH + "slackwebhook")
for j in range(3):
    w = f"https://acme.webhook.office.com/webhookb2/{uuid4()}@{uuid4()}/IncomingWebhook/{hexs(32)}/{uuid4()}"
    secret("vendor-teams-webhook", f"posting to {w}", [w.split('/IncomingWebhook/')[1]], SRC_GITLEAKS + "microsoft-teams-webhook")
for j in range(3):
    t = b64url(24)
    secret("oauth-code", f"GET /callback?code={t}&state=af0ifjsldkj 302", [t], "RFC 6749 4.1.2 authorization code in redirect; RFC 6819 4.4.1.1")

# e-mail shapes
for e in [f"\"john {rs(string.ascii_lowercase, 4)}\"@example.com", f"{rs(string.ascii_lowercase, 5)}%2Btag%40example.com",
          f"{rs(string.ascii_lowercase, 5)}%2540example.com", f"{rs(string.ascii_lowercase, 6)}\\u0040example.org",
          f"{rs(string.ascii_lowercase, 5)}@{rs(string.ascii_lowercase, 5)}.co.jp", f"first.{rs(string.ascii_lowercase, 5)}@EXAMPLE.COM",
          f"x{R.randint(1, 9)}@example.museum", f"{rs(string.ascii_lowercase, 5)}=40srs@bounce.example.net"]:
    for j in range(2):
        ctx = ["GET /api/v1/users/{e}/settings 200", "recipient={e}", "{{\"to\":\"{e}\"}}"][(j + len(e)) % 3]
        if e.startswith('"'):
            ctx = ["To: {e}", "recipient={e}"][j]  # a quoted local part is not put inside a JSON string unescaped
        secret("email", ctx.format(e=e), [e], mail_src + " (quoted local part / percent-encoded / \\u0040-escaped / new TLDs)")

# phone shapes
for p in [f"+1 (415) 555-01{R.randint(0, 99):02d}", f"+44 (0)20 7946 0{R.randint(0, 999):03d}", f"+49 (0)30 {R.randint(1000000, 9999999)}",
          f"+1-212-555-01{R.randint(0, 99):02d} ext. 42", f"+44.20.7946.0{R.randint(0, 999):03d}"]:
    for j in range(2):
        secret("phone", ["callback {p}", "{{\"phone\":\"{p}\"}}"][j].format(p=p), [p.replace(" ext. 42", "")], phone_src)

# cards in more contexts
for j in range(8):
    name, pre, ln = brands[j % len(brands)]
    num = card(pre, ln)
    ctx = ["GET /checkout?card={c}&cvv=123", '{{"number":"{c}","exp":"12/29"}}', "ref={c}", "amount 12.50 card {c} exp 12/29",
           "PAN:{c}", "IBAN/PAN mix-up: {c}", "card_{c}", "cardnumber {c}"][j]
    secret("card", ctx.format(c=num), [num], card_src + f" ({name})")
for j in range(4):
    num = card("4", 16)
    shown = group(num, "\u00a0")
    secret("card", f"customer card {shown}", [shown, num], card_src + " (no-break spaces, as copied from a web page)")

# IBANs glued to a word
for j, cc in enumerate(["DE", "FR", "NL", "GB", "ES", "IT"]):
    b = bban(IBAN_FORMATS[cc])
    num = cc + iban_check(cc, b) + b
    ctx = ["IBAN:{i}", "iban_{i}", "account={i};bic=DEUTDEFF", "/accounts/{i}/balance", '{{"iban":"{i}"}}', "to:{i}"][j]
    secret("iban", ctx.format(i=num), [num], iban_src + f" ({cc})")

# private keys as YAML block scalars (Kubernetes secrets, Helm values)
for j in range(3):
    lines = pem_body(300)
    text = "tls:\n  key: |\n    -----BEGIN PRIVATE KEY-----\n    " + "\n    ".join(lines) + "\n    -----END PRIVATE KEY-----\n  cert: cert.pem"
    secret("private-key", text, [l for l in lines if len(l) >= 16], pem_src + " (YAML block scalar, indented)")
for j in range(2):
    data = base64.b64encode(("-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(pem_body(200)) + "\n-----END RSA PRIVATE KEY-----\n").encode()).decode()
    secret("private-key", f"data:\n  tls.key: {data}", [data[:60], data[60:120]], "Kubernetes Secret data (base64 of a PEM block, LS0tLS1CRUdJTi...)")

# AWS STS full response and lower-case SigV4
for j in range(3):
    sk = rs(ALNUM + "/+", 40)
    tok = "IQoJb3JpZ2luX2Vj" + b64(200)
    secret("aws", f'{{"Credentials":{{"AccessKeyId":"ASIA{rs(B32, 16)}","SecretAccessKey":"{sk}","SessionToken":"{tok}"}}}}', [sk, tok], "AWS STS AssumeRole JSON response")
for j in range(2):
    sig = hexs(64)
    secret("aws", f"authorization: AWS4-HMAC-SHA256 Credential=AKIA{rs(B32, 16)}/20241201/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature={sig}", [sig], src_aws)

# library exception messages that carry secrets
for j in range(3):
    s2 = b64url(24)
    secret("exception-messages", f"[401 Unauthorized] during [POST] to [https://idp.example.net/oauth2/token?client_id=gw&client_secret={s2}] [TokenClient#fetch(String)]", [s2],
           "OpenFeign FeignException message format")
for j in range(3):
    t, _ = jwt()
    secret("exception-messages", f'401 Unauthorized: "{{"error":"invalid_token","error_description":"Token expired: {t}"}}"', [t], "Spring HttpClientErrorException message with response body")
for j in range(2):
    p = pw()
    secret("exception-messages", f"java.net.URISyntaxException: Illegal character in authority at index 8: https://gw:{p}@db.internal/x y", [p], "java.net.URISyntaxException message")
for j in range(2):
    p = pw()
    secret("exception-messages", f"Failed to bind properties under 'spring.datasource.password' to java.lang.String: Property: spring.datasource.password Value: \"{p}\" Origin: System Environment Property \"SPRING_DATASOURCE_PASSWORD\"", [p],
           "Spring Boot BindException (FailureAnalyzer) message")

# benign: messages about credentials that hold none, and values already masked
more_benign = [
    "Access denied for user 'gw'@'10.0.0.5' (using password: YES)",
    "FATAL: password authentication failed for user \"gateway\"",
    "Exception authenticating MongoCredential{mechanism=SCRAM-SHA-256, userName='gw', source='admin', password=<hidden>, mechanismProperties=<hidden>}",
    "password=<hidden> user=gw",
    "token_status=expired expires_in=0",
    "api_key=null retries=3",
    "Invalid API key format (expected 32 hex characters)",
    "Missing required header X-Api-Key",
    "401 Unauthorized: invalid_token (token expired)",
    "SASL mechanism PLAIN, security.protocol=SASL_SSL",
    "ssl.truststore.location = /etc/kafka/truststore.jks",
    "ssl.endpoint.identification.algorithm = https",
    "sasl.mechanism = SCRAM-SHA-512",
    "Content-Digest verified (sha-256) for 1520 bytes",
    "WWW-Authenticate: Basic realm=\"gateway\", charset=\"UTF-8\"",
    "Signature verification succeeded kid=gw-2024-01",
    "Secret rotation completed for 3 secrets",
    "password_expires_at=2025-01-01T00:00:00Z",
    "auth_time=1717171717 acr=urn:mace:incommon:iap:silver",
]
for t in more_benign:
    benign("benign-text", t, position=bpos())
for t in more_benign[:10]:
    benign("benign-text", t, position=bpos())

# ---- sanity: every secret differs from the rest of its own text enough to be checked
ids = set()
for c in cases:
    assert c["id"] not in ids
    ids.add(c["id"])
    if c["kind"] == "secret":
        for s in c["secrets"]:
            assert len(s) >= 3, (c["id"], s)

out = sys.stdout
out.write("")
for c in cases:
    out.write(json.dumps(c, ensure_ascii=False) + "\n")
sys.stderr.write(f"{sum(1 for c in cases if c['kind'] == 'secret')} secret, {sum(1 for c in cases if c['kind'] == 'benign')} benign\n")
