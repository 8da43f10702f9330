// tools/pietura/precompress.hpp — brotli and gzip copies of the built site (issue 13).
//
// `pietura build` writes <file>.br and <file>.gz beside every text file of the output
// (pages, styles, scripts, JSON, SVG, the web manifest, XML, calendar files) and
// beside the wasm core and the snapshot, which are most of the bytes on a slow line.
// They are written once per build at the highest settings that keep a build quick, so
// that neither `pietura serve` nor a plain static host (nginx gzip_static and
// brotli_static, Apache type maps) ever compresses on a request, and nothing is
// compressed twice. The copies are written after manifest.json, which therefore
// never lists them: the service worker caches the decoded files, as fetch() gives them.
//
// `pietura serve` picks a copy with choose_encoding(): by the request's
// Accept-Encoding and its q-values (q=0 refuses), brotli first when both are equally
// welcome, and only a copy that is smaller than the file itself and that decodes to
// exactly its bytes (decodes_to()). The content decides, not the files' times: a
// plain `cp -r` of dist/ gives every file a new time in whatever order it copies, and
// a time check would then drop good copies (or keep stale ones) without a word.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pietura::cli {

// The extensions that get copies (".html", ".wasm", …), and never ".br" or ".gz".
bool precompressible(const std::filesystem::path& file);

// Whole-buffer compression: gzip (RFC 1952, zlib `level` 1–9) and brotli (RFC 7932; `quality`
// 0–11, `text` for brotli's text mode). Throw std::runtime_error if the library fails.
std::string gzip(std::string_view data, int level = 9);
std::string brotli(std::string_view data, int quality = 11, bool text = true);

struct PrecompressTotals {
    int files = 0;
    std::uintmax_t identity_bytes = 0, gzip_bytes = 0, brotli_bytes = 0;
};

// The two copies of one file, as precompress_tree() writes them: brotli quality and
// mode chosen by the file's name and size, so a copy made early is the same bytes.
struct Copies {
    std::string gz, br;
};
Copies make_copies(const std::filesystem::path& file, std::string_view data);

// Issue 13: make_copies() through a folder of copies made before, for files that are
// the same bytes build after build — the browser core and the studio, whose brotli at
// quality 11 was a quarter of a national build's CPU time. An entry is found by the
// SHA-256 of the bytes, the settings and the libraries' versions, and used only when it
// decodes to exactly `data`; so the copies are the bytes make_copies() gives. An empty
// `cache_dir` keeps nothing; a cache that cannot be read or written only costs time.
Copies cached_copies(const std::filesystem::path& file, std::string_view data, const std::filesystem::path& cache_dir);

// The folder `pietura build` keeps those copies in: $PIETURA_CACHE_DIR ("off": none),
// else $XDG_CACHE_HOME/pietura/copies, else ~/.cache/pietura/copies.
std::filesystem::path copies_cache_dir();

// Copies made before the files were written (issue 13: `pietura build` compresses its
// pages from memory while it writes them, instead of reading 200 MB back afterwards),
// by the file's path relative to the tree, with the bytes they were made from: a file
// whose bytes differ by the time precompress_tree() sees it is compressed anew.
struct MadeCopies {
    std::string_view original;  // the caller keeps these bytes alive
    Copies copies;
    // The caller wrote `original` to the file itself and nothing wrote there since: the
    // file is not read back (issue 13: 8,000 pages, 145 MB at national scale).
    bool written = false;
};
using ReadyCopies = std::unordered_map<std::string, MadeCopies>;

class Progress;

// The build's last step with copies already made (the other overload is in cli.hpp).
void precompress(const std::filesystem::path& dir, Progress& progress, const ReadyCopies& ready);

// Writes <file>.br and <file>.gz beside every precompressible file under `dir` (a
// copy of a file is always written, even when it is not smaller, so that a static
// host's rule "serve x.br when it exists" can rely on it). Copies in `ready` are
// written as they are. Throws on a write error.
PrecompressTotals precompress_tree(const std::filesystem::path& dir, const ReadyCopies& ready = {});

// Makes the copies of files held in memory on every thread that calls work(), each
// file once: the build hands it its pages, and a spare core compresses them while the
// build writes them and its manifest; the build's own thread joins in when it is done.
class CopyMaker {
public:
    // Before any work(): `file` relative to the output, `data` alive until take().
    void add(std::string file, std::string_view data);
    // Returns when every file has been started (and this thread's are done); any thread.
    void work();
    // After every work() has returned: the copies, or the first error rethrown.
    ReadyCopies take();

private:
    struct Item {
        std::string file;
        std::string_view data;
        Copies copies;
    };
    std::vector<Item> items_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::exception_ptr failure_;
};

enum class Encoding { identity, gzip, br };

// The coding to send, from an Accept-Encoding header (RFC 9110 §12.5.3) and which
// copies exist: the highest q-value wins, a tie goes to br, then gzip, then identity.
// No header, or one that refuses everything offered, gives identity.
Encoding choose_encoding(std::string_view accept_encoding, bool have_br, bool have_gzip);

// True when `copy`, decoded as `e` (gzip or br), is exactly `original`: one complete
// stream, nothing after it. Never decodes more than original.size() + 1 bytes, so a
// copy that does not belong to the file costs no more than the file itself.
bool decodes_to(std::string_view copy, Encoding e, std::string_view original);

std::string_view encoding_name(Encoding e);  // "identity", "gzip", "br"
std::string_view encoding_suffix(Encoding e);  // "", ".gz", ".br"

}  // namespace pietura::cli
