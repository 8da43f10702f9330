// Brotli and gzip copies of the built site (see precompress.hpp), with Debian's
// libbrotli and zlib.
#include "precompress.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <atomic>
#include <exception>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "cli.hpp"
#include "sha256.hpp"
#include "text/text.hpp"
#include "http/server.hpp"

namespace fs = std::filesystem;

namespace pietura::cli {

namespace {

// Text is what brotli's text mode and static dictionary are made for; the wasm core and
// the snapshot are binary.
const std::set<std::string, std::less<>> kText = {".html", ".css",  ".js",  ".mjs", ".json", ".svg",
                                                  ".webmanifest", ".xml", ".txt", ".ics", ".jsonl"};
// An update's deltas (deltas.hpp) are binary too: the literal bytes of a snapshot and a pack.
const std::set<std::string, std::less<>> kBinary = {".wasm", ".sqlite", ".delta"};

// Brotli's best quality (11) costs about a second per megabyte; quality 5 gives output
// about 11 % larger at fifty times the speed (measured on the default content: pages
// 6.5 MB → 1.34 MB in 15 s at 11, 1.51 MB in 0.3 s at 5; the wasm core, scripts, styles
// and snapshot 1.57 MB → 508 KB in 5.3 s at 11, 571 KB in 0.1 s at 5). Quality 11 is
// kept for what a first visit downloads before its first answer, the files where every
// kilobyte is waited for, up to 2 MB (a national snapshot would take many seconds);
// thousands of pages get quality 5, so that a national catalogue still builds quickly.
// gzip likewise: level 9 for those files, zlib's default (6) for the rest, because on
// the big repetitive files of a national build (the A–Z lists, sitemap, manifest,
// snapshot: 30 MB) level 9 took 5.6 times as long as 6 for 2 % fewer bytes (issue 13),
// and gzip is only for the few clients without brotli.
// An update's deltas are waited for as well, and small: best quality costs little there.
// Between 1 and 2 MB (a national search shard) quality 10 instead: measured on the
// national Latvian shard (1.98 MB), 11 gave 369.5 KB in 3.3 s, 10 gave 378.7 KB in
// 1.6 s and 9 gave 417.5 KB in 0.3 s; two shards at 11 kept the national build over
// 10 s on two cores.
const std::set<std::string, std::less<>> kFirstVisit = {".wasm", ".js", ".mjs", ".css", ".sqlite", ".delta"};
constexpr std::uintmax_t kBestQualityMaxBytes = 1 << 20, kGoodQualityMaxBytes = 2 << 20;

// Brotli quality for a file of `size` bytes; 0 for the bulk setting.
int first_visit_quality(const fs::path& file, std::uintmax_t size) {
    if (!kFirstVisit.count(file.extension().string())) return 0;
    return size <= kBestQualityMaxBytes ? 11 : size <= kGoodQualityMaxBytes ? 10 : 0;
}

void write_bytes(const fs::path& p, const std::string& data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(data.data(), std::streamsize(data.size()));
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

bool precompressible(const fs::path& file) {
    std::string ext = file.extension().string();
    return kText.count(ext) != 0 || kBinary.count(ext) != 0;
}

// Each thread compresses into one buffer of its own that only ever grows, and the
// result is copied out at its size: a buffer of the worst-case size per call, zeroed
// and kept as the copy's capacity, cost more time in page faults than the build spent
// compressing once it held the pages' copies in memory (issue 13: 880 MB resident).
namespace {

std::string& scratch(std::size_t size) {
    thread_local std::string buffer;
    if (buffer.size() < size) buffer.resize(size);
    return buffer;
}

}  // namespace

std::string gzip(std::string_view data, int level) {
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib: cannot start");
    std::string& out = scratch(deflateBound(&zs, uLong(data.size())));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    int rc = deflate(&zs, Z_FINISH);
    std::size_t size = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
    return out.substr(0, size);
}

std::string brotli(std::string_view data, int quality, bool text) {
    std::string& out = scratch(BrotliEncoderMaxCompressedSize(data.size()) + 1024);
    size_t size = out.size();
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, text ? BROTLI_MODE_TEXT : BROTLI_MODE_GENERIC,
                               data.size(), reinterpret_cast<const uint8_t*>(data.data()), &size,
                               reinterpret_cast<uint8_t*>(out.data())))
        throw std::runtime_error("brotli: compression failed");
    return out.substr(0, size);
}

namespace {

// Everything that decides a file's copies besides its bytes.
struct Settings {
    int gzip_level, brotli_quality;
    bool text;
};

Settings settings_for(const fs::path& file, std::size_t size) {
    int quality = first_visit_quality(file, size);
    return Settings{quality ? 9 : 6, quality ? quality : 5, kText.count(file.extension().string()) != 0};
}

Copies make_copies(std::string_view data, Settings s) {
    return Copies{gzip(data, s.gzip_level), brotli(data, s.brotli_quality, s.text)};
}

}  // namespace

Copies make_copies(const fs::path& file, std::string_view data) { return make_copies(data, settings_for(file, data.size())); }

fs::path copies_cache_dir() {
    auto env = [](const char* name) {
        const char* v = std::getenv(name);
        return v && *v ? std::optional<std::string>(v) : std::nullopt;
    };
    if (auto dir = env("PIETURA_CACHE_DIR")) return *dir == "off" ? fs::path() : fs::path(*dir);
    if (auto dir = env("XDG_CACHE_HOME")) return fs::path(*dir) / "pietura" / "copies";
    if (auto home = env("HOME")) return fs::path(*home) / ".cache" / "pietura" / "copies";
    return {};
}

// An entry is named by the SHA-256 of the settings, both libraries' versions and the
// bytes: the same name always stands for the same copies, so what is read back is what
// make_copies() would make. It is used only when both files decode to exactly the bytes
// (a damaged or cut entry is made anew); entries are written under a temporary name and
// renamed, so two builds at once never see half of one. Entries unused for 30 days go
// when a new one is written; any failure of the cache only costs the compression.
Copies cached_copies(const fs::path& file, std::string_view data, const fs::path& cache_dir) {
    Settings s = settings_for(file, data.size());
    if (cache_dir.empty()) return make_copies(data, s);
    digest::Sha256 h;
    std::string head = "pietura copies 1 gzip " + std::to_string(s.gzip_level) + " zlib " + zlibVersion() + " brotli " +
                       std::to_string(s.brotli_quality) + (s.text ? " text" : " generic") + " window " +
                       std::to_string(BROTLI_DEFAULT_WINDOW) + " " + std::to_string(BrotliEncoderVersion());
    h.update(head);
    h.update("\0", 1);
    h.update(data);
    fs::path entry = cache_dir / h.hex();
    fs::path gz_file = entry.string() + ".gz", br_file = entry.string() + ".br";
    std::error_code ec;
    if (fs::exists(gz_file, ec) && fs::exists(br_file, ec)) {
        try {
            Copies c{text::read_file_or_throw(gz_file), text::read_file_or_throw(br_file)};
            if (decodes_to(c.gz, Encoding::gzip, data) && decodes_to(c.br, Encoding::br, data)) {
                auto now = fs::file_time_type::clock::now();
                fs::last_write_time(gz_file, now, ec);
                fs::last_write_time(br_file, now, ec);
                return c;
            }
        } catch (const std::exception&) {
            // unreadable: made anew below
        }
    }
    Copies c = make_copies(data, s);
    try {
        fs::create_directories(cache_dir, ec);
        auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 30);
        for (auto& e : fs::directory_iterator(cache_dir, ec))
            if (e.is_regular_file(ec) && e.last_write_time(ec) < old) fs::remove(e.path(), ec);
        std::ostringstream tmp;
        tmp << ".tmp-" << ::getpid() << "-" << std::this_thread::get_id();
        for (auto& [path, bytes] : {std::pair{gz_file, &c.gz}, std::pair{br_file, &c.br}}) {
            fs::path part = path.string() + tmp.str();
            write_bytes(part, *bytes);
            fs::rename(part, path, ec);
            if (ec) fs::remove(part, ec);
        }
    } catch (const std::exception&) {
        // a read-only or full disk: the copies are made, only not kept
    }
    return c;
}

