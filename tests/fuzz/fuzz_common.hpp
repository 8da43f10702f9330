// Shared by the libFuzzer targets: the real holiday calendar, the snapshot fixture,
// and a way to say "this result breaks a promise of the API" that libFuzzer treats
// as a crash (so the input is saved), with the promise in the message.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "hours/hours.hpp"
#include "text/text.hpp"

namespace hours = pietura::hours;

namespace fuzz {

// An invariant the code documents but the input broke: abort, so libFuzzer keeps it.
[[noreturn]] inline void broken(const std::string& promise, const std::string& detail = "") {
    std::fprintf(stderr, "\n== broken promise: %s\n%s\n", promise.c_str(), detail.c_str());
    std::abort();
}

// The law plus content/holidays/*.json, as the snapshot would have it, read without
// the content loader so the hours targets stay fast and independent of it.
inline hours::Calendar real_calendar() {
    hours::Calendar cal;
    for (auto& f : std::filesystem::directory_iterator(std::filesystem::path(PIETURA_SOURCE_DIR) / "content/holidays")) {
        auto j = nlohmann::json::parse(pietura::text::read_file_or_throw(f.path()));
        for (auto& e : j["extra"])
            cal.add_extra(*hours::Date::parse(e["date"].get<std::string>()), e["name"]["lv"], e["name"]["en"]);
        for (auto& e : j["transfers"])
            cal.add_transfer(*hours::Date::parse(e["date"].get<std::string>()),
                             e["kind"] == "day-off" ? hours::Transfer::day_off : hours::Transfer::working_day,
                             e["name"]["lv"], e["name"]["en"]);
    }
    return cal;
}

inline const char* snapshot_path() { return PIETURA_FUZZ_SNAPSHOT; }

}  // namespace fuzz

