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
    std::size_t limit = 0; // for a line too long: the longest accepted
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

/// Reads all of `fd`, of any size, into `out`. False when it cannot be read.
inline bool
read_all(int fd, std::string& out)
{
    char chunk[65536];
    while(true)
    {
        ssize_t const got = ::read(fd, chunk, sizeof(chunk));
        if(got < 0 && errno == EINTR)
            continue;
        if(got < 0)
            return false;
        if(got == 0)
            return true;
        out.append(chunk, static_cast<std::size_t>(got));
    }
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

/** The length of the safe character at `s[i]`, or 0: printable ASCII, or
    well-formed UTF-8 (RFC 3629) from U+00A0, so not a C0 or C1 control
    (U+0080 to U+009F), DEL, an overlong form, a surrogate or a value above
    U+10FFFF. What a terminal shows as text and never acts on.
*/
inline std::size_t
safe_char(string_view s, std::size_t i)
{
    auto const c = static_cast<unsigned char>(s[i]);
    if(c >= 0x20 && c < 0x7F)
        return 1;
    std::size_t const len = c >= 0xF0 ? (c <= 0xF4 ? 4 : 0) : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if(len == 0 || i + len > s.size())
        return 0;
    std::uint32_t cp = len == 4 ? c & 7u : len == 3 ? c & 15u : c & 31u;
    for(std::size_t k = 1; k < len; ++k)
    {
        auto const b = static_cast<unsigned char>(s[i + k]);
        if((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    bool const ok = cp >= 0xA0 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF &&
                    !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000);
    return ok ? len : 0;
}

/** Appends `s` to `out` as a terminal shows it safely: safe characters
    (`safe_char`) as they are; every other byte as `\xHH`, and `\` as `\\`,
    so that what is printed cannot move the cursor, set a title or clear a
    screen, and can be read back unambiguously.
*/
inline void
escape_for_terminal(string_view s, std::string& out)
{
    static char const hex[] = "0123456789abcdef";
    for(std::size_t i = 0; i < s.size();)
    {
        std::size_t const n = safe_char(s, i);
        auto const c = static_cast<unsigned char>(s[i]);
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

} // namespace cli

#endif
