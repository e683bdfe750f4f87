// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_CHUNKED_DECODER_HPP
#define THOUSANDEYES_CREDENTIALS_CHUNKED_DECODER_HPP

// A chunked response body, decoded sans-I/O: bytes in (any chunks), views
// of the chunk data out. Nothing is copied and nothing is kept, so a stack
// that hands over a body still chunked (a raw socket, a firmware TLS
// record) can give `error_message::read` what the server meant.

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>

#include <cstddef>
#include <cstdint>

namespace thousandeyes {
namespace credentials {

/// Limits of a `chunked_decoder`.
struct chunked_options
{
    /// Bytes of one chunk-size line: leading zeros, extensions and its
    /// line end included.
    std::size_t max_line_size = 4096;
    /// Bytes after the last chunk's line: the trailer fields and the final
    /// empty line, line ends included.
    std::size_t max_trailer_size = std::size_t{8} * 1024;
};

/// What one call to `chunked_decoder::feed` read.
struct chunked_piece
{
    std::size_t consumed = 0; ///< bytes of the input read (framing and data)
    /// Chunk data among them: a view into the input. Empty (and then
    /// possibly without a pointer: do not hand it to memcpy) when the bytes
    /// read were framing only.
    string_view data;
};

/** Decodes `Transfer-Encoding: chunked` (RFC 9112 section 7.1):

    @code
    chunked-body   = *chunk last-chunk trailer-section CRLF
    chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
    chunk-size     = 1*HEXDIG
    last-chunk     = 1*("0") [ chunk-ext ] CRLF
    chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
    trailer-section = *( field-line CRLF )
    @endcode

    Leading zeros in a chunk-size are allowed (it is `1*HEXDIG`); extensions
    are checked and passed over; trailers are checked and discarded. A lone
    LF ends a line as CRLF does (RFC 9112 section 2.2); a CR must be
    followed by LF. The first error sticks.

    @code
    chunked_decoder dec;
    while(!in.empty() && !dec.done())
    {
        auto piece = dec.feed(in);
        if(!piece) return piece.error();
        append(piece->data);
        in.remove_prefix(piece->consumed);
    }
    @endcode
*/
class chunked_decoder
{
public:
    /// A decoder at the start of a body.
    explicit chunked_decoder(chunked_options const& opt = {}) noexcept
        : opt_(opt)
    {
    }

    /// Reads framing bytes and at most one run of chunk data from `in`.
    /// Call again with what it did not consume, until `done()`. Bytes after
    /// the body's end are not consumed.
    [[nodiscard]] result<chunked_piece>
    feed(string_view in) noexcept
    {
        if(ec_ != error::success)
            return make_error_code(ec_);
        chunked_piece out;
        char const* const p = in.data();
        std::size_t i = 0;
        while(i < in.size() && st_ != st::done)
        {
            if(st_ == st::data)
            {
                std::size_t const left = in.size() - i;
                std::size_t const n = remaining_ < left ? static_cast<std::size_t>(remaining_) : left;
                out.data = string_view(p + i, n);
                remaining_ -= n;
                i += n;
                if(remaining_ == 0)
                    st_ = st::data_end;
                break; // one run of data per call
            }
            ec_ = step(static_cast<unsigned char>(p[i]));
            if(ec_ != error::success)
                return make_error_code(ec_);
            ++i;
        }
        out.consumed = i;
        return out;
    }

    /// True once the last chunk, the trailers and the final CRLF were read.
    bool done() const noexcept { return st_ == st::done; }

    /// At the end of input: nothing when the body is complete, else the
    /// error met, or `body_incomplete`.
    [[nodiscard]] boost::system::error_code
    finish() const noexcept
    {
        if(ec_ != error::success)
            return make_error_code(ec_);
        if(st_ != st::done)
            return make_error_code(error::body_incomplete);
        return {};
    }

    /// Back to the start of a body, with the same limits.
    void
    reset() noexcept
    {
        *this = chunked_decoder(opt_);
    }

private:
    enum class st : unsigned char
    {
        size, ext_bws, ext_name_start, ext_name, ext_after_name, ext_value_start, ext_token,
        ext_quoted, ext_escape, line_lf, data, data_end, data_lf, trailer_start, trailer_name,
        trailer_value, trailer_lf, end_lf, done
    };

    chunked_options opt_;
    std::uint64_t size_ = 0;      // the chunk-size being read
    std::uint64_t remaining_ = 0; // chunk data still to come
    std::size_t line_ = 0;        // bytes of the chunk-size line so far
    std::size_t trailer_ = 0;     // bytes of the trailer section so far
    bool digits_ = false;         // a HEXDIG of this chunk-size was read
    st st_ = st::size;
    error ec_ = error::success;

    static constexpr bool is_ws(unsigned char c) noexcept { return c == ' ' || c == '\t'; }

    // The end of a chunk-size line: data, or the trailers after last-chunk.
    void
    end_of_size_line() noexcept
    {
        remaining_ = size_;
        st_ = size_ == 0 ? st::trailer_start : st::data;
        size_ = 0;
        line_ = 0;
        digits_ = false;
    }

    // CR or LF where a chunk-size line may end.
    error
    line_end(unsigned char c) noexcept
    {
        if(c == '\n')
            end_of_size_line();
        else
            st_ = st::line_lf;
        return error::success;
    }

