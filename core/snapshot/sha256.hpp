// snapshot/sha256.hpp — SHA-256 (FIPS 180-4) for snapshot identities.
//
// The manifest names a snapshot by its SHA-256 so browsers and editors can tell
// two databases apart and verify a download. Small enough to live in the core and
// run in wasm as well, where no crypto library is linked.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pietura::snapshot {

class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t n);
    void update(std::string_view s) { update(s.data(), s.size()); }
    std::array<uint8_t, 32> digest();
    std::string hex();  // lower-case, 64 characters

private:
    void block(const uint8_t* p);
    uint32_t h_[8];
    uint8_t buf_[64];
    size_t len_ = 0;
    uint64_t total_ = 0;
};

std::string sha256_hex(std::string_view data);

}  // namespace pietura::snapshot
