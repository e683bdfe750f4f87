// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Reading a command's arguments against its option table.
#include "cli.hpp"
#include "text_files.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace cli {

void
fail(string_view what, string_view why)
{
    std::fprintf(stderr, "te-credentials: %.*s: %.*s\n", static_cast<int>(what.size()),
                 what.data(), static_cast<int>(why.size()), why.data());
    std::exit(2);
}

void
fail(string_view what, boost::system::error_code const& ec)
{
    char scratch[1];
    fail(what, ec.message(scratch, sizeof(scratch)));
}

void
notice(string_view text)
{
    std::fprintf(stderr, "te-credentials: note: %.*s\n", static_cast<int>(text.size()),
                 text.data());
}

bool
safe_to_echo(string_view word)
{
    if(word.size() < 1 || word.size() > 40)
        return false;
    for(char c : word)
        if(!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

namespace {

// Optimal string alignment distance (Levenshtein with transpositions),
// for words of at most 40 characters.
std::size_t
edits(string_view a, string_view b)
{
    std::size_t d[42][42];
    for(std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for(std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for(std::size_t i = 1; i <= a.size(); ++i)
        for(std::size_t j = 1; j <= b.size(); ++j)
        {
            std::size_t const cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if(i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

} // namespace

string_view
did_you_mean(string_view word, char const* const* candidates, std::size_t count)
{
    string_view best;
    std::size_t best_edits = 3; // more than two edits is another word
    if(word.size() > 40)
        return best;
    for(std::size_t k = 0; k < count; ++k)
    {
        string_view const c = candidates[k];
        std::size_t const e = c.size() <= 40 ? edits(word, c) : 99;
        // a prefix of three letters or more after "--" names its option
        bool const prefix = word.size() >= (word.starts_with("--") ? 5 : 3) && c.starts_with(word);
        if(e < best_edits || (prefix && best_edits > 2))
        {
            best = c;
            best_edits = prefix && e > 2 ? 2 : e;
        }
    }
    return best;
}

namespace {

[[noreturn]] void
unknown(command_spec const& c, string_view arg, int position)
{
    std::string const help = std::string("see 'te-credentials ") + c.name + " --help'";
    string_view const name = arg.substr(0, arg.find('='));
    if(arg.starts_with("--") && safe_to_echo(name) && name.size() >= 3)
    {
        std::vector<char const*> names;
        for(std::size_t k = 0; k < c.option_count; ++k)
            names.push_back(c.options[k].name);
        names.push_back("--help");
        string_view const near = did_you_mean(name, names.data(), names.size());
        std::string const hint = near.empty() ? "" : "; did you mean " + std::string(near) + "?";
        fail(name, "unknown option for '" + std::string(c.name) + "'" + hint + " (" + help + ")");
    }
    if(arg.starts_with("-"))
        fail("argument " + std::to_string(position),
             "unknown option, not shown: it might be a secret (" + help + ")");
    fail("argument " + std::to_string(position),
         "unexpected argument, not shown; secrets are read with --*-env or --*-file (" + help + ")");
}

} // namespace

arguments::arguments(command_spec const& c, int argc, char** argv)
    : spec_(c)
{
    if(c.option_count > max_options)
        fail("te-credentials", "internal: too many options");
    for(int i = 2; i < argc; ++i)
    {
        string_view const arg = argv[i];
        if(arg == "--help" || arg == "-h")
        {
            print_help(c, stdout);
            std::exit(0);
        }
        string_view const name = arg.substr(0, arg.find('='));
        std::size_t k = 0;
        while(k < c.option_count && name != c.options[k].name)
            ++k;
        if(k == c.option_count)
        {
            if(c.positional && (arg == "-" || !arg.starts_with("-")))
            {
                if(positional_)
                    fail(c.positional, "give at most one " + std::string(c.positional));
                positional_ = argv[i];
                continue;
            }
            unknown(c, arg, i);
        }
        option_spec const& o = c.options[k];
        bool const again = c.repeatable && name == c.repeatable;
        if(values_[k] && !again)
            fail(o.name, "given twice; give it once");
        if(!o.value)
        {
            if(name.size() < arg.size())
                fail(o.name, "takes no value");
            values_[k] = argv[i];
        }
        else if(name.size() < arg.size())
            values_[k] = argv[i] + name.size() + 1;
        else if(i + 1 < argc)
            values_[k] = argv[++i];
        else
            fail(o.name, "needs a value: " + std::string(o.value));
        if(again)
            repeated_.push_back(values_[k]);
    }
}

std::size_t
arguments::index_of(string_view name) const
{
    for(std::size_t k = 0; k < spec_.option_count; ++k)
        if(name == spec_.options[k].name)
            return k;
    fail(name, "internal: not an option of '" + std::string(spec_.name) + "'");
}

char const*
arguments::value(string_view name) const
{
    return values_[index_of(name)];
}

std::int64_t
number_option(arguments const& a, string_view name, std::int64_t low, std::int64_t high,
              std::int64_t fallback, char const* rule)
{
    char const* const text = a.value(name);
    if(!text)
        return fallback;
    // digits only (from_chars alone would take a leading '-')
    string_view const digits(text);
    std::int64_t v = 0;
    auto const r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if(digits.empty() || digits.front() == '-' || r.ec != std::errc() ||
       r.ptr != digits.data() + digits.size() || v < low || v > high)
        fail(name, rule);
    return v;
}

// ---- help ------------------------------------------------------------------

void
print_help(command_spec const& c, std::FILE* out)
{
    std::fprintf(out, "usage: te-credentials %s\n\n%s\n", c.synopsis, c.about);
    if(c.option_count)
        std::fputs("\noptions:\n", out);
    for(std::size_t k = 0; k < c.option_count; ++k)
    {
        option_spec const& o = c.options[k];
        std::string left = o.name;
        if(o.value)
            left.append(" ").append(o.value);
        std::fprintf(out, "  %-26s", left.c_str());
        if(left.size() > 26)
            std::fprintf(out, "\n  %-26s", "");
        for(char const* h = o.help; *h; ++h)
        {
            std::fputc(*h, out);
            if(*h == '\n')
                std::fprintf(out, "  %-26s", "");
        }
        std::fputc('\n', out);
    }
    if(c.after)
        std::fprintf(out, "\n%s", c.after);
}

} // namespace cli