void CopyMaker::add(std::string file, std::string_view data) { items_.push_back(Item{std::move(file), data, {}}); }

void CopyMaker::work() {
    for (std::size_t k; (k = next_++) < items_.size();) {
        try {
            items_[k].copies = make_copies(items_[k].file, items_[k].data);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!failure_) failure_ = std::current_exception();
            next_ = items_.size();
        }
    }
}

ReadyCopies CopyMaker::take() {
    if (failure_) std::rethrow_exception(failure_);
    ReadyCopies out;
    out.reserve(items_.size());
    for (auto& it : items_) out.emplace(std::move(it.file), MadeCopies{it.data, std::move(it.copies)});
    items_.clear();
    return out;
}

PrecompressTotals precompress_tree(const fs::path& dir, const ReadyCopies& ready) {
    std::vector<fs::path> files;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && precompressible(e.path())) files.push_back(e.path());
    std::sort(files.begin(), files.end());

    // Files are independent: the machine's cores share them, one file at a time each.
    PrecompressTotals totals;
    std::mutex mu;
    std::exception_ptr failure;
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t k; (k = next++) < files.size();) {
            try {
                const fs::path& f = files[k];
                auto made = ready.find(f.lexically_relative(dir).generic_string());
                bool trusted = made != ready.end() && made->second.written;
                std::string read = trusted ? std::string() : text::read_file_or_throw(f);
                std::string_view data = trusted ? made->second.original : std::string_view(read);
                Copies fresh;
                const Copies& copies = trusted || (made != ready.end() && made->second.original == data)
                                           ? made->second.copies
                                           : (fresh = make_copies(f, data));
                write_bytes(fs::path(f.string() + ".gz"), copies.gz);
                write_bytes(fs::path(f.string() + ".br"), copies.br);
                std::lock_guard<std::mutex> lock(mu);
                ++totals.files;
                totals.identity_bytes += data.size();
                totals.gzip_bytes += copies.gz.size();
                totals.brotli_bytes += copies.br.size();
            } catch (...) {
                std::lock_guard<std::mutex> lock(mu);
                if (!failure) failure = std::current_exception();
                next = files.size();
            }
        }
    };
    unsigned n = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return totals;
}

