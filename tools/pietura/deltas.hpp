// tools/pietura/deltas.hpp — the update deltas `pietura build` writes (issue 13).
//
// An offline copy that holds the previous build downloads, for each large file that
// changed (the snapshot, the search shards, the page pack), a delta from the file it
// holds instead of the whole file (core/delta). add_deltas() makes them against the
// build this one replaces, set aside while it is made (cmd_build.cpp's `previous`):
// for each such file whose SHA-256 changed and whose old bytes are there and match the
// old manifest, `<path>.from-<first 16 hex of the old SHA-256>.delta` is written
// beside it when it is under half the file, and listed on that file's manifest entry:
//
//   "snapshot": {"path": "catalogue.sqlite", "sha256": …, "bytes": …,
//                "deltas": [{"from": <old SHA-256>, "path": "catalogue.sqlite.from-….delta",
//                            "sha256": <the delta's>, "bytes": N}]}
//
// Deltas are never in the manifest's "files" (nothing precaches them); their .br/.gz
// copies are written by precompress() like any other file's. A first build, or a
// previous one that cannot be read, gets none: the copy downloads whole files as before.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

namespace pietura::cli {

// `manifest` is the new build's (its "snapshot", "search_shards" and "pages_pack"
// entries filled in), `out` the new build, `previous` the one it replaces (empty: none).
// Returns how many deltas were written. Never throws for a previous build it cannot
// use (it says why on stderr); throws for a delta it cannot write.
int add_deltas(const std::filesystem::path& out, const std::filesystem::path& previous,
               nlohmann::ordered_json& manifest);

}  // namespace pietura::cli
