// tools/pietura/cli.hpp — shared plumbing of the `pietura` command-line tool.
//
// Each subcommand is a function `int cmd_x(int argc, char** argv)` (argv[0] is the
// subcommand's name) returning the process exit code: 0 success, 1 the work found
// problems (bad content, no results), 2 the command line itself was wrong.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pietura::cli {

int cmd_build(int argc, char** argv);
int cmd_serve(int argc, char** argv);
int cmd_search(int argc, char** argv);
int cmd_nearest(int argc, char** argv);
int cmd_hours(int argc, char** argv);
int cmd_holidays(int argc, char** argv);
int cmd_report(int argc, char** argv);
int cmd_check(int argc, char** argv);
int cmd_diff(int argc, char** argv);
int cmd_import(int argc, char** argv);
int cmd_slots(int argc, char** argv);
int cmd_export(int argc, char** argv);

// A minimal "--name value" / "--flag" parser that rejects unknown options, because
// a typo in an option must never be silently ignored.
class Args {
public:
    // `valued` options take a value, `flags` do not; the rest are positional.
    Args(int argc, char** argv, std::vector<std::string> valued, std::vector<std::string> flags);

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::map<std::string, bool> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

// Prints "pietura <cmd>: <message>" and a hint to stderr; returns 2.
int usage_error(const std::string& cmd, const std::string& message);

// Progress for long steps, shown only on a terminal so logs stay clean.
class Progress {
public:
    explicit Progress(bool quiet);
    void step(const std::string& what);
    void done(const std::string& detail = "");

private:
    bool show_;
    std::string current_;
    double started_ = 0;
};

// The build's last step, after manifest.json (which must not list them): brotli and
// gzip copies beside every text file, the wasm and the snapshot (precompress.hpp).
void precompress(const std::filesystem::path& dir, Progress& progress);

}  // namespace pietura::cli
