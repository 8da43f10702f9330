// Target 5: a damaged or hostile snapshot. The browser opens whatever bytes it
// fetched (a truncated download, a proxy's error page, a tampered file), so opening
// must either refuse with std::runtime_error or answer the page's questions without
// crashing. Seeded with the real snapshot (build-fuzz/catalogue.sqlite; tools/fuzz.sh
// copies it into the run's corpus). May find hangs: tools/fuzz.sh runs it with -timeout.
#include <cstdint>

#include "fuzz_common.hpp"
#include "snapshot/snapshot.hpp"

using pietura::Lang;
using pietura::snapshot::Catalogue;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::optional<Catalogue> cat;
    try {
        cat.emplace(Catalogue::from_bytes(data, size));
    } catch (const std::exception&) {
        return 0;  // refused: the documented answer
    }
    // Each question on its own: a malformed table may fail one with an exception
    // (which the wasm layer turns into a JS Error) and leave the others working.
    const std::int64_t now = 1798014600;  // 2026-12-23 10:30 Riga, a pre-holiday day
    try { (void)cat->search("pabalsts", Lang::lv); } catch (const std::exception&) {}
    try { (void)cat->search("pase", Lang::en); } catch (const std::exception&) {}
    try { (void)cat->find_places("ces", Lang::lv); } catch (const std::exception&) {}
    try {
        Catalogue::NearestQuery q;
        q.from = {56.95, 24.1};
        q.limit = 3;
        q.open_now = true;
        for (auto& n : cat->nearest(q, Lang::lv, now)) {
            (void)cat->opening_status(n.id, now, Lang::en);
            (void)cat->days(n.id, now, Lang::lv, 7);
        }
    } catch (const std::exception&) {}
    try { (void)cat->opening_status("vid-riga", now, Lang::lv); } catch (const std::exception&) {}
    try { (void)cat->territories(Lang::en); } catch (const std::exception&) {}
    return 0;
}
