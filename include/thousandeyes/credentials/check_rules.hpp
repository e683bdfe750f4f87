// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_CHECK_RULES_HPP
#define THOUSANDEYES_CREDENTIALS_CHECK_RULES_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <cstddef>

namespace thousandeyes {
namespace credentials {

/// How much a finding of `request_checker` matters.
enum class check_severity : unsigned char
{
    error,   ///< the API would refuse or misread the request
    warning, ///< legal, but unlike the docs' example, or risky
    note     ///< worth knowing; nothing to fix
};

/// The rules `request_checker` judges a request by; `rule_info` gives
/// each one's id, severity, text and source.
enum class check_rule : unsigned char
{
    // the bytes of the head (RFC 9112)
    request_line, http_version, bare_lf, bare_cr, control_byte, obs_fold,
    field_syntax, line_too_long, head_incomplete, trailing_bytes,
    // method and target (the API docs)
    method, target_form, absolute_form, target_path, api_version, credential_id,
    expected_id, aid, query_repeated, query_unknown, format_value, format_conflict,
    accept,
    // the body (RFC 9110 section 8.6, RFC 9112 section 6)
    content_length, request_body, content_length_missing, content_length_on_delete,
    transfer_encoding, expect, content_type, content_type_missing,
    // Host (RFC 9112 section 3.2)
    host_missing, host_repeated, host_invalid, host_mismatch,
    // Authorization (RFC 9110 section 11, RFC 7617, RFC 6750)
    authorization_missing, authorization_repeated, authorization_scheme,
    basic_credentials, basic_user, bearer_token, credentials_not_shown,
    // other fields
    user_agent_missing, duplicate_field
};

/// How many rules there are.
inline constexpr std::size_t check_rule_count =
    static_cast<std::size_t>(check_rule::duplicate_field) + 1;

/// What a rule is: all static text, so a finding can never carry a byte of
/// the request it judged (nor a secret).
struct rule_info
{
    string_view id;          ///< stable name, e.g. "host-missing"
    check_severity severity = check_severity::error; ///< how much it matters
    string_view field;       ///< the part of the request judged, e.g. "Host"
    string_view message;     ///< what is wrong, in a sentence
    string_view rule;        ///< the rule, quoted from its source
    string_view source;      ///< where the rule comes from
};

namespace detail {

// clang-format off
inline constexpr rule_info check_rules[check_rule_count] = {
    {"request-line", check_severity::error, "request-line",
     "the request line is not three parts separated by single spaces",
     "request-line = method SP request-target SP HTTP-version", "RFC 9112 section 3"},
    {"http-version", check_severity::warning, "request-line",
     "the request is not HTTP/1.1",
     "HTTP-version = HTTP-name \"/\" DIGIT \".\" DIGIT; the docs' example is HTTP/1.1",
     "RFC 9112 section 2.3"},
    {"bare-lf", check_severity::warning, "line terminator",
     "a line ends in LF without CR; not every server accepts it",
     "the line terminator for the start-line and fields is the sequence CRLF; a recipient MAY "
     "recognize a single LF", "RFC 9112 section 2.2"},
    {"bare-cr", check_severity::error, "line terminator",
     "a CR not followed by LF",
     "A sender MUST NOT generate a bare CR (a CR character not immediately followed by LF)",
     "RFC 9112 section 2.2"},
    {"control-byte", check_severity::error, "field-value",
     "a control byte (CR, LF, NUL or another CTL but HTAB) inside a line",
     "field-value = *field-content; field-vchar = VCHAR / obs-text", "RFC 9110 section 5.5"},
    {"obs-fold", check_severity::error, "field-line",
     "a field line continued on the next line (obs-fold)",
     "A sender MUST NOT generate a message that includes line folding; a server MUST reject it "
     "with 400 or replace it", "RFC 9112 section 5.2"},
    {"field-syntax", check_severity::error, "field-line",
     "not a field line: a name that is not a token, no colon, or whitespace before the colon",
     "field-line = field-name \":\" OWS field-value OWS; whitespace between the field name and "
     "colon: a server MUST respond with 400", "RFC 9112 section 5.1"},
    {"line-too-long", check_severity::error, "line",
     "a line over 8,192 bytes, the checker's limit and common servers' (answered 414 or 431)",
     "A server that receives a request-target longer than any URI it wishes to parse MUST respond "
     "with 414; fields too large: 431", "RFC 9112 section 3, RFC 6585 section 5"},
    {"head-incomplete", check_severity::error, "head",
     "the input ends before the empty line that ends the head",
     "HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]",
     "RFC 9112 section 2.1"},
    {"trailing-bytes", check_severity::error, "message-body",
     "bytes after a head that frames no body: a server reads them as the next request",
     "If this is a request message and none of the above are true, then the message body length "
     "is zero", "RFC 9112 section 6.3"},
    {"method", check_severity::error, "method",
     "the wrong method for this API version (the API answers 405)",
     "v6: POST /v6/credentials/{id}/delete; v7: DELETE /v7/credentials/{id}",
     "ThousandEyes API v6 \"Deleting a credential\", API v7 reference"},
    {"target-form", check_severity::error, "request-target",
     "the request-target is neither origin-form nor absolute-form",
     "request-target = origin-form / absolute-form / authority-form / asterisk-form; "
     "origin-form = absolute-path [ \"?\" query ]", "RFC 9112 section 3.2"},
    {"absolute-form", check_severity::note, "request-target",
     "absolute-form, as sent to a proxy; the API sees the origin-form",
     "a client MUST send a request-target in absolute-form when making a request to a proxy",
     "RFC 9112 section 3.2.2"},
    {"target-path", check_severity::error, "request-target",
     "the path is not the credential deletion endpoint (the API answers 404)",
     "{base}/v6/credentials/{id}/delete[.json|.xml] or {base}/v7/credentials/{id}",
     "ThousandEyes API v6 \"Deleting a credential\", API v7 reference"},
    {"api-version", check_severity::error, "request-target",
     "the path names another API version than the one expected",
     "v6: /v6/credentials/{id}/delete; v7: /v7/credentials/{id}",
     "ThousandEyes API v6 and v7 references"},
    {"credential-id", check_severity::error, "request-target",
     "the credential id is not a decimal from 1 to 2^63-1 without leading zeros",
     "credentialId is an integer (v6); id is a numeric string (v7)",
     "ThousandEyes API v6 credential objects, API v7 schema"},
    {"expected-id", check_severity::error, "request-target",
     "the credential id is not the one expected",
     "the request deletes the credential it was meant to", "the expectation given to the checker"},
    {"aid", check_severity::error, "query",
     "the aid is not a decimal from 1 to 2^63-1 without leading zeros (the API answers 400)",
     "aid={aid}: the account group id; an invalid account id gives HTTP 400",
     "ThousandEyes API v6 \"Account context\""},
    {"query-repeated", check_severity::error, "query",
     "a query parameter given twice: which one the API reads is undocumented",
     "aid={aid} (and v6 format=json|xml), once each", "ThousandEyes API v6 \"Account context\""},
    {"query-unknown", check_severity::warning, "query",
     "a query parameter the API does not document for this request",
     "v6: aid and format; v7: aid", "ThousandEyes API v6 and v7 references"},
    {"format-value", check_severity::warning, "query",
     "format= is neither json nor xml",
     "a format=json|xml query parameter", "ThousandEyes API v6 \"Request and response formats\""},
    {"format-conflict", check_severity::warning, "Accept",
     "the path suffix, Accept and format= ask for different formats; the suffix wins, then Accept",
     "On conflict the suffix wins, then Accept, then the query parameter",
     "ThousandEyes API v6 \"Request and response formats\""},
    {"accept", check_severity::error, "Accept",
     "Accept admits no format the API answers this request in (the API answers 406)",
     "v6: application/json or text/xml; v7: application/json, application/problem+json; "
     "406: the Accept header does not match a format offered",
     "ThousandEyes API v6 \"Response status codes\", API v7 reference"},
    {"content-length", check_severity::error, "Content-Length",
     "Content-Length is not one decimal, or its lines disagree",
     "Content-Length = 1*DIGIT; a list of differing values is an unrecoverable error",
     "RFC 9110 section 8.6, RFC 9112 section 6.3"},
    {"request-body", check_severity::error, "message-body",
     "the request has a body; the API wants none",
     "v6: \"The request body must be provided, but should be empty\"; v7: no request body",
     "ThousandEyes API v6 \"Deleting a credential\", API v7 reference"},
    {"content-length-missing", check_severity::warning, "Content-Length",
     "a POST without Content-Length; the docs' example sends Content-Length: 0",
     "A user agent SHOULD send Content-Length in a request when the method defines a meaning for "
     "enclosed content", "RFC 9110 section 8.6"},
    {"content-length-on-delete", check_severity::note, "Content-Length",
     "Content-Length: 0 on a DELETE; legal, but the method anticipates no content",
     "A user agent SHOULD NOT send a Content-Length header field when the request message does "
     "not contain content and the method semantics do not anticipate such data",
     "RFC 9110 section 8.6"},
    {"transfer-encoding", check_severity::error, "Transfer-Encoding",
     "Transfer-Encoding on a request that must have no body",
     "a server that does not understand a transfer coding answers 501; with Content-Length as "
     "well it ought to be handled as an error", "RFC 9112 section 6.1"},
    {"expect", check_severity::warning, "Expect",
     "Expect on a request without content: the client may wait for a 100 that never comes",
     "A client MUST NOT generate a 100-continue expectation in a request that does not include "
     "content", "RFC 9110 section 10.1.1"},
    {"content-type", check_severity::warning, "Content-Type",
     "a Content-Type other than application/json (the API may answer 415)",
     "the docs' example sends Content-Type: application/json; 415: POST data in the wrong format",
     "ThousandEyes API v6 \"Deleting a credential\""},
    {"content-type-missing", check_severity::note, "Content-Type",
     "no Content-Type; the docs' example sends application/json, the API's answer without it is "
     "undocumented", "curl ... -d '' -H \"Content-Type: application/json\"",
     "ThousandEyes API v6 \"Deleting a credential\""},
    {"host-missing", check_severity::error, "Host",
     "no Host field (a server answers 400)",
     "A client MUST send a Host header field in all HTTP/1.1 request messages",
     "RFC 9112 section 3.2"},
    {"host-repeated", check_severity::error, "Host",
     "more than one Host field line (a server answers 400)",
     "A server MUST respond with 400 to any HTTP/1.1 request message that lacks a Host header "
     "field and to any request message that contains more than one Host header field line",
     "RFC 9112 section 3.2"},
    {"host-invalid", check_severity::error, "Host",
     "the Host value is not host [ \":\" port ] (a server answers 400)",
     "Host = uri-host [ \":\" port ]", "RFC 9110 section 7.2"},
    {"host-mismatch", check_severity::error, "Host",
     "the Host value is not the expected authority",
     "the Host value is the target URI's authority", "RFC 9110 section 7.2"},
    {"authorization-missing", check_severity::error, "Authorization",
     "no Authorization field (the API answers 401)",
     "Authorization: Basic base64(email \":\" apiToken) (v6) or Bearer <token>",
     "ThousandEyes API v6 \"Authentication\", API v7 reference"},
    {"authorization-repeated", check_severity::error, "Authorization",
     "more than one Authorization field line: it holds one credential, two are ambiguous",
     "Authorization = credentials", "RFC 9110 section 11.6.2"},
    {"authorization-scheme", check_severity::error, "Authorization",
     "an authentication scheme this API version does not take (the API answers 401)",
     "v6: Basic or Bearer; v7: Bearer only", "ThousandEyes API v6 \"Authentication\", API v7"},
    {"basic-credentials", check_severity::error, "Authorization",
     "the Basic credentials are not base64 of user-id \":\" password without control characters",
     "credentials = \"Basic\" 1*SP token68, the base64 of user-id \":\" password; the user-id "
     "cannot contain a colon; no control characters", "RFC 7617 section 2"},
    {"basic-user", check_severity::warning, "Authorization",
     "the Basic user-id is not an email address; the API's user is an email",
     "Authorization: Basic base64(email \":\" apiToken)", "ThousandEyes API v6 \"Authentication\""},
    {"bearer-token", check_severity::error, "Authorization",
     "the Bearer token is not a b64token",
     "credentials = \"Bearer\" 1*SP b64token; b64token = 1*( ALPHA / DIGIT / \"-\" / \".\" / "
     "\"_\" / \"~\" / \"+\" / \"/\" ) *\"=\"", "RFC 6750 section 2.1"},
    {"credentials-not-shown", check_severity::note, "Authorization",
     "the credentials were redacted before the checker saw them: only the scheme is judged",
     "a record keeps the scheme and never the credentials", "te-api-double --record"},
    {"user-agent-missing", check_severity::note, "User-Agent",
     "no User-Agent; the API's operators cannot tell clients apart",
     "A user agent SHOULD send a User-Agent header field in each request",
     "RFC 9110 section 10.1.5"},
    {"duplicate-field", check_severity::warning, "field-line",
     "a singleton field given more than once: servers keep the first, the last or refuse",
     "A sender MUST NOT generate multiple field lines with the same name in a message unless that "
     "field's definition allows it", "RFC 9110 section 5.3"},
};
// clang-format on

} // namespace detail

/// The id, severity, text and source of `r`.
inline constexpr rule_info const&
info(check_rule r) noexcept
{
    return detail::check_rules[static_cast<std::size_t>(r)];
}

/// "error", "warning" or "note".
inline constexpr string_view
to_string(check_severity s) noexcept
{
    return s == check_severity::error ? "error" : s == check_severity::warning ? "warning" : "note";
}

/** One thing `request_checker` found: a rule, where in the head, how many
    bytes it covers, and the field judged. It holds no byte of the request:
    `field` is static text (a known field's name), so printing a finding
    cannot leak a credential.
*/
struct finding
{
    check_rule rule = check_rule::request_line; ///< the rule broken (see `info`)
    std::size_t offset = 0; ///< first byte it concerns, from the start of the head
    std::size_t length = 0; ///< bytes it covers (0: a point, such as the end of the head)
    string_view field;      ///< the field's name, or the rule's part of the request

    /// The rule's severity.
    check_severity
    severity() const noexcept
    {
        return info(rule).severity;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
