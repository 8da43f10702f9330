// tests/core/content_fixture.hpp — the default content's JSON documents, for the
// tests that hold a hand-written part of the core to a library across everything
// the catalogue says (collate_icu_test: every title and name against ICU;
// stemmer_snowball_test: every English word against Snowball). One walk over
// content/, so both read the same files: every *.json under content/ except the
// JSON Schemas in content/schema/, in path order so that a failure repeats.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/text.hpp"

namespace content_fixture {

namespace fs = std::filesystem;

// Calls `visit` with each content document parsed; returns how many there were, so a
// test can require that the content really was read. A file that is not JSON throws
// (nlohmann::json::parse_error, naming the byte): the content must be valid.
inline std::size_t for_each_content_json(const std::function<void(const fs::path&, const nlohmann::json&)>& visit) {
    std::vector<fs::path> files;
    for (auto& e : fs::recursive_directory_iterator(fs::path(PIETURA_SOURCE_DIR) / "content"))
        if (e.is_regular_file() && e.path().extension() == ".json" && e.path().parent_path().filename() != "schema")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& f : files) visit(f, nlohmann::json::parse(pietura::text::read_file_or_throw(f)));
    return files.size();
}

// Each (key, value) member of every object in `j`, at any depth, arrays included.
// `visit` returns true when it has taken the value, whose own members are then not
// visited (a {"lv": …, "en": …} text is taken whole under its key).
inline void for_each_member(const nlohmann::json& j,
                            const std::function<bool(const std::string& key, const nlohmann::json& value)>& visit) {
    if (j.is_array()) {
        for (auto& x : j) for_each_member(x, visit);
    } else if (j.is_object()) {
        for (auto& [k, v] : j.items())
            if (!visit(k, v)) for_each_member(v, visit);
    }
}

}  // namespace content_fixture
