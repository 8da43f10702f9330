// delta/delta.cpp — make() and apply(); the format is described in delta.hpp.
//
//   magic "PTDELTA\x01"
//   varint old length, 8 bytes old checksum, varint new length, 8 bytes new checksum
//   operations to the end: varint (length << 1 | kind), then
//     kind 0 LITERAL: `length` bytes;  kind 1 COPY: varint offset into the old bytes
//
// Checksums are FNV-1a 64 (little endian): not a security measure (the service worker
// checks SHA-256 from the manifest), but enough to refuse a delta applied to other old
// bytes or damaged on the way before its result is used.
#include "delta/delta.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace pietura::delta {

namespace {

// Blocks of the old file that are indexed: small enough to find a row that moved
// between two changed ones in a SQLite page, large enough to keep the index small.
constexpr std::size_t kBlock = 32;
constexpr std::uint64_t kPrime = 0x100000001b3ULL;  // the rolling hash's multiplier

std::uint64_t checksum(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= kPrime;
    }
    return h;
}

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A polynomial hash of kBlock bytes that rolls one byte at a time (mod 2^64).
struct Rolling {
    std::uint64_t out_factor = 1;  // kPrime^(kBlock-1): the weight of the byte leaving
    Rolling() {
        for (std::size_t i = 1; i < kBlock; ++i) out_factor *= kPrime;
    }
    static std::uint64_t of(const unsigned char* p) {
        std::uint64_t h = 0;
        for (std::size_t i = 0; i < kBlock; ++i) h = h * kPrime + p[i] + 1;
        return h;
    }
    std::uint64_t roll(std::uint64_t h, unsigned char out, unsigned char in) const {
        return (h - (out + 1ULL) * out_factor) * kPrime + in + 1;
    }
};

// The old file's blocks by hash: direct-mapped, the first block with a slot keeps it
// (a miss only costs a copy the scan would have found, never a wrong byte: every
// candidate is compared before it is used).
class Index {
public:
    explicit Index(std::string_view old) {
        std::size_t blocks = old.size() / kBlock;
        while ((std::size_t{1} << bits_) < blocks * 2 && bits_ < 28) ++bits_;
        slots_.assign(std::size_t{1} << bits_, Slot{});
        auto p = reinterpret_cast<const unsigned char*>(old.data());
        for (std::size_t b = 0; b < blocks; ++b) {
            std::uint64_t h = Rolling::of(p + b * kBlock);
            Slot& s = slots_[slot(h)];
            if (s.offset_plus_1 == 0) s = Slot{h, static_cast<std::uint32_t>(b * kBlock + 1)};
        }
    }
    // The offset of a block with hash `h`, or -1.
    long long find(std::uint64_t h) const {
        const Slot& s = slots_[slot(h)];
        return s.offset_plus_1 != 0 && s.hash == h ? static_cast<long long>(s.offset_plus_1 - 1) : -1;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset_plus_1 = 0;
    };
    std::size_t slot(std::uint64_t h) const { return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> (64 - bits_)); }
    int bits_ = 4;
    std::vector<Slot> slots_;
};

void put_literal(std::string& out, std::string_view bytes) {
    if (bytes.empty()) return;
    put_varint(out, std::uint64_t{bytes.size()} << 1);
    out.append(bytes);
}

void put_copy(std::string& out, std::size_t offset, std::size_t length) {
    put_varint(out, (std::uint64_t{length} << 1) | 1);
    put_varint(out, offset);
}

// Reads the delta front to back; every read is bounds-checked.
class Reader {
public:
    explicit Reader(std::string_view d) : d_(d) {}
    bool done() const { return pos_ == d_.size(); }
    std::uint64_t varint(const char* what) {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= d_.size()) throw Error(std::string("truncated (in ") + what + ")");
            auto c = static_cast<unsigned char>(d_[pos_++]);
            if (shift == 63 && c > 1) throw Error(std::string("a number out of range (") + what + ")");
            v |= std::uint64_t{c & 0x7fu} << shift;
            if (!(c & 0x80)) return v;
        }
        throw Error(std::string("a number out of range (") + what + ")");
    }
    std::uint64_t u64(const char* what) {
        std::string_view b = bytes(8, what);
        std::uint64_t v = 0;
        for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
        return v;
    }
    std::string_view bytes(std::uint64_t n, const char* what) {
        if (n > d_.size() - pos_) throw Error(std::string("truncated (in ") + what + ")");
        std::string_view b = d_.substr(pos_, n);
        pos_ += n;
        return b;
    }

