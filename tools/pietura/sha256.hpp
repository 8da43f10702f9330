// sha256.hpp — SHA-256 for the native tool: OpenSSL's EVP digest.
//
// The build names the snapshot and every file of dist/ by its SHA-256 in the
// manifest (the service worker checks each download against it), the content
// version is a digest of the content folder, and the server tags files with it.
// All of that runs natively, where libcrypto is linked anyway, so the tool uses it
// rather than a SHA-256 of its own (the browser never computes one: the service
// worker's checks use the browser's crypto.subtle).
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pietura::digest {

class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256: libcrypto could not start a digest");
    }
    Sha256& update(const void* data, std::size_t n) {
        if (EVP_DigestUpdate(ctx_.get(), data, n) != 1) throw std::runtime_error("SHA-256: update failed");
        return *this;
    }
    Sha256& update(std::string_view s) { return update(s.data(), s.size()); }
    // Lower-case, 64 characters; the digest is finished after this.
    std::string hex() {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), md, &n) != 1) throw std::runtime_error("SHA-256: final failed");
        static const char* kHex = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < n; ++i) {
            out += kHex[md[i] >> 4];
            out += kHex[md[i] & 15];
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

inline std::string sha256_hex(std::string_view data) { return Sha256().update(data).hex(); }

}  // namespace pietura::digest
