// snapshot/sha256.hpp — SHA-256 (FIPS 180-4) for snapshot identities.
//
// Native only: the wasm core never used it. `pietura build` and `serve` now use
// OpenSSL's EVP digest (tools/pietura/sha256.hpp); this copy stays only until
// tools/pietura/api.cpp and store.cpp switch too (issue 16), then it is deleted.
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
