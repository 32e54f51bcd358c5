package io.gatewaylog.core.internal.sanitize;

import java.util.List;

/**
 * The built-in sensitive words, in normalised form (letters and digits, lower case), by the kind of
 * secret they name; {@link SensitiveKeys} says how a key is matched against them.
 */
final class SensitiveWords {
    /** Words that name a secret, a credential or personal data. */
    static final List<String> SECRET = List.of(
            "password",
            "passwords",
            "passwd",
            "pwd",
            "pass",
            "pw",
            "passphrase",
            "passcode",
            "secret",
            "secrets",
            "secretkey",
            "token",
            "apikey",
            "apikeys",
            "accesskey",
            "privatekey",
            "signingkey",
            "encryptionkey",
            "masterkey",
            "credential",
            "credentials",
            "connectionstring",
            // signatures (AWS SigV4 Signature=, X-Amz-Signature, Azure SAS sig=) and vendor key headers
            "signature",
            "sig",
            "subscriptionkey",
            "accountkey",
            "sharedaccesskey",
            "appkey",
            "authkey",
            "licensekey",
            "clientkey",
            "sessionkey",
            "functionskey",
            "passwordconfirmation",
            // national identity numbers named by their usual labels
            "nino",
            "nationalinsurancenumber",
            "cpf",
            "dni",
            "nie",
            "nif",
            "aadhaar",
            "aadhar",
            "personnummer",
            "hetu",
            "henkiltunnus",
            "pesel",
            "sin",
            "bsn",
            "residentid",
            "nationalid",
            "taxid",
            "steuerid",
            "cardnumber",
            "cardno",
            "ccnumber",
            "creditcard",
            "pan",
            "cvv",
            "cvc",
            "cvv2",
            "cvc2",
            "securitycode",
            "pin",
            "otp",
            "ssn",
            "socialsecuritynumber",
            "phone",
            "phonenumber",
            "msisdn");
    /** Words that name a session cookie. */
    static final List<String> COOKIE = List.of("cookie", "sessionid", "sessid", "connectsid");
    /** Words that name an authorization header or its scheme. */
    static final List<String> AUTHORIZATION = List.of("authorization", "bearer", "auth");

    private SensitiveWords() {}
}
