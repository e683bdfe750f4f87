// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials check-request: judges a captured request of any client
// against the rules of the API and of HTTP, and shows each finding with the
// rule quoted and a caret under the bytes (credentials redacted).
#include "cli.hpp"
#include "captured.hpp"
#include "output.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

namespace cli {

namespace {

struct checked
{
    captured const& c;
    tc::finding_list const& found;
};

// Line (1-based) and the start offset of the line holding `offset`.
std::pair<long, std::size_t>
line_of(string_view bytes, std::size_t offset)
{
    long n = 1;
    std::size_t start = 0;
    for(std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if(bytes[i] == '\n')
        {
            ++n;
            start = i + 1;
        }
    return {n, start};
}

// The line at `start`, without its terminator.
string_view
line_at(string_view bytes, std::size_t start)
{
    std::size_t lf = bytes.find('\n', start);
    if(lf == string_view::npos)
        lf = bytes.size();
    string_view s = bytes.substr(start, lf - start);
    if(!s.empty() && s.back() == '\r')
        s.remove_suffix(1);
    return s;
}

void
put_finding_text(string_view bytes, tc::finding const& f)
{
    tc::rule_info const& r = tc::info(f.rule);
    auto const [n, start] = line_of(bytes, f.offset);
    string_view const line = line_at(bytes, start);
    std::vector<std::size_t> column;
    std::string const shown = reviewed_line(line, column);
    std::size_t const from = f.offset - start;
    std::size_t const col = column[from < column.size() ? from : column.size() - 1];
    std::printf("  %ld:%zu: %s: %s [%s]\n", n, col + 1, tc::to_string(f.severity()).data(),
                r.message.data(), r.id.data());
    std::printf("      rule: %s (%s)\n", r.rule.data(), r.source.data());
    if(line.empty())
    {
        std::printf(f.rule == tc::check_rule::head_incomplete ? "      (the end of the input)\n"
                                                              : "      (the end of the head)\n");
        return;
    }
    std::printf("      | %s\n      | %*s^", shown.c_str(), static_cast<int>(col), "");
    std::size_t const last = from + (f.length ? f.length : 1);
    std::size_t const end = column[last < column.size() ? last : column.size() - 1];
    for(std::size_t i = col + 1; i < end; ++i)
        std::fputc('~', stdout);
    std::fputc('\n', stdout);
}

// `,"message":...,"rule_text":...,"source":...}`: a rule's texts, closing
// the object a finding or a rule listing opened.
void
put_rule_texts_json(tc::rule_info const& r)
{
    std::fputs(",\"message\":", stdout);
    put_json_string(r.message);
    std::fputs(",\"rule_text\":", stdout);
    put_json_string(r.rule);
    std::fputs(",\"source\":", stdout);
    put_json_string(r.source);
    std::fputc('}', stdout);
}

void
put_text(std::vector<checked> const& all)
{
    for(checked const& k : all)
    {
        tc::finding_list const& f = k.found;
        std::printf("%s: %zu error(s), %zu warning(s), %zu note(s)\n", k.c.label.c_str(),
                    f.count(tc::check_severity::error), f.count(tc::check_severity::warning),
                    f.count(tc::check_severity::note));
        for(tc::finding const& x : f)
            put_finding_text(k.c.bytes, x);
        if(f.dropped())
            std::printf("  ... and %zu more finding(s) not shown\n", f.dropped());
    }
}

void
put_json(std::vector<checked> const& all)
{
    std::size_t errors = 0;
    std::fputs("{\"requests\":[", stdout);
    for(std::size_t i = 0; i < all.size(); ++i)
    {
        tc::finding_list const& f = all[i].found;
        errors += f.has_errors();
        std::printf("%s{\"source\":", i ? "," : "");
        put_json_string(all[i].c.label);
        std::printf(",\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu,\"dropped\":%zu,\"findings\":[",
                    f.count(tc::check_severity::error), f.count(tc::check_severity::warning),
                    f.count(tc::check_severity::note), f.dropped());
        for(std::size_t j = 0; j < f.size(); ++j)
        {
            tc::rule_info const& r = tc::info(f[j].rule);
            auto const [n, start] = line_of(all[i].c.bytes, f[j].offset);
            std::printf("%s{\"rule\":\"%s\",\"severity\":\"%s\",\"offset\":%zu,\"length\":%zu,"
                        "\"line\":%ld,\"field\":",
                        j ? "," : "", r.id.data(), tc::to_string(f[j].severity()).data(),
                        f[j].offset, f[j].length, n);
            (void)start;
            put_json_string(f[j].field);
            put_rule_texts_json(r);
        }
        std::fputs("]}", stdout);
    }
    std::printf("],\"requests_with_errors\":%zu}\n", errors);
}

tc::check_expectations
expectations(arguments const& a, tc::endpoint& ep, std::optional<tc::credential_id>& id)
{
    tc::check_expectations x;
    if(char const* url = a.value("--base-url"))
    {
        auto e = tc::endpoint::parse(url, {true});
        if(!e)
            fail("--base-url", e.error());
        ep = *e;
        x.base_path = ep.path_prefix();
        x.host = ep.host();
        if(!ep.named_version().empty())
            x.api = ep.named_version() == "v7" ? tc::api_version::v7 : tc::api_version::v6;
    }
    if(char const* api = a.value("--api"))
    {
        string_view const v = api;
        if(v != "v6" && v != "v7")
            fail("--api", "must be v6 or v7");
        x.api = v == "v7" ? tc::api_version::v7 : tc::api_version::v6;
    }
    if(char const* s = a.value("--id"))
    {
        auto r = tc::credential_id::parse(s);
        if(!r)
            fail("--id", r.error());
        id = *r;
        x.credential_id = id->str();
    }
    return x;
}

std::vector<captured>
requests_of(arguments const& a, std::string const& text)
{
    string_view const in = a.value("--input") ? a.value("--input") : "auto";
    capture_form form = form_of(text);
    if(in == "raw")
        form = capture_form::raw;
    else if(in == "curl")
        form = capture_form::curl;
    else if(in == "record")
        form = capture_form::record;
    else if(in != "auto")
        fail("--input", "must be auto, raw, curl or record");
    std::vector<captured> out;
    if(form == capture_form::raw)
        out.push_back({text, a.positional() && string_view(a.positional()) != "-"
                                 ? "request" : "request (standard input)",
                       false, "", "", {}});
    else if(form == capture_form::curl)
        out = from_transcript(text);
    else
    {
        long bad = 0;
        out = from_records(text, bad);
        if(bad)
            fail("request", "line " + std::to_string(bad) +
                                ": not a te-api-double record (a JSON object with method, "
                                "target and headers)");
    }
    if(out.empty() || (form == capture_form::raw && text.empty()))
        fail("request", "the input holds no request");
    return out;
}

// --list-rules: every rule, one a line: id, severity, source, message.
int
list_rules(bool json)
{
    if(json)
        std::fputs("[", stdout);
    for(std::size_t i = 0; i < tc::check_rule_count; ++i)
    {
        tc::rule_info const& r = tc::info(static_cast<tc::check_rule>(i));
        if(!json)
        {
            std::printf("%-25s %-8s %s (%s)\n", r.id.data(), tc::to_string(r.severity).data(),
                        r.message.data(), r.source.data());
            continue;
        }
        std::printf("%s{\"rule\":\"%s\",\"severity\":\"%s\",\"field\":", i ? "," : "",
                    r.id.data(), tc::to_string(r.severity).data());
        put_json_string(r.field);
        put_rule_texts_json(r);
    }
    if(json)
        std::fputs("]\n", stdout);
    return std::fflush(stdout) == 0 ? 0 : 2;
}

} // namespace

int
run_check(int argc, char** argv)
{
    arguments const a(check_command, argc, argv);
    if(a.flag("--list-rules"))
        return list_rules(a.flag("--json"));
    tc::endpoint ep;
    std::optional<tc::credential_id> id;
    tc::check_expectations const x = expectations(a, ep, id);
    std::string const text = read_input(a.positional(), true);
    std::vector<captured> const requests = requests_of(a, text);
    std::vector<std::unique_ptr<tc::request_checker>> checkers;
    std::vector<checked> all;
    bool errors = false;
    for(captured const& c : requests)
    {
        checkers.push_back(std::make_unique<tc::request_checker>(x));
        tc::request_checker& k = *checkers.back();
        if(c.view)
        {
            k.start(c.method, c.target);
            for(auto const& f : c.fields)
                k.field(f.first, f.second);
        }
        else
            k.feed(c.bytes);
        k.finish();
        errors = errors || k.findings().has_errors();
        all.push_back({c, k.findings()});
    }
    if(a.flag("--json"))
        put_json(all);
    else
        put_text(all);
    if(std::fflush(stdout) != 0)
        return 2;
    return errors ? 1 : 0;
}

} // namespace cli
