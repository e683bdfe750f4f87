// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: the library's command line, for users and reviewers.
// It only reads options and secrets and prints what the library builds;
// every rule lives in the library. This header is the program's own
// vocabulary: how it fails, its option tables, and the commands.
#ifndef TE_CREDENTIALS_CLI_HPP
#define TE_CREDENTIALS_CLI_HPP

#include <thousandeyes/credentials.hpp>

#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace cli {

namespace tc = thousandeyes::credentials;
using tc::string_view;

// ---- failing -------------------------------------------------------------
//
// Invalid input: one line on stderr, "te-credentials: WHAT: WHY", exit
// status 2, nothing on stdout. WHAT names the option (and its file or
// variable); a value the user typed is never echoed, it might be a secret.

[[noreturn]] void fail(string_view what, string_view why);
[[noreturn]] void fail(string_view what, boost::system::error_code const& ec);

/// A notice on stderr that changes nothing: "te-credentials: note: TEXT".
void notice(string_view text);

// ---- options ---------------------------------------------------------------

/// One option of a command: `--name VALUE` (or `--name=VALUE`), or a flag
/// when `value` is null. `help` may hold '\n' for more lines.
struct option_spec
{
    char const* name;
    char const* value;
    char const* help;
};

/// A command: its options, and the text its --help prints around them.
struct command_spec
{
    char const* name;
    char const* synopsis;   ///< the usage line(s) after "te-credentials "
    char const* about;      ///< what it does, before the options
    option_spec const* options;
    std::size_t option_count;
    char const* positional; ///< a FILE argument's name, or null
    char const* after;      ///< text after the options, or null
    char const* repeatable; ///< the one option that may be given again, or null
};

extern command_spec const request_command;
extern command_spec const delete_command;
extern command_spec const explain_command;
extern command_spec const check_command;

/// Prints a command's help (`te-credentials COMMAND --help`).
void print_help(command_spec const& c, std::FILE* out);

/// Prints the program's help (`te-credentials --help`).
void print_overview(std::FILE* out);

/** The arguments of one command, read from argv[2] on. An unknown option,
    an option given twice, a flag given a value and a missing value are
    errors (`fail`); --help prints the command's help and exits.
*/
class arguments
{
public:
    arguments(command_spec const& c, int argc, char** argv);

    /// The option's value, or null when it was not given.
    char const* value(string_view name) const;

    /// True when the flag was given.
    bool flag(string_view name) const { return value(name) != nullptr; }

    /// The positional argument (a FILE), or null.
    char const* positional() const noexcept { return positional_; }

    /// Every value of the command's repeatable option, in order.
    std::vector<char const*> const& repeated() const noexcept { return repeated_; }

private:
    static constexpr std::size_t max_options = 32;
    command_spec const& spec_;
    char const* values_[max_options] = {};
    char const* positional_ = nullptr;
    std::vector<char const*> repeated_;

    std::size_t index_of(string_view name) const;
};

/// True when a word the user typed may be shown back: a short run of
/// lowercase letters, digits and '-'. Anything else might be a secret
/// typed in the wrong place.
bool safe_to_echo(string_view word);

/// The candidate nearest to a mistyped `word` (at most two edits away, or
/// one it begins), or empty: "did you mean ...".
string_view did_you_mean(string_view word, char const* const* candidates, std::size_t count);

/// The library's one decimal reader for a bounded option value.
std::int64_t number_option(arguments const& a, string_view name, std::int64_t low,
                           std::int64_t high, std::int64_t fallback, char const* rule);

// ---- what 'request' and 'delete' share -----------------------------------

/// The request builder for --api, --format, --user-agent, --base-url and
/// the authentication options.
tc::request_builder make_builder(arguments const& a);

/// True for --api v7.
bool is_v7(arguments const& a);

/// FILE, or standard input for null or "-", whole, up to 1 MiB; else
/// `fail` naming it. A NUL byte stops the reading with its line unless
/// `nul_is_data` (a captured request may carry one).
std::string read_input(char const* path, bool nul_is_data);

/// --aid, when given.
std::optional<tc::account_group_id> parse_aid(arguments const& a);

// ---- commands --------------------------------------------------------------

int run_request(int argc, char** argv);
int run_delete(int argc, char** argv);
int run_explain(int argc, char** argv);
int run_check(int argc, char** argv);

} // namespace cli

#endif
