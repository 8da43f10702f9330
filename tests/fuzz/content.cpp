// Target 4: the content JSON loader — the position-keeping JSON parser, the JSON
// Schema checks and the loader's own cross-checks (references, opening hours,
// holiday dates). Input: one content file as an editor saves it, after a first line
// naming its kind folder ("services", "contact-points", ... ; anything else: the
// JSON parser alone):
//
//   contact-points
//   { "id": "biblioteka-x", ... }
//
// The file is dropped into a small copy of the real catalogue (the schemas and a
// record of each kind, so its references can resolve) and the whole catalogue
// is loaded. Promises checked (content.hpp): problems are collected, never thrown,
// and each points at a line of the file it is about.
#include <cstdint>
#include <fstream>
#include <string_view>
#include <unistd.h>

#include "content/content.hpp"
#include "content/json_doc.hpp"
#include "fuzz_common.hpp"

namespace fs = std::filesystem;

namespace {

const char* const kKinds[] = {"institutions", "audiences", "services", "life-situations", "territories",
                              "places", "contact-points", "holidays", "consultations"};

// A catalogue of a few real files per kind, made once per process.
const fs::path& mini_catalogue() {
    static const fs::path dir = [] {
        fs::path root = fs::temp_directory_path() / ("pietura-fuzz-content-" + std::to_string(getpid()));
        fs::path dir = root / "content";
        fs::remove_all(root);
        fs::create_directories(dir);
        fs::path src = fs::path(PIETURA_SOURCE_DIR) / "content";
        fs::copy(src / "schema", dir / "schema");
        for (const char* kind : kKinds) {
            fs::create_directories(dir / kind);
            std::vector<fs::path> files;
            for (auto& e : fs::directory_iterator(src / kind)) files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (size_t i = 0; i < files.size() && i < 1; ++i) fs::copy(files[i], dir / kind / files[i].filename());
        }
        std::atexit([] { fs::remove_all(fs::temp_directory_path() / ("pietura-fuzz-content-" + std::to_string(getpid()))); });
        return dir;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    size_t nl = in.find('\n');
    std::string kind(nl == std::string_view::npos ? std::string_view{} : in.substr(0, nl));
    std::string_view body = nl == std::string_view::npos ? in : in.substr(nl + 1);

    pietura::content::JsonError jerr;
    auto doc = pietura::content::parse_json(body, &jerr);
    if (!doc) {
        if (jerr.message.empty() || jerr.pos.line < 1 || jerr.pos.column < 1)
            fuzz::broken("a JSON syntax error says where and why", std::string(body));
    } else {
        for (auto& [pointer, pos] : doc->positions) {
            if (pos.line < 1 || pos.column < 1) fuzz::broken("every value has a position", pointer);
            (void)doc->where(pointer + "/missing/0");
        }
    }

    // A file that is not JSON stops the loader at parse_json, just checked; only
    // well-formed files are worth the whole load (a few milliseconds even this small).
    if (!doc || std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds)) return 0;
    const fs::path& dir = mini_catalogue();
    fs::path file = dir / kind / "zz-fuzz.json";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
    }
    std::vector<pietura::content::Diagnostic> diags;
    try {
        auto c = pietura::content::Content::load(dir, diags);
        (void)c.calendar();
    } catch (const std::exception& e) {
        fs::remove(file);
        fuzz::broken("Content::load collects problems, never throws", std::string("kind ") + kind + ": " + e.what());
    }
    fs::remove(file);
    for (auto& d : diags) {
        if (d.file.find("zz-fuzz.json") != std::string::npos && d.line > 0) {
            long lines = 1 + std::count(body.begin(), body.end(), '\n');
            if (d.line > lines) fuzz::broken("a diagnostic points inside its file", d.format());
        }
        (void)d.format();
    }
    return 0;
}