    // One byte of framing, under the line and trailer limits.
    error
    step(unsigned char c) noexcept
    {
        if(st_ <= st::line_lf)
            return ++line_ > opt_.max_line_size ? error::body_line_too_long : size_line(c);
        if(st_ >= st::trailer_start && ++trailer_ > opt_.max_trailer_size)
            return error::body_line_too_long;
        return after_data(c);
    }

    // chunk-size [ chunk-ext ] CRLF
    error
    size_line(unsigned char c) noexcept
    {
        bool const eol = c == '\r' || c == '\n';
        if(st_ != st::size && st_ != st::line_lf)
            return extension(c, eol);
        switch(st_)
        {
        case st::size:
            // chunk-size = 1*HEXDIG, read into 64 bits
            if(detail::is_hexdig(c))
            {
                if(size_ > (UINT64_MAX >> 4))
                    return error::body_chunk_size;
                size_ = (size_ << 4) | static_cast<std::uint64_t>(detail::hexdig_value(c));
                digits_ = true;
                return error::success;
            }
            if(!digits_)
                return error::body_chunk_size;
            if(c == ';')
                return st_ = st::ext_name_start, error::success;
            if(is_ws(c))
                return st_ = st::ext_bws, error::success;
            return eol ? line_end(c) : error::body_chunk_size;
        case st::line_lf:
            if(c != '\n')
                return error::body_chunk_line_end;
            end_of_size_line();
            return error::success;
        default:
            break;
        }
        return error::success;
    }

    // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
    // chunk-ext-val = token / quoted-string   (RFC 9112 section 7.1.1)
    // The states outside a quoted-string, as a table: where each class of
    // byte leads (`st::size`: nowhere, an error), and whether the line may
    // end there.
    struct ext_rule
    {
        st ws, semicolon, equals, token, quote;
        bool may_end;
    };
    static constexpr st no = st::size;
    static constexpr ext_rule ext_rules[] = {
        // state             ws                   ";"                 "="                  token          DQUOTE          may end
        /* ext_bws */        {st::ext_bws,        st::ext_name_start, no,                  no,            no,             true},
        /* ext_name_start */ {st::ext_name_start, no,                 no,                  st::ext_name,  no,             false},
        /* ext_name */       {st::ext_after_name, st::ext_name_start, st::ext_value_start, st::ext_name,  no,             true},
        /* ext_after_name */ {st::ext_after_name, st::ext_name_start, st::ext_value_start, no,            no,             true},
        /* ext_value_start */{st::ext_value_start,no,                 no,                  st::ext_token, st::ext_quoted, false},
        /* ext_token */      {st::ext_bws,        st::ext_name_start, no,                  st::ext_token, no,             true},
    };

    error
    extension(unsigned char c, bool eol) noexcept
    {
        // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
        // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
        // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
        bool const text = c == '\t' || (c >= 0x20 && c != 0x7f);
        if(st_ == st::ext_escape)
            return text ? (st_ = st::ext_quoted, error::success) : error::body_chunk_extension;
        if(st_ == st::ext_quoted)
        {
            if(c == '"')
                st_ = st::ext_bws;
            else if(c == '\\')
                st_ = st::ext_escape;
            return text ? error::success : error::body_chunk_extension;
        }
        ext_rule const& r =
            ext_rules[static_cast<unsigned>(st_) - static_cast<unsigned>(st::ext_bws)];
        if(eol && r.may_end)
            return line_end(c);
        st next = no;
        if(is_ws(c))
            next = r.ws;
        else if(c == ';')
            next = r.semicolon;
        else if(c == '=')
            next = r.equals;
        else if(c == '"')
            next = r.quote;
        else if(detail::is_tchar(c))
            next = r.token;
        if(next == no)
            return error::body_chunk_extension;
        st_ = next;
        return error::success;
    }

    // chunk-data CRLF, then after last-chunk: trailer-section CRLF
    error
    after_data(unsigned char c) noexcept
    {
        switch(st_)
        {
        case st::data_end: // chunk-data CRLF
            if(c == '\r')
                return st_ = st::data_lf, error::success;
            if(c == '\n')
                return st_ = st::size, error::success;
            return error::body_chunk_line_end;
        case st::data_lf:
            return c == '\n' ? (st_ = st::size, error::success) : error::body_chunk_line_end;
        case st::trailer_start: // field-line CRLF, or the final CRLF
            if(c == '\r')
                return st_ = st::end_lf, error::success;
            if(c == '\n')
                return st_ = st::done, error::success;
            return detail::is_tchar(c) ? (st_ = st::trailer_name, error::success)
                                       : error::body_trailer;
        case st::trailer_name:
            if(detail::is_tchar(c))
                return error::success;
            return c == ':' ? (st_ = st::trailer_value, error::success) : error::body_trailer;
        case st::trailer_value:
            if(c == '\r')
                return st_ = st::trailer_lf, error::success;
            if(c == '\n')
                return st_ = st::trailer_start, error::success;
            return (c == '\t' || (c >= 0x20 && c != 0x7f)) ? error::success : error::body_trailer;
        case st::trailer_lf:
            return c == '\n' ? (st_ = st::trailer_start, error::success) : error::body_trailer;
        case st::end_lf:
            return c == '\n' ? (st_ = st::done, error::success) : error::body_chunk_line_end;
        default:
            break;
        }
        return error::success;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
