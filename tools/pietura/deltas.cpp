// tools/pietura/deltas.cpp — see deltas.hpp.
#include "deltas.hpp"

#include <fstream>
#include <iostream>
#include <vector>

#include "delta/delta.hpp"
#include "sha256.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace pietura::cli {

namespace {

// The manifest entries of the files an update may take as a delta, by the same pointer
// in both manifests: /snapshot, /search_shards/<lang>, /pages_pack.
using Pointer = nlohmann::ordered_json::json_pointer;
std::vector<Pointer> large_files(const nlohmann::ordered_json& m) {
    std::vector<Pointer> out;
    if (m.contains("snapshot")) out.emplace_back("/snapshot");
    if (m.contains("search_shards") && m.at("search_shards").is_object())
        for (auto it = m.at("search_shards").begin(); it != m.at("search_shards").end(); ++it)
            out.emplace_back("/search_shards/" + it.key());
    if (m.contains("pages_pack")) out.emplace_back("/pages_pack");
    return out;
}

// A safe relative path of a file of the previous build: no "..", not absolute.
bool plain_path(const std::string& p) {
    fs::path rel(p);
    if (p.empty() || rel.is_absolute()) return false;
    for (auto& part : rel)
        if (part == "..") return false;
    return true;
}

}  // namespace

int add_deltas(const fs::path& out, const fs::path& previous, nlohmann::ordered_json& manifest) {
    if (previous.empty() || !fs::exists(previous / "manifest.json")) return 0;
    nlohmann::ordered_json old;
    try {
        old = nlohmann::ordered_json::parse(text::read_file_or_throw(previous / "manifest.json"));
    } catch (const std::exception& e) {
        std::cerr << "warning: no update deltas: the previous build's manifest.json cannot be read (" << e.what() << ")\n";
        return 0;
    }
    int written = 0;
    for (const Pointer& at : large_files(manifest)) {
        auto& entry = manifest[at];
        std::string old_sha, old_path;
        try {
            const auto& before = old.at(at);
            old_sha = before.at("sha256").get<std::string>();
            old_path = before.at("path").get<std::string>();
        } catch (const std::exception&) {
            continue;  // not in the previous build (or not as this one lists it)
        }
        const std::string path = entry["path"].get<std::string>(), sha = entry["sha256"].get<std::string>();
        if (old_sha == sha || old_sha.size() != 64 || !plain_path(old_path)) continue;
        auto old_bytes = text::read_file(previous / old_path);
        // A copy holds the old file only as the old manifest lists it: other bytes make no delta.
        if (!old_bytes || digest::sha256_hex(*old_bytes) != old_sha) continue;
        std::string next = text::read_file_or_throw(out / path);
        std::string d = delta::make(*old_bytes, next);
        // Not worth a second request (and a second file to keep) unless it saves half.
        if (d.size() * 2 >= next.size()) continue;
        std::string delta_path = path + ".from-" + old_sha.substr(0, 16) + ".delta";
        std::ofstream f(out / delta_path, std::ios::binary | std::ios::trunc);
        f.write(d.data(), static_cast<std::streamsize>(d.size()));
        if (!f) throw std::runtime_error("cannot write " + (out / delta_path).string());
        nlohmann::ordered_json listed = {
            {"from", old_sha}, {"path", delta_path}, {"sha256", digest::sha256_hex(d)}, {"bytes", d.size()}};
        entry["deltas"] = nlohmann::ordered_json::array();
        entry["deltas"].push_back(std::move(listed));
        ++written;
    }
    return written;
}

}  // namespace pietura::cli
