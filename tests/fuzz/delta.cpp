// Target 8 (issue 13): the update delta the service worker applies to its copy's files.
// Input: the first byte splits the rest into an "old file" and a second part, used
// two ways: as a delta (hostile bytes, as from a damaged download) and as a new file.
//
// Promises checked (delta.hpp): apply() of any bytes either throws delta::Error or
// returns bytes, never crashes or reads out of bounds; make() then apply() gives the
// new file back exactly; a make()'s delta with one byte changed is never taken for
// another file silently (it is refused, or gives the same new bytes).
#include <cstdint>
#include <string>
#include <string_view>

#include "delta/delta.hpp"
#include "fuzz_common.hpp"

namespace delta = pietura::delta;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::size_t cut = in.empty() ? 0 : (data[0] * in.size()) / 255;
    std::string_view old = in.substr(0, cut), second = in.substr(cut);

    try {
        delta::apply(old, second);
    } catch (const delta::Error&) {
    }
    std::string d = delta::make(old, second);
    if (delta::apply(old, d) != second) fuzz::broken("apply(old, make(old, next)) is next");
    if (!d.empty()) {
        std::string bad = d;
        bad[data[0] % bad.size()] ^= 0x20;
        try {
            if (delta::apply(old, bad) != second) fuzz::broken("a damaged delta is refused, never a wrong file");
        } catch (const delta::Error&) {
        }
    }
    return 0;
}
