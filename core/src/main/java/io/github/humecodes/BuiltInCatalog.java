package io.github.humecodes;

import static io.github.humecodes.Severity.CRITICAL;
import static io.github.humecodes.Severity.ERROR;
import static io.github.humecodes.Severity.INFO;
import static io.github.humecodes.Severity.WARNING;

import java.util.List;

/**
 * The codes this jar knows, in Java rather than in a JSON resource: reading them costs no parser on the first
 * logging call (a JSON reader took about half a second to start there). {@code catalog --format json} prints the
 * same entries in the schema of override files. Entry: code, category, severity, retryable, description, and
 * Hume's slug where one is known.
 */
final class BuiltInCatalog {
    private BuiltInCatalog() {}

    static List<HumeCode> codes() {
        return List.of(
                entry(
                        "E0100",
                        "request",
                        ERROR,
                        false,
                        "The WebSocket message could not be parsed as JSON; Hume only accepts JSON payloads."),
                entry(
                        "E0101",
                        "request",
                        ERROR,
                        false,
                        "The WebSocket request is malformed, for example a required field is missing or badly formatted; the API message has the details."),
                entry(
                        "E0102",
                        "media",
                        ERROR,
                        false,
                        "The requested model cannot process this file type, e.g. face models on a text file or audio models on a video without sound."),
                entry("E0200", "media", ERROR, false, "The media could not be parsed as any supported file format."),
                entry(
                        "E0201",
                        "media",
                        ERROR,
                        false,
                        "The media could not be decoded as base64; send base64-encoded bytes in data, or plain text in raw_text."),
                entry(
                        "E0202",
                        "media",
                        ERROR,
                        false,
                        "Audio models were requested but no audio signal could be read from the media."),
                entry(
                        "E0203",
                        "media",
                        ERROR,
                        false,
                        "The audio is too long for the streaming endpoint: the limit is 5000 ms; use the REST batch API for longer files."),
                entry(
                        "E0204",
                        "media",
                        ERROR,
                        false,
                        "The video is too long for the streaming endpoint: the limit is 5000 ms; send frames as images or use the REST batch API."),
                entry(
                        "E0205",
                        "media",
                        ERROR,
                        false,
                        "The image is too large for the streaming endpoint: the limit is 3,000 x 3,000 pixels; use the REST batch API for larger images."),
                entry(
                        "E0206",
                        "media",
                        ERROR,
                        false,
                        "The text is too long for the streaming endpoint: the limit is 10,000 characters; use the REST batch API for longer text."),
                entry("E0207", "media", ERROR, false, "The media URL provided appears to be incorrect or incomplete."),
                entry(
                        "E0300",
                        "billing",
                        CRITICAL,
                        false,
                        "The account has run out of credits; billing must be activated before further API calls succeed."),
                entry(
                        "E0301",
                        "billing",
                        CRITICAL,
                        false,
                        "The account's monthly credit limit has been reached; raise the limit on the Usage page or wait for the monthly reset."),
                entry(
                        "E0400",
                        "not_found",
                        ERROR,
                        false,
                        "The request references a resource that does not exist; check its name or identifier."),
                entry(
                        "E0401",
                        "media",
                        ERROR,
                        false,
                        "The upload failed; check that the file meets the format and size requirements, then upload it again."),
                entry(
                        "E0600",
                        "not_found",
                        ERROR,
                        false,
                        "The requested resource could not be found; check its identifier."),
                entry(
                        "E0601",
                        "timeout",
                        WARNING,
                        true,
                        "The request timed out while waiting for a response; try again later."),
                entry(
                        "E0602",
                        "access",
                        ERROR,
                        false,
                        "Permission denied for the requested resource; check the credentials and who owns the resource."),
                entry("E0603", "request", ERROR, false, "The request payload is malformed; check its structure."),
                entry(
                        "E0700",
                        "rate_limit",
                        WARNING,
                        true,
                        "Too many active chats on the account; close an existing chat before starting another (the message gives the count and the limit)."),
                entry(
                        "E0701",
                        "access",
                        CRITICAL,
                        false,
                        "The API key given for the supplemental language model is not valid."),
                entry(
                        "E0702",
                        "tool",
                        ERROR,
                        false,
                        "A tool (function) call returned an error; check the tool schema and the function call handler."),
                entry(
                        "E0703",
                        "config",
                        ERROR,
                        false,
                        "The EVI configuration is invalid; the message says what is misconfigured."),
                entry(
                        "E0704",
                        "config",
                        ERROR,
                        false,
                        "Audio settings were changed after audio had already been received; set them before sending audio."),
                entry(
                        "E0705",
                        "custom_llm",
                        ERROR,
                        false,
                        "The custom language model was disconnected by a server connection interruption; check that its server is running, reachable and not blocked by a firewall.",
                        "custom_language_model_disconnected"),
                entry(
                        "E0706",
                        "custom_llm",
                        CRITICAL,
                        false,
                        "Hume cannot reach the custom language model; make sure the endpoint is accessible."),
                entry(
                        "E0707",
                        "request",
                        ERROR,
                        false,
                        "A message sent to Hume is neither {\"type\": \"assistant_input\", \"text\": ...} nor {\"type\": \"assistant_end\"}."),
                entry(
                        "E0708",
                        "not_found",
                        ERROR,
                        false,
                        "The chat group to resume does not exist; check the chat group identifier."),
                entry(
                        "E0709",
                        "not_found",
                        ERROR,
                        false,
                        "The EVI configuration to use does not exist; check the configuration identifier."),
                entry("E0710", "not_found", ERROR, false, "The previous chat could not be resumed."),
                entry(
                        "E0711",
                        "config",
                        ERROR,
                        false,
                        "The supplemental language model is not available as a Hume-managed LLM; provide the model provider's API key or choose another model."),
                entry(
                        "E0712",
                        "custom_llm",
                        ERROR,
                        false,
                        "The connection attempt to the custom language model timed out (network, server availability or firewall).",
                        "custom_language_model_timed_out"),
                entry(
                        "E0713",
                        "custom_llm",
                        ERROR,
                        false,
                        "The connection to the custom language model failed with a fatal error; check that it is correctly configured and accessible."),
                entry(
                        "E0714",
                        "session",
                        INFO,
                        false,
                        "The EVI WebSocket was closed because the inactivity timeout of the configuration (timeouts.inactivity) was reached.",
                        "inactivity_timeout"),
                entry(
                        "E0715",
                        "session",
                        INFO,
                        false,
                        "The EVI WebSocket was closed because the maximum duration of the configuration (timeouts.max_duration) was reached.",
                        "max_duration_timeout"),
                entry(
                        "E0716",
                        "config",
                        ERROR,
                        false,
                        "The session settings were invalid and were not applied; the API response says what to fix."),
                entry(
                        "E0717",
                        "config",
                        ERROR,
                        false,
                        "The EVI WebSocket was closed because the chat group to resume already has an active chat."),
                entry(
                        "E0718",
                        "llm_provider",
                        WARNING,
                        true,
                        "The supplemental LLM provider's API is degraded; try again later or choose another supplemental LLM."),
                entry(
                        "E0719",
                        "llm_provider",
                        ERROR,
                        true,
                        "The supplemental LLM provider has an outage; try again later or choose another supplemental LLM."),
                entry(
                        "E0720",
                        "not_found",
                        ERROR,
                        false,
                        "The chat group to resume could not be found; check resumed_chat_group_id and that data retention is enabled."),
                entry(
                        "E0721",
                        "content_policy",
                        WARNING,
                        false,
                        "The chat was ended for a content safety violation of the Acceptable Use Policy."),
                entry(
                        "E0722",
                        "config",
                        ERROR,
                        false,
                        "The dynamic variables template is invalid; variables are not injected until it parses."),
                entry(
                        "E0723",
                        "request",
                        ERROR,
                        false,
                        "The incoming audio could not be parsed: whole audio files were sent where audio must be streamed."),
                entry(
                        "E0724",
                        "custom_llm",
                        ERROR,
                        false,
                        "The custom language model endpoint returned an error or an invalid response."),
                entry(
                        "E0725",
                        "request",
                        ERROR,
                        false,
                        "The audio encoding is not supported; linear16 is the only supported raw encoding."),
                entry(
                        "E0726",
                        "config",
                        ERROR,
                        false,
                        "The EVI version in the configuration is deprecated; move the configuration to a supported version."),
                entry(
                        "E0727",
                        "config",
                        ERROR,
                        false,
                        "The requested short response system prompt operation could not be executed; the message has the details."),
                entry(
                        "E0728",
                        "request",
                        ERROR,
                        false,
                        "Invalid audio query parameters on the WebSocket handshake: give audio_encoding, audio_channels and audio_sample_rate together, or none of them."),
                entry(
                        "E0729",
                        "not_found",
                        ERROR,
                        false,
                        "The chat ID does not exist, has already ended, or is not accessible to this account."),
                entry(
                        "E0730",
                        "not_found",
                        ERROR,
                        false,
                        "The chat does not allow additional connections; it must be started with allow_connection=True to be listened to."),
                entry(
                        "E0800",
                        "request",
                        ERROR,
                        false,
                        "The num_generations value is not supported; the message lists the supported values."),
                entry(
                        "E0801",
                        "content_policy",
                        WARNING,
                        false,
                        "The TTS request may violate the Acceptable Use Policy; change its content."),
                entry(
                        "E0802",
                        "generation",
                        ERROR,
                        true,
                        "The requested voice parameter could not be randomized; try again."),
                entry(
                        "E0803",
                        "access",
                        ERROR,
                        false,
                        "Voice cloning from a file is not enabled for the account's plan."),
                entry(
                        "E0804",
                        "request",
                        ERROR,
                        false,
                        "An utterance in the TTS request contains invalid text; the message names the utterance index."),
                entry(
                        "E0805",
                        "generation",
                        ERROR,
                        true,
                        "The provided text could not be enhanced; try again or simplify the text."),
                entry(
                        "E0806",
                        "media",
                        ERROR,
                        false,
                        "No speech was detected in the audio sample given for voice cloning."),
                entry(
                        "E0807",
                        "media",
                        ERROR,
                        false,
                        "The audio sample for voice cloning is too short; the message gives the minimum duration."),
                entry(
                        "E0808",
                        "media",
                        ERROR,
                        false,
                        "The audio sample for voice cloning is too long; the message gives the maximum duration."),
                entry(
                        "E0809",
                        "content_policy",
                        WARNING,
                        false,
                        "The request was flagged as generating a child voice, which the Acceptable Use Policy forbids."),
                entry(
                        "E0810",
                        "access",
                        ERROR,
                        false,
                        "The cloned voice cannot be retrieved on this plan; cloned voices need the Creator plan or higher."),
                entry(
                        "E0811",
                        "rate_limit",
                        WARNING,
                        true,
                        "The TTS service is under high traffic and rate limited the request; try again later."),
                entry(
                        "E0812",
                        "request",
                        ERROR,
                        false,
                        "A voice with this name already exists; choose another name for the cloned voice."),
                entry("E0813", "request", ERROR, false, "A voice created with Octave 2 cannot be used with Octave 1."),
                entry(
                        "E0814",
                        "request",
                        ERROR,
                        false,
                        "Instant voice cloning is not available in Octave 1; use Octave 2."),
                entry("E0815", "request", ERROR, false, "Octave 2 requires a voice in every utterance."),
                entry("E0816", "media", ERROR, false, "The media file exceeds the maximum file size."),
                entry("W0101", "no_result", INFO, false, "No vocal bursts were detected in the media."),
                entry("W0102", "no_result", INFO, false, "No face meshes were detected in the media."),
                entry("W0103", "no_result", INFO, false, "No faces were detected in the media."),
                entry("W0104", "no_result", INFO, false, "No emotional language was detected in the media."),
                entry("W0105", "no_result", INFO, false, "No speech was detected in the media."),
                entry(
                        "W0106",
                        "config",
                        WARNING,
                        false,
                        "No dynamic variables were found matching the ones specified."),
                entry(
                        "W0107",
                        "request",
                        WARNING,
                        false,
                        "A long user input message without audio was sent; it can cause voice hallucinations, better set context in the system prompt."),
                entry(
                        "W0108",
                        "request",
                        WARNING,
                        false,
                        "A long assistant input message without audio was sent; it can cause voice hallucinations, better set context in the system prompt."),
                entry(
                        "W0109",
                        "request",
                        WARNING,
                        false,
                        "The user input message exceeds the maximum length and was ignored."),
                entry(
                        "W0110",
                        "request",
                        WARNING,
                        false,
                        "The assistant input message exceeds the maximum length and was ignored."),
                entry(
                        "W0111",
                        "config",
                        WARNING,
                        false,
                        "An external language model and context injection cannot be used together; context injection was disabled."),
                entry(
                        "W0112",
                        "content_policy",
                        WARNING,
                        false,
                        "The system prompt sent in session settings was blocked by the content filter and not updated."),
                entry(
                        "W0113",
                        "config",
                        WARNING,
                        false,
                        "Some variable attributes have no values, so the text formatting may be incomplete."),
                entry(
                        "I0100",
                        "service",
                        CRITICAL,
                        true,
                        "An outage or bug inside a Hume service; Hume's team is alerted, contact support if it persists."),
                entry(
                        "I0116",
                        "service",
                        CRITICAL,
                        true,
                        "Transcription failed inside a Hume service (an internal outage or bug); Hume's team is alerted.",
                        "transcription_failure"),
                entry(
                        "1000",
                        "connection",
                        INFO,
                        false,
                        "WebSocket closed normally: an intentional disconnect by the server, e.g. the hang-up tool, or the inactivity or maximum duration timeout.",
                        "close_normal"),
                entry(
                        "1008",
                        "connection",
                        ERROR,
                        false,
                        "WebSocket closed for a policy violation: an unrecoverable problem caused by the request; check it against the API's guidelines.",
                        "policy_violation"),
                entry(
                        "1011",
                        "connection",
                        ERROR,
                        true,
                        "WebSocket closed for an internal Hume server error; try again later or contact support if it persists.",
                        "server_error"));
    }

    private static HumeCode entry(
            String code, String category, Severity severity, boolean retryable, String description) {
        return entry(code, category, severity, retryable, description, null);
    }

    private static HumeCode entry(
            String code, String category, Severity severity, boolean retryable, String description, String slug) {
        return new HumeCode(code, category, severity, description, retryable, slug, true);
    }
}