void precompress(const fs::path& dir, Progress& progress, const ReadyCopies& ready) {
    progress.step("Writing brotli and gzip copies");
    PrecompressTotals t = precompress_tree(dir, ready);
    auto kb = [](std::uintmax_t b) { return std::to_string((b + 512) / 1024) + " KB"; };
    progress.done(std::to_string(t.files) + " files, " + kb(t.identity_bytes) + " → " + kb(t.brotli_bytes) + " br, " +
                  kb(t.gzip_bytes) + " gzip");
}

void precompress(const fs::path& dir, Progress& progress) { precompress(dir, progress, {}); }

bool decodes_to(std::string_view copy, Encoding e, std::string_view original) {
    // One byte of room past the original: a copy that decodes to more does not fit and fails.
    std::string out(original.size() + 1, '\0');
    size_t got = 0;
    if (e == Encoding::br) {
        size_t size = out.size();
        if (BrotliDecoderDecompress(copy.size(), reinterpret_cast<const uint8_t*>(copy.data()), &size,
                                    reinterpret_cast<uint8_t*>(out.data())) != BROTLI_DECODER_RESULT_SUCCESS)
            return false;
        got = size;
    } else if (e == Encoding::gzip) {
        z_stream zs{};
        if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(copy.data()));
        zs.avail_in = uInt(copy.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = uInt(out.size());
        int rc = inflate(&zs, Z_FINISH);
        bool whole = rc == Z_STREAM_END && zs.avail_in == 0;  // a second gzip member is not ours
        got = zs.total_out;
        inflateEnd(&zs);
        if (!whole) return false;
    } else {
        return false;
    }
    return got == original.size() && std::memcmp(out.data(), original.data(), got) == 0;
}

// --- choosing a copy for a request --------------------------------------------------------

namespace {

// A qvalue (RFC 9110 §12.4.2): "0" to "1" with up to three decimals; nullopt otherwise.
std::optional<int> qvalue(std::string_view v) {
    v = http::trim_ows(v);
    if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return std::nullopt;
    int thousandths = (v[0] - '0') * 1000;
    if (v.size() > 1) {
        if (v[1] != '.') return std::nullopt;
        int scale = 100;
        for (char c : v.substr(2)) {
            if (c < '0' || c > '9') return std::nullopt;
            thousandths += (c - '0') * scale;
            scale /= 10;
        }
    }
    if (thousandths > 1000) return std::nullopt;
    return thousandths;
}

}  // namespace

Encoding choose_encoding(std::string_view header, bool have_br, bool have_gzip) {
    // q in thousandths; -1: not mentioned.
    int br = -1, gz = -1, identity = -1, star = -1;
    while (!header.empty()) {
        size_t comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        size_t semi = item.find(';');
        std::string_view coding = http::trim_ows(item.substr(0, semi));
        if (coding.empty()) continue;
        int q = 1000;
        if (semi != std::string_view::npos) {
            std::string_view param = http::trim_ows(item.substr(semi + 1));
            if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
            auto v = qvalue(param.substr(2));
            if (!v) continue;  // a malformed weight: ignore the entry rather than guess
            q = *v;
        }
        int* slot = http::iequals(coding, "br")                                       ? &br
                    : http::iequals(coding, "gzip") || http::iequals(coding, "x-gzip") ? &gz
                    : http::iequals(coding, "identity")                                ? &identity
                    : coding == "*"                                                    ? &star
                                                                                       : nullptr;
        if (slot) *slot = std::max(*slot, q);
    }
    // "*" stands for every coding not named; identity is welcome unless refused.
    if (br < 0) br = star < 0 ? 0 : star;
    if (gz < 0) gz = star < 0 ? 0 : star;
    if (identity < 0) identity = star == 0 ? 0 : 1;  // below any named coding's weight
    int best_br = have_br ? br : 0, best_gz = have_gzip ? gz : 0;
    if (best_br > 0 && best_br >= best_gz && best_br >= identity) return Encoding::br;
    if (best_gz > 0 && best_gz >= identity) return Encoding::gzip;
    return Encoding::identity;
}

std::string_view encoding_name(Encoding e) { return e == Encoding::br ? "br" : e == Encoding::gzip ? "gzip" : "identity"; }

std::string_view encoding_suffix(Encoding e) { return e == Encoding::br ? ".br" : e == Encoding::gzip ? ".gz" : ""; }

}  // namespace pietura::cli
