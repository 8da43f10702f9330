#include "cli.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace pietura::cli {

Args::Args(int argc, char** argv, std::vector<std::string> valued, std::vector<std::string> flags) {
    auto is = [](const std::vector<std::string>& v, const std::string& s) {
        for (auto& x : v)
            if (x == s) return true;
        return false;
    };
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i) positional_.push_back(argv[i]);
            break;
        }
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2), value;
            bool inline_value = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name.resize(eq);
                inline_value = true;
            }
            if (is(flags, name)) {
                if (inline_value) {
                    error_ = "option --" + name + " takes no value";
                    return;
                }
                flags_[name] = true;
            } else if (is(valued, name)) {
                if (!inline_value) {
                    if (i + 1 >= argc) {
                        error_ = "option --" + name + " needs a value";
                        return;
                    }
                    value = argv[++i];
                }
                values_[name] = value;
            } else {
                error_ = "unknown option --" + name;
                return;
            }
        } else if (a.size() > 1 && a[0] == '-' && a != "-" && !(a[1] >= '0' && a[1] <= '9')) {
            if (a == "-h") {
                flags_["help"] = true;
                continue;
            }
            if (a == "-n" && is(valued, "n") && i + 1 < argc) {
                values_["n"] = argv[++i];
                continue;
            }
            error_ = "unknown option " + a;
            return;
        } else {
            positional_.push_back(a);
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
    auto v = get(name);
    return v ? *v : fallback;
}

int usage_error(const std::string& cmd, const std::string& message) {
    std::cerr << "pietura " << cmd << ": " << message << "\n"
              << "Run 'pietura " << cmd << " --help' for the options.\n";
    return 2;
}

static double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Progress::Progress(bool quiet) : show_(!quiet && isatty(STDERR_FILENO)) {}

void Progress::step(const std::string& what) {
    current_ = what;
    started_ = now_seconds();
    if (show_) std::fprintf(stderr, "  %s …", what.c_str());
}

void Progress::done(const std::string& detail) {
    if (!show_) return;
    std::fprintf(stderr, "\r  %s: %s%s(%.2f s)\n", current_.c_str(), detail.c_str(), detail.empty() ? "" : " ",
                 now_seconds() - started_);
}

}  // namespace pietura::cli
