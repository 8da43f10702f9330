// tests/core/cli_run.hpp — runs the real `pietura` binary (PIETURA_CLI) and
// captures its exit code and output, for end-to-end tests of commands.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace cli_run {

struct Run {
    int code;
    std::string output;
};

// `with_stderr` false drops stderr, so stdout can be parsed (JSON) on its own.
inline Run run(const std::string& args, bool with_stderr = true) {
    std::string cmd = std::string(PIETURA_CLI) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    std::array<char, 4096> buf{};
    while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace cli_run
