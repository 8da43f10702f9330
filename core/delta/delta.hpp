// delta/delta.hpp — a binary delta between two versions of one file (issue 13).
//
// `pietura build` writes, for each large file of the offline copy whose bytes changed
// against the build it replaces (the snapshot, the search shards, the page pack), a
// delta from the old bytes to the new ones, listed in manifest.json on that file's
// entry. The service worker applies it (assets/pietura-pages.wasm's applyDelta) to the
// copy it holds, checks the result against the manifest's SHA-256, and downloads the
// whole file instead on any failure: after one service's text changed, an update is a
// few KB instead of the whole database.
//
// make() is rsync-like: the old file's blocks at aligned offsets are indexed by a
// rolling hash, the new file is scanned at every byte, and a match is extended both
// ways; so content that shifted (a SQLite row moved within or across pages) is still
// copied. The delta is COPY(offset, length) and LITERAL(bytes) operations, varint
// coded, between a header (magic, both lengths and checksums) that apply() checks.
// It does not compress: the server's precompressed .br/.gz copies do that.
// Written here rather than taken from a library (zstd --patch-from, xdelta3) because
// the browser needs it too, in the service worker's small page-renderer module, and
// Debian ships those libraries for the host only; this is some 200 lines.
// apply() never trusts the delta: every length and offset is bounds-checked, and a
// damaged, truncated or foreign delta, or one made from other old bytes, throws
// delta::Error with a message saying why.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pietura::delta {

// The first bytes of every delta.
inline constexpr std::string_view kMagic = "PTDELTA\x01";

// No delta applies to an old file, or makes a new one, larger than this.
inline constexpr std::uint64_t kMaxBytes = std::uint64_t{1} << 30;

// A delta that cannot be applied; what() begins "delta rejected: ".
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& why) : std::runtime_error("delta rejected: " + why) {}
};

// The delta that turns `old` into `next`. Deterministic: the same inputs give the same bytes.
// Throws std::invalid_argument for an input over kMaxBytes.
std::string make(std::string_view old, std::string_view next);

// `old` with `delta` applied: the new bytes, checked against the length and checksum
// the delta carries. Throws delta::Error for any delta that is not make(old, …)'s.
std::string apply(std::string_view old, std::string_view delta);

}  // namespace pietura::delta
