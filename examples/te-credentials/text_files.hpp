// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: reading the user's text files and printing text that
// came from a server. Both are places where bytes from elsewhere meet the
// operator: a file must mean what it shows (no line split or cut short), and
// a server must not write to the terminal (no escape sequences reach it).
#ifndef TE_CREDENTIALS_CLI_TEXT_FILES_HPP
#define TE_CREDENTIALS_CLI_TEXT_FILES_HPP

#include <boost/core/detail/string_view.hpp>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cli {

using string_view = boost::core::string_view;

/// Why a text file was refused, and on which line (0: the file as a whole).
struct text_error
{
    long line = 0;
    char const* why = nullptr;
    std::size_t limit = 0; // for a line or input too long: the longest accepted
    int sys = 0;           // for "cannot read": the errno of the failing read
};

/** Opens `path` for reading. With `regular_only`, anything but a regular
    file (a FIFO that never writes, a device, a directory) is refused
    without blocking: the file is opened non-blocking and checked before a
    byte is read. Returns -1 and sets `why` on failure, with the system's
    reason ("cannot open: No such file or directory").
*/
inline int
open_input(char const* path, bool regular_only, std::string& why)
{
    int const fd = ::open(path, O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
    if(fd < 0)
    {
        why = std::string("cannot open: ") + std::strerror(errno);
        return -1;
    }
    struct stat st;
    if(::fstat(fd, &st) != 0 || (regular_only && !S_ISREG(st.st_mode)))
    {
        ::close(fd);
        why = "not a regular file";
        return -1;
    }
    return fd;
}

/** Reads all of `fd` into [buf, buf + cap). Returns the size, or -1 when the
    file is larger than `cap` (`too_large`) or cannot be read.
*/
inline long
read_all(int fd, char* buf, std::size_t cap, bool& too_large)
{
    std::size_t n = 0;
    too_large = false;
    while(true)
    {
        char probe;
        char* const at = n < cap ? buf + n : &probe;
        ssize_t const got = ::read(fd, at, n < cap ? cap - n : 1);
        if(got < 0 && errno == EINTR)
            continue;
        if(got < 0)
            return -1;
        if(got == 0)
            return static_cast<long>(n);
        if(n >= cap)
        {
            too_large = true;
            return -1;
        }
        n += static_cast<std::size_t>(got);
    }
}

/// The largest ids file read: 16 MiB, a million ids with room for comments.
inline constexpr std::size_t max_ids_file = std::size_t(16) << 20;

/// The largest response or transcript explain-response reads: 1 MiB, far
/// more than an error's head and body (the head alone is refused past 16 KiB).
inline constexpr std::size_t max_transcript = std::size_t(1) << 20;

/** Reads all of `fd` into `out`, up to `limit` bytes: a larger input, or one
    that never ends (`/dev/zero`, a pipe that keeps writing), is refused
    rather than read until memory runs out. A NUL byte stops the reading
    too: a text file never holds one, and the error names its line.
    Returns an empty error, or why (`line` 0 for the input as a whole;
    `why` "cannot read" with `errno` set by the failing read).
*/
inline text_error
read_text(int fd, std::size_t limit, std::string& out)
{
    char chunk[65536];
    while(true)
    {
        ssize_t const got = ::read(fd, chunk, sizeof(chunk));
        if(got < 0 && errno == EINTR)
            continue;
        if(got < 0)
            return {0, "cannot read", 0, errno};
        if(got == 0)
            return {};
        string_view const piece(chunk, static_cast<std::size_t>(got));
        std::size_t const nul = piece.find('\0');
        std::size_t const keep = nul == string_view::npos ? piece.size() : nul;
        out.append(chunk, std::min(keep, limit + 1 - out.size())); // out.size() <= limit here
        if(nul != string_view::npos && out.size() <= limit)
        {
            long const line = 1 + static_cast<long>(std::count(out.begin(), out.end(), '\n'));
            return {line, "contains a NUL byte"};
        }
        if(out.size() > limit)
            return {0, "larger than", limit};
    }
}

/// What `e` says, for a message: "line 3: contains a NUL byte", "line 3:
/// longer than 4096 bytes", "larger than 1048576 bytes (the limit)".
inline std::string
describe(text_error const& e)
{
    std::string s = e.line ? "line " + std::to_string(e.line) + ": " : std::string();
    s += e.why;
    if(e.limit)
        s += " " + std::to_string(e.limit) + (e.line ? " bytes" : " bytes (the limit)");
    if(e.sys)
        s += std::string(": ") + std::strerror(e.sys);
    return s;
}

/** Calls `f(line_number, line)` for each line of `text`, whole, whatever its
    length up to `max_line`: a UTF-8 BOM at the start is dropped, each line
    ends at LF (a CR before it is dropped), and a last line may lack its LF.
    A NUL byte, or a line longer than `max_line` bytes, stops the reading
    with an error naming the line: a line is never split or cut short.
*/
template<class F>
text_error
for_each_line(string_view text, std::size_t max_line, F&& f)
{
    if(text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    long number = 0;
    while(!text.empty())
    {
        ++number;
        std::size_t const eol = text.find('\n');
        string_view line = text.substr(0, eol);
        text.remove_prefix(eol == string_view::npos ? text.size() : eol + 1);
        if(!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if(line.find('\0') != string_view::npos)
            return {number, "contains a NUL byte"};
        if(line.size() > max_line)
            return {number, "longer than", max_line};
        f(number, line);
    }
    return {};
}

/** The length of the well-formed UTF-8 sequence (RFC 3629) at `s[i]` from
    U+0080, its code point in `cp`; 0 for any other byte: an overlong form,
    a surrogate, a value above U+10FFFF, a sequence cut short.
*/
inline std::size_t
utf8_at(string_view s, std::size_t i, std::uint32_t& cp)
{
    auto const c = static_cast<unsigned char>(s[i]);
    std::size_t const len = c >= 0xF0 ? (c <= 0xF4 ? 4 : 0) : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if(len == 0 || i + len > s.size())
        return 0;
    cp = len == 4 ? c & 7u : len == 3 ? c & 15u : c & 31u;
    for(std::size_t k = 1; k < len; ++k)
    {
        auto const b = static_cast<unsigned char>(s[i + k]);
        if((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    bool const ok = !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF &&
                    !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000);
    return ok ? len : 0;
}

/** Whether `cp` is a format character (Unicode general category Cf, as of
    Unicode 15.1) or a line or paragraph separator (Zl, Zp): invisible, yet
    they reorder text (U+202E RIGHT-TO-LEFT OVERRIDE), hide it (U+200B ZERO
    WIDTH SPACE) or break lines, so a server's words could show the operator
    something other than what was sent.
*/
inline bool
is_format_char(std::uint32_t cp)
{
    static constexpr std::uint32_t ranges[][2] = {
        {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
        {0x070F, 0x070F},   {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},
        {0x200B, 0x200F},   {0x2028, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
        {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
        {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
        {0xE0020, 0xE007F}};
    for(auto const& r : ranges)
        if(cp >= r[0] && cp <= r[1])
            return true;
    return false;
}

/** The length of the safe character at `s[i]`, or 0: printable ASCII, or
    well-formed UTF-8 from U+00A0 that is not a format character, so not a
    C0 or C1 control (U+0080 to U+009F), DEL, U+202E and its kind. What a
    terminal shows as text and never acts on.
*/
inline std::size_t
safe_char(string_view s, std::size_t i)
{
    auto const c = static_cast<unsigned char>(s[i]);
    if(c >= 0x20 && c < 0x7F)
        return 1;
    std::uint32_t cp = 0;
    std::size_t const len = utf8_at(s, i, cp);
    return len && cp >= 0xA0 && !is_format_char(cp) ? len : 0;
}

/** Appends `s` to `out` as a terminal shows it safely: safe characters
    (`safe_char`) as they are; a format character as `\u{202e}`; every other
    byte as `\xHH`, and `\` as `\\`, so that what is printed cannot move the
    cursor, set a title, clear a screen or reorder what is shown, and can be
    read back unambiguously.
*/
inline void
escape_for_terminal(string_view s, std::string& out)
{
    static char const hex[] = "0123456789abcdef";
    for(std::size_t i = 0; i < s.size();)
    {
        std::size_t const n = safe_char(s, i);
        auto const c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = 0;
        std::size_t const len = n ? 0 : utf8_at(s, i, cp);
        if(len && is_format_char(cp))
        {
            char u[16];
            std::snprintf(u, sizeof(u), "\\u{%04x}", static_cast<unsigned>(cp));
            out += u;
            i += len;
            continue;
        }
        if(n == 0)
        {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
            continue;
        }
        if(c == '\\')
            out += '\\';
        out.append(s.data() + i, n);
        i += n;
    }
}

/// `s` escaped for the terminal (see `escape_for_terminal`).
inline std::string
for_terminal(string_view s)
{
    std::string out;
    escape_for_terminal(s, out);
    return out;
}

/** Whether a value the user typed may be a secret put in the wrong place:
    one word of 16 or more characters from a token's alphabets (letters,
    digits, `-._~+=`), with letters and digits both, and no '/'. ThousandEyes
    tokens, UUIDs and JWTs are; a path, a name such as TE_TOKEN, an email
    or a URL is not. Such a value is never echoed: a message names the
    option and the rule instead.
*/
inline bool
looks_secret(string_view v)
{
    bool letter = false, digit = false;
    for(char c : v)
    {
        bool const is_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool const is_digit = c >= '0' && c <= '9';
        if(!is_letter && !is_digit && !std::strchr("-._~+=", c))
            return false;
        letter = letter || is_letter;
        digit = digit || is_digit;
    }
    return v.size() >= 16 && letter && digit;
}

/// "OPTION VALUE" for a message, the value escaped for the terminal, or
/// only "OPTION" when the value looks like a secret (`looks_secret`).
inline std::string
option_and_value(string_view option, string_view value)
{
    std::string s(option);
    if(!looks_secret(value))
        s.append(" ").append(for_terminal(value));
    return s;
}

/// Whether `name` is an environment variable name as POSIX shells write
/// one: a letter or '_', then letters, digits and '_'.
inline bool
is_env_name(string_view name)
{
    if(name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for(char c : name)
        if(!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_'))
            return false;
    return true;
}

} // namespace cli

#endif
