// The fuzzers' fixture: a real snapshot built from content/ at build time, so the
// search and snapshot targets query what the browser would download, and no binary
// file needs to live in git. Same code path as `pietura build` (load, check, write).
#include <iostream>

#include "content/content.hpp"
#include "snapshot/snapshot.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: fuzz_make_snapshot CONTENT_DIR OUT.sqlite\n";
        return 2;
    }
    std::vector<pietura::content::Diagnostic> diags;
    auto c = pietura::content::Content::load(argv[1], diags);
    if (pietura::content::has_errors(diags)) {
        for (auto& d : diags) std::cerr << d.format() << "\n";
        return 1;
    }
    pietura::snapshot::write(c, argv[2], pietura::snapshot::BuildInfo{"fuzz", {}});
    return 0;
}