private:
    std::string_view d_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string make(std::string_view old, std::string_view next) {
    if (old.size() > kMaxBytes || next.size() > kMaxBytes)
        throw std::invalid_argument("delta::make: a file over " + std::to_string(kMaxBytes) + " bytes");
    std::string out(kMagic);
    put_varint(out, old.size());
    put_u64(out, checksum(old));
    put_varint(out, next.size());
    put_u64(out, checksum(next));

    const Index index(old);
    const Rolling rolling;
    auto o = reinterpret_cast<const unsigned char*>(old.data());
    auto n = reinterpret_cast<const unsigned char*>(next.data());
    const std::size_t old_n = old.size(), new_n = next.size();
    std::size_t literal = 0;  // where the bytes not yet written begin
    std::size_t pos = 0;
    std::uint64_t h = new_n >= kBlock ? Rolling::of(n) : 0;
    while (pos + kBlock <= new_n) {
        long long at = old_n >= kBlock ? index.find(h) : -1;
        if (at >= 0 && std::memcmp(o + at, n + pos, kBlock) == 0) {
            std::size_t from = static_cast<std::size_t>(at), start = pos, len = kBlock;
            while (from + len < old_n && start + len < new_n && o[from + len] == n[start + len]) ++len;
            while (start > literal && from > 0 && o[from - 1] == n[start - 1]) --start, --from, ++len;
            put_literal(out, next.substr(literal, start - literal));
            put_copy(out, from, len);
            pos = literal = start + len;
            if (pos + kBlock <= new_n) h = Rolling::of(n + pos);
            continue;
        }
        if (pos + kBlock < new_n) h = rolling.roll(h, n[pos], n[pos + kBlock]);
        ++pos;
    }
    put_literal(out, next.substr(literal));
    return out;
}

std::string apply(std::string_view old, std::string_view delta) {
    if (delta.substr(0, kMagic.size()) != kMagic) throw Error("not a Pietura delta (no PTDELTA header)");
    Reader r(delta.substr(kMagic.size()));
    std::uint64_t old_size = r.varint("the old length");
    std::uint64_t old_sum = r.u64("the old checksum");
    std::uint64_t new_size = r.varint("the new length");
    std::uint64_t new_sum = r.u64("the new checksum");
    if (old_size != old.size())
        throw Error("made from a file of " + std::to_string(old_size) + " bytes, not this one of " +
                    std::to_string(old.size()));
    if (new_size > kMaxBytes) throw Error("a result of " + std::to_string(new_size) + " bytes is over the limit");
    if (checksum(old) != old_sum) throw Error("made from other bytes than the file it is applied to (checksum)");

    std::string out;
    // Never more up front than the delta could make without copies: a hostile length costs nothing.
    out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(new_size, old.size() + delta.size())));
    while (!r.done()) {
        std::uint64_t head = r.varint("an operation");
        std::uint64_t len = head >> 1;
        if (len == 0) throw Error("an empty operation");
        if (len > new_size - out.size())
            throw Error("an operation past the new length of " + std::to_string(new_size) + " bytes");
        if (head & 1) {
            std::uint64_t from = r.varint("a copy's offset");
            if (from > old.size() || len > old.size() - from)
                throw Error("a copy outside the old file (" + std::to_string(from) + "+" + std::to_string(len) +
                            " of " + std::to_string(old.size()) + " bytes)");
            out.append(old.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(len)));
        } else {
            out.append(r.bytes(len, "a literal"));
        }
    }
    if (out.size() != new_size)
        throw Error("truncated: it makes " + std::to_string(out.size()) + " of " + std::to_string(new_size) + " bytes");
    if (checksum(out) != new_sum) throw Error("damaged: the result does not match its checksum");
    return out;
}

}  // namespace pietura::delta
