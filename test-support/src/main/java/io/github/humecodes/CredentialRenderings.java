package io.github.humecodes;

import static io.github.humecodes.internal.Credentials.REDACTED;

import java.util.List;

/**
 * The renderings of Hume credentials that core's {@code CredentialsTest} checks text by text (taken there from the
 * sources and output of clients, SDKs and their logging), and its corpus of ordinary lines: the same data, for
 * checking them end to end through the Logback components and the OpenTelemetry processors. Core's test keeps its
 * own copy (core cannot depend on this module, which depends on core): keep the two in step.
 */
public final class CredentialRenderings {
    public static final String KEY = "abc123DEF456ghi789JKL012mno345PQR678stu901VWX234";
    public static final String SECRET = "SECRETsecret0123456789SECRETsecret0123456789SECRETsecret01234567";
    public static final String TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlIn0.c2lnbmF0dXJlZmFrZQ";
    public static final String BASIC = "YWJjMTIzREVGNDU2Z2hpNzg5SktMMDEybW5vMzQ1UFFSNjc4c3R1OTAxVldYMjM0OlNFQ1JFVA==";
    public static final String LLM = "sk-proj-FAKEFAKE0123456789";

    /** A text and what it must become: the same text with each value replaced by REDACTED and nothing else. */
    public record Case(String name, String text, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String text) {
        return new Case(
                name,
                text,
                text.replace(KEY, REDACTED)
                        .replace(SECRET, REDACTED)
                        .replace(TOKEN, REDACTED)
                        .replace(BASIC, REDACTED)
                        .replace(LLM, REDACTED));
    }

    /** Masked in any text: names only Hume uses. */
    public static List<Case> anywhere() {
        return List.of(
                c("header line", "X-Hume-Api-Key: " + KEY),
                c("header, no space", "X-Hume-Api-Key:" + KEY),
                c("header, lower case (HTTP/2)", "x-hume-api-key: " + KEY),
                c("header, upper case", "X-HUME-API-KEY: " + KEY),
                c("Java map", "{X-Hume-Api-Key=" + KEY + ", Accept=application/json}"),
                c("Java map of lists", "{accept=[application/json], x-hume-api-key=[" + KEY + "]}"),
                c(
                        "JDK HttpHeaders",
                        "java.net.http.HttpHeaders@ad08b4c8 { {Accept=[application/json], X-Hume-Api-Key=[" + KEY
                                + "]} }"),
                c("Spring HttpHeaders", "[X-Hume-Api-Key:\"" + KEY + "\", Accept:\"application/json\"]"),
                c("Spring HttpHeaders, two values", "[X-Hume-Api-Key:\"" + KEY + "\", \"" + SECRET + "\"]"),
                c("JSON", "{\"X-Hume-Api-Key\":\"" + KEY + "\",\"Accept\":\"application/json\"}"),
                c("JSON inside a JSON string", "{\"message\":\"{\\\"X-Hume-Api-Key\\\":\\\"" + KEY + "\\\"}\"}"),
                c(
                        "Python dict in Hume's ApiError",
                        "headers: {'User-Agent': 'hume/0.13.11', 'X-Fern-Language': "
                                + "'Python', 'X-Hume-Api-Key': '" + KEY
                                + "'}, status_code: 401, body: Websocket initialized "
                                + "with invalid credentials."),
                c(
                        "Node util.inspect",
                        "    'x-hume-api-key': '" + KEY + "',\n    'x-hume-client-name': " + "'typescript_sdk',"),
                c("Apache HttpClient headers", "http-outgoing-0 >> X-Hume-Api-Key: " + KEY),
                c("Apache HttpClient wire", "http-outgoing-0 >> \"X-Hume-Api-Key: " + KEY + "[\\r][\\n]\""),
                c("Jetty HttpFields", "GET /v0/tts/voices HTTP/1.1\r\nX-Hume-Api-Key: " + KEY + "\r\nAccept: */*\r\n"),
                c(
                        "OkHttp Request.toString",
                        "Request{method=GET, url=https://api.hume.ai/v0/evi/configs?page_size=10, "
                                + "headers=[X-Hume-Api-Key:" + KEY + ", Accept:application/json]}"),
                c(
                        "Netty DefaultHttpHeaders",
                        "DefaultHttpHeaders[X-Hume-Api-Key: " + KEY + ", Accept: application/json]"),
                c("curl", "curl https://api.hume.ai/v0/evi/configs --header \"X-Hume-Api-Key: " + KEY + "\""),
                c("OpenTelemetry header attribute as text", "http.request.header.x-hume-api-key=[" + KEY + "]"),
                c("header at the end of the line", "sending\nX-Hume-Api-Key: " + KEY),
                c("environment variable", "HUME_API_KEY=" + KEY),
                c("environment variable, secret", "export HUME_SECRET_KEY=" + SECRET),
                c("environment dump", "{PATH=/usr/bin, HUME_API_KEY=" + KEY + ", HOME=/root}"),
                c("environment variable with a prefix", "VITE_HUME_API_KEY=\"" + KEY + "\""),
                c("environment variable as JSON", "{\"HUME_API_KEY\": \"" + KEY + "\"}"),
                c(
                        "LLM key in session settings",
                        "{\"type\":\"session_settings\",\"language_model_api_key\":\"" + LLM
                                + "\",\"system_prompt\":\"hi\"}"),
                c("LLM key, TypeScript name", "{ languageModelApiKey: '" + LLM + "' }"),
                c(
                        "LLM key in a URL, encoded brackets",
                        "wss://example.test/chat?session_settings%5Btype%5D="
                                + "session_settings&session_settings%5Blanguage_model_api_key%5D=" + LLM + "&x=1"),
                c("LLM key in a URL, brackets", "session_settings[language_model_api_key]=" + LLM));
    }

    /** Masked because the URL they are in is Hume's. */
    public static List<Case> inHumeUrls() {
        return List.of(
                c(
                        "EVI URL, api_key",
                        "connecting to wss://api.hume.ai/v0/evi/chat?config_id=1b60e1a0-cc59-424a-8d2c"
                                + "-189d354db3f3&verbose_transcription=true&api_key=" + KEY
                                + "&fernSdkLanguage=JavaScript"),
                c(
                        "EVI URL, access_token first",
                        "wss://api.hume.ai/v0/evi/chat?access_token=" + TOKEN + "&config_id=cfg"),
                c("TTS URL, api_key last", "wss://api.hume.ai/v0/tts/stream/input?api_key=" + KEY),
                c("OkHttp shows wss as https", "--> GET https://api.hume.ai/v0/evi/chat?config_id=x&api_key=" + KEY),
                c(
                        "OkHttp response",
                        "Response{protocol=http/1.1, code=401, message=Unauthorized, url=https://api.hume"
                                + ".ai/v0/evi/chat?config_id=x&api_key=" + KEY + "}"),
                c("JDK HttpRequest", "https://api.hume.ai/v0/evi/chat?config_id=x&access_token=" + TOKEN + " GET"),
                c(
                        "HttpURLConnection",
                        "java.io.IOException: Server returned HTTP response code: 401 for URL: "
                                + "https://api.hume.ai/v0/evi/chat?config_id=x&api_key=" + KEY),
                c("RestTemplate debug", "HTTP GET https://api.hume.ai/v0/evi/chat?config_id=x&api_key=" + KEY),
                c(
                        "reactor-netty",
                        "Handler is being applied: {uri=https://api.hume.ai/v0/evi/chat?config_id=x&api_key=" + KEY
                                + ", method=GET}"),
                c("cloud host", "https://api.cloud.hume.ai/v0/stream/models?apiKey=" + KEY),
                c("Swift names", "wss://api.hume.ai/v0/evi/chat?accessToken=" + TOKEN + "&config_id=x"),
                c("URL in JSON", "{\"url\":\"wss://api.hume.ai/v0/evi/chat?api_key=" + KEY + "\"}"),
                c(
                        "URL-encoded inside another URL",
                        "https://proxy.test/?target=wss%3A%2F%2Fapi.hume.ai%2Fv0%2Fevi"
                                + "%2Fchat%3Fconfig_id%3Dx%26api_key%3D" + KEY + "&y=2"),
                c(
                        "path-only request line",
                        "http-outgoing-0 >> GET /v0/evi/chat?config_id=x&api_key=" + KEY + " HTTP/1.1"),
                c(
                        "next to another parameter",
                        "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY + "&access_token=" + TOKEN),
                c(
                        "two URLs, only Hume's masked",
                        "https://api.themoviedb.org/3/movie/550?api_key=tmdbKEY123 then "
                                + "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY));
    }

    /** Masked only when the event names Hume: Authorization headers and the token endpoint's answer. */
    public static List<Case> inHumeScope() {
        return List.of(
                c("Bearer", "Authorization: Bearer " + TOKEN),
                c("Bearer, Spring", "[Authorization:\"Bearer " + TOKEN + "\"]"),
                c("Bearer, lower case", "authorization: Bearer " + TOKEN),
                c("Bearer, Java map of lists", "{authorization=[Bearer " + TOKEN + "]}"),
                c("Bearer, Python dict", "{'Authorization': 'Bearer " + TOKEN + "'}"),
                c(
                        "Basic, token endpoint",
                        "[Authorization:\"Basic " + BASIC + "\", Content-Type:\"application/x-www"
                                + "-form-urlencoded\"]"),
                c(
                        "token response",
                        "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}"));
    }

    /** Ordinary lines, other vendors' keys and parameters, look-alikes: they come out as the same instance. */
    public static List<String> untouched() {
        return List.of(
                "--> POST https://api.openai.com/v1/chat/completions",
                "Authorization: Bearer sk-proj-abcdefABCDEF0123456789",
                "x-api-key: sk-ant-api03-abcdef0123456789",
                "https://generativelanguage.googleapis.com/v1beta/models?key=AIzaSyA0123456789abcdef",
                "x-goog-api-key: AIzaSyA0123456789abcdef",
                "https://bucket.s3.amazonaws.com/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101"
                        + "&X-Amz-Signature=abcdef0123456789",
                "Authorization: Basic c2tfbGl2ZV8xMjM0NTY3ODkwOg== to api.stripe.com",
                "xi-api-key: 0123456789abcdef",
                "Authorization: Token 0123456789abcdef",
                "https://api.themoviedb.org/3/movie/550?api_key=0123456789abcdef",
                "https://graph.facebook.com/me?access_token=EAAB0123456789",
                "token_type=Bearer expires_in=1800 access_token_expires_in=1800",
                "max_tokens=1024 total_tokens=2048 apiKeyId=k_123 api_key_id=17 api_key_name=prod apiKeyLength: 48",
                "hume_api_key_configured=true",
                "HUME_API_KEY is not set; set it in the environment",
                "api key rotated for tenant 42",
                "Sec-WebSocket-Key: HgOZVyQu4j6y5b3JSBKcHw==",
                "X-Hume-Client-Name: typescript_sdk, X-Hume-Client-Version: 0.16.0",
                "X-Hume-AI-Webhook-Signature: 3f2a9c0d",
                "config_id=1b60e1a0-cc59-424a-8d2c-189d354db3f3 chat_id=9f2d6c1e-1111-2222-3333-444455556666",
                "request_id=req_01JB8XF1N3PA sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 merged",
                "{\"type\":\"audio_output\",\"data\":\"UklGRiQAAABXQVZFZm10IBAAAAABAAEA\"}",
                "hume(E0203): Your audio file was too long",
                "X-Hume-Api-Key: REDACTED",
                "X-Hume-Api-Key: <YOUR API KEY>",
                "X-Hume-Api-Key: ${HUME_API_KEY}",
                "wss://api.hume.ai/v0/evi/chat?api_key=REDACTED&config_id=x",
                "OkHttp redacted: wss://api.hume.ai/v0/evi/chat?api_key=%E2%96%88%E2%96%88",
                "the model used 3 tools",
                "consume the volume of documents",
                "");
    }

    private CredentialRenderings() {}
}
