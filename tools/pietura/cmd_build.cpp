// pietura build — content/ → dist/ (static site, wasm core, snapshot, manifest).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <fstream>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "deltas.hpp"
#include "precompress.hpp"
#include "text/text.hpp"
#include "content/content.hpp"
#include "import/import.hpp"
#include "quality/quality.hpp"
#include "site/site.hpp"
#include "site/components/week_view/week_view.hpp"
#include "sha256.hpp"
#include "snapshot/snapshot.hpp"

namespace fs = std::filesystem;

namespace pietura::cli {

namespace {

const char* kBuildHelp = R"(pietura build — check the content and write the portal to an output folder

Usage: pietura build [options]

  --content DIR          content folder (default: content)
  --i18n DIR             UI strings folder (default: i18n)
  --web DIR              static assets copied as they are (default: web)
  --base-url URL         where the site will be published, for the absolute addresses
                         in sitemap.xml, robots.txt, schema.org data and printed pages
                         (default: http://localhost:8080)
  --wasm DIR             folder with the browser core pietura.js + pietura.wasm
                         (default: build-wasm/wasm; if missing, pages work without search-as-you-type)
  --studio DIR           folder with the web studio (index.html, pietura-studio.js, .wasm), published
                         at studio/ with its page and the quality report
                         (default: build-wasm/studio; skipped when missing)
  --out DIR              output folder (default: dist); its previous build is replaced,
                         and the snapshot, shards and page pack get update deltas from it
  --content-version V    version shown on pages (default: derived from the content's SHA-256)
  --ratings FILE         published rating figures (GET /api/ratings/summary of the
                         server) to show on pages and put in the snapshot; averages
                         appear only from 5 ratings
  --check                only check the content; write nothing
  --quiet                no progress lines
  --timings              print when each stage of the build started and ended, on which
                         thread, and the CPU time used, to standard error

Problems are printed as file:line:column: error: message. Exit code 1 when
content has errors (nothing is written), 2 for a wrong command line.
)";

// Issue 13: `--timings` — when each stage ran and on which thread, to see where a
// national build's seconds go on two cores (which thread waits, which one is the
// critical path). Off, it records nothing.
class Timeline {
public:
    explicit Timeline(bool on) : on_(on), start_(std::chrono::steady_clock::now()) {}
    // Records the stage from now until the returned object goes: its wall time and the
    // CPU time of the thread that made it (which a loaded machine changes far less).
    class Span {
    public:
        Span(Timeline* t, std::string name, const char* thread)
            : t_(t), name_(std::move(name)), thread_(thread), from_(t ? t->now() : 0), cpu_(t ? thread_cpu() : 0) {}
        Span(Span&& o) noexcept : t_(std::exchange(o.t_, nullptr)), name_(std::move(o.name_)), thread_(o.thread_), from_(o.from_), cpu_(o.cpu_) {}
        Span& operator=(Span&&) = delete;
        ~Span() {
            if (t_) t_->add(Entry{name_, thread_, from_, t_->now(), thread_cpu() - cpu_});
        }

    private:
        Timeline* t_;
        std::string name_;
        const char* thread_;
        double from_, cpu_;
    };
    Span span(std::string name, const char* thread) { return Span(on_ ? this : nullptr, std::move(name), thread); }
    void print() const {
        if (!on_) return;
        auto sorted = spans_;
        std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.from < b.from; });
        std::fprintf(stderr, "timings: from – to (s since the start), thread, stage, wall s, CPU s of its thread\n");
        for (auto& s : sorted)
            std::fprintf(stderr, "  %6.2f – %6.2f  %-6s %-36s %6.2f %6.2f\n", s.from, s.to, s.thread, s.name.c_str(), s.to - s.from,
                         s.cpu);
        rusage u{};
        ::getrusage(RUSAGE_SELF, &u);
        double cpu = double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
        double wall = now();
        std::fprintf(stderr, "  total %.2f s wall, %.2f s CPU (%.2f s user, %.2f s system): %.2f cores busy on average\n", wall,
                     cpu, double(u.ru_utime.tv_sec) + double(u.ru_utime.tv_usec) / 1e6,
                     double(u.ru_stime.tv_sec) + double(u.ru_stime.tv_usec) / 1e6, wall > 0 ? cpu / wall : 0);
    }

private:
    struct Entry {
        std::string name;
        const char* thread;
        double from, to, cpu;
    };
    static double thread_cpu() {
        timespec ts{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    }
    double now() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
    void add(Entry e) {
        std::lock_guard<std::mutex> lock(mutex_);
        spans_.push_back(std::move(e));
    }
    bool on_;
    std::chrono::steady_clock::time_point start_;
    mutable std::mutex mutex_;
    std::vector<Entry> spans_;
};

void write_file(const fs::path& p, const std::string& data) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(data.data(), std::streamsize(data.size()));
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The content version names exactly what was built: a digest over every content
// file's path and bytes, so two editors building the same content agree.
std::string content_digest(const fs::path& dir) {
    digest::Sha256 h;
    for (auto& p : files_under(dir)) {
        std::string rel = fs::relative(p, dir).generic_string();
        h.update(rel);
        h.update("\0", 1);
        std::string data = text::read_file_or_throw(p);
        h.update(data);
    }
    return h.hex();
}

// Only a folder we built before (or an empty one) is emptied: never delete
// something that is not ours because of a mistyped --out.
void check_output(const fs::path& out) {
    if (!fs::exists(out)) return;
    if (!fs::is_directory(out)) throw std::runtime_error(out.string() + " exists and is not a folder");
    if (!fs::is_empty(out) && !fs::exists(out / "manifest.json"))
        throw std::runtime_error(out.string() + " is not empty and holds no previous build (manifest.json); choose another --out");
}

// Issue 13: deleting the previous build's 24,000 files takes tens of seconds on a disk
// that discards freed blocks (ext4 -o discard waits for each file's), far longer than
// moving them. So its files are moved (one rename each) into a folder beside `out`,
// `trash`, which the build deletes (sweep()) only once the new build is completely
// written, or moves back (put_back()) when the new one fails: a failed build never
// loses the one that worked. `trash` is named before the first file moves, so a failure
// halfway through is put back too. It stays empty when there was nothing to set aside;
// what cannot be moved (`out` a mount point: another file system) is deleted at once.
void set_aside_output(const fs::path& out, fs::path& trash) {
    check_output(out);
    if (!fs::exists(out) || fs::is_empty(out)) return;
    fs::path dir = out.lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    std::string name = dir.filename().string();
    std::error_code ec;
    if (!name.empty() && name != "." && name != "..") {
        trash = dir.parent_path() / ("." + name + ".previous-" + std::to_string(::getpid()));
        if (!fs::create_directory(trash, ec) || ec) trash.clear();
    }
    for (auto& e : fs::directory_iterator(out)) {
        if (!trash.empty()) {
            fs::rename(e.path(), trash / e.path().filename(), ec);
            if (!ec) continue;
        }
        fs::remove_all(e.path());
    }
}

// Deletes what set_aside_output() moved; a failure leaves the folder, with a word.
void sweep(const fs::path& trash) {
    if (trash.empty()) return;
    std::error_code ec;
    fs::remove_all(trash, ec);
    if (ec) std::cerr << "warning: could not delete the previous build in " << trash.string() << ": " << ec.message() << "\n";
}

// Deletes the previous build once the new one is complete, in a process of its own so
// that the build returns at once: on a disk that discards freed blocks deleting its
// 24,000 files takes about a minute (measured at national scale), as long as several
// builds. The process keeps nothing of this one's output streams (a pipe reading the
// build's output ends with it). Called with no other thread running (fork() copies
// only the caller's). If no process can be made, the files are deleted here.
void sweep_after(const fs::path& trash) {
    if (trash.empty()) return;
    std::cout.flush();
    std::cerr.flush();
    pid_t child = ::fork();
    if (child < 0) return sweep(trash);
    if (child == 0) {
        ::setsid();  // a closed terminal does not stop it halfway
        int null = ::open("/dev/null", O_RDWR);
        if (null >= 0)
            for (int fd : {0, 1, 2}) ::dup2(null, fd);
        // The grandchild is init's to reap: nobody waits for it.
        if (::fork() == 0) {
            std::error_code ec;
            fs::remove_all(trash, ec);
        }
        ::_exit(0);
    }
    ::waitpid(child, nullptr, 0);
}

// After a failed build: what it wrote into `out` goes, and the previous build comes back
// from `trash`. Never throws (it runs while an error is being reported); what cannot be
// put back is said, with where it is.
void put_back(const fs::path& out, const fs::path& trash) {
    std::error_code ec;
    if (fs::is_directory(out, ec))
        for (auto& e : fs::directory_iterator(out, ec)) fs::remove_all(e.path(), ec);
    if (trash.empty()) return;
    bool all_back = true;
    fs::create_directories(out, ec);
    for (auto& e : fs::directory_iterator(trash, ec)) {
        std::error_code moved;
        fs::rename(e.path(), out / e.path().filename(), moved);
        if (moved) all_back = false;
    }
    if (all_back && !ec) fs::remove(trash, ec);
    if (!all_back || ec)
        std::cerr << "pietura build: could not put the previous build back in place; it is in " << trash.string() << "\n";
    else
        std::cerr << "pietura build: the previous build in " << out.string() << " is left as it was\n";
}

// The editors' studio in the browser: its page, the Emscripten build, and the quality
// report it lists (the snapshot it reads is the portal's own ../catalogue.sqlite).
bool with_studio(const fs::path& studio_dir) {
    return fs::exists(studio_dir / "index.html") && fs::exists(studio_dir / "pietura-studio.wasm");
}
std::string studio_report(const content::Content& c) { return quality::check(c, c.bus_stops).to_json().dump() + "\n"; }
void publish_studio(const fs::path& studio_dir, const std::string& report, const fs::path& out) {
    fs::create_directories(out);
    for (auto& e : fs::directory_iterator(studio_dir))
        if (e.is_regular_file()) fs::copy_file(e.path(), out / e.path().filename(), fs::copy_options::overwrite_existing);
    write_file(out / "report.json", report);
}

// The server's published summary: {"service": {"id": {"count": 7, "average": 4.3}}, ...}.
rating::Summary read_ratings(const fs::path& file) {
    auto j = nlohmann::json::parse(text::read_file_or_throw(file), nullptr, false);
    if (!j.is_object()) throw std::runtime_error(file.string() + ": not a JSON object of rating figures");
    rating::Summary out;
    for (auto& [about, targets] : j.items()) {
        if (!targets.is_object()) throw std::runtime_error(file.string() + ": \"" + about + "\" is not an object");
        for (auto& [target, v] : targets.items()) {
            if (!v.is_object() || !v.contains("count") || !v["count"].is_number_integer())
                throw std::runtime_error(file.string() + ": " + about + "/" + target + " has no whole-number count");
            rating::Average a{v["count"].get<int>(), v.contains("average") && v["average"].is_number() ? v["average"].get<double>() : 0};
            // Issue 15: the national monitoring's 10-point scale (rating::kScale).
            if (a.published() && (!v["average"].is_number() || a.average < 1 || a.average > rating::kScale))
                throw std::runtime_error(file.string() + ": " + about + "/" + target + " needs an average from 1 to " +
                                         std::to_string(rating::kScale));
            out[about][target] = a;
        }
    }
    return out;
}

}  // namespace

int cmd_build(int argc, char** argv) {
    Args args(argc, argv, {"content", "i18n", "web", "wasm", "studio", "out", "content-version", "base-url", "ratings"},
              {"check", "quiet", "help", "timings"});
    if (!args.ok()) return usage_error("build", args.error());
    if (args.flag("help")) {
        std::cout << kBuildHelp;
        return 0;
    }
    if (!args.positional().empty()) return usage_error("build", "unexpected argument '" + args.positional()[0] + "'");

    fs::path content_dir = args.get_or("content", "content");
    fs::path i18n_dir = args.get_or("i18n", "i18n");
    fs::path web_dir = args.get_or("web", "web");
    fs::path wasm_dir = args.get_or("wasm", "build-wasm/wasm");
    fs::path studio_dir = args.get_or("studio", "build-wasm/studio");
    fs::path out = args.get_or("out", "dist");
    std::string base_url = args.get_or("base-url", "http://localhost:8080");
    while (!base_url.empty() && base_url.back() == '/') base_url.pop_back();
    if ((base_url.rfind("https://", 0) != 0 && base_url.rfind("http://", 0) != 0) ||
        base_url.find_first_of(" \"<>?#") != std::string::npos || base_url.size() < 10)
        return usage_error("build", "--base-url must be an http:// or https:// address without a query, e.g. https://pietura.example.lv");
    Progress progress(args.flag("quiet"));
    Timeline timeline(args.flag("timings"));

    // Issue 13: the compressed copies of the browser core and the studio (brotli at its
    // best for what a first visit waits for: seconds of the build's work) need nothing of
    // the content, so a thread makes them while the content is checked, when the second
    // core has nothing else to do; precompress() writes them if the files published are
    // still these bytes, and makes any it lacks itself (so a failure here only costs
    // time). A build stopped by content errors waits for it before it returns.
    std::vector<std::pair<std::string, std::string>> wasm_files;  // path in the output, bytes
    std::vector<Copies> wasm_copies;
    std::jthread wasm_compressor;
    if (!args.flag("check"))
        wasm_compressor = std::jthread([&] {
            auto t = timeline.span("compress the browser core", "wasm");
            try {
                std::vector<std::pair<std::string, fs::path>> sources;
                if (fs::exists(wasm_dir / "pietura.js") && fs::exists(wasm_dir / "pietura.wasm"))
                    for (const char* f : {"pietura.wasm", "pietura-search.wasm", "pietura-pages.wasm", "pietura.js",
                                          "pietura-search.js", "pietura-pages.js"})
                        sources.emplace_back(std::string("assets/") + f, wasm_dir / f);
                if (with_studio(studio_dir))
                    for (auto& e : fs::directory_iterator(studio_dir))  // as publish_studio() copies them
                        if (e.is_regular_file()) sources.emplace_back("studio/" + e.path().filename().string(), e.path());
                for (auto& [path, file] : sources)
                    if (precompressible(file) && fs::exists(file))
                        wasm_files.emplace_back(path, text::read_file_or_throw(file));
                fs::path cache = copies_cache_dir();
                for (auto& [path, data] : wasm_files) wasm_copies.push_back(cached_copies(path, data, cache));
            } catch (...) {
                wasm_files.clear();
                wasm_copies.clear();
            }
        });

    progress.step("Checking content");
    std::vector<content::Diagnostic> diags;
    auto t_load = std::make_optional(timeline.span("load and check the content", "main"));
    content::Content c = content::Content::load(content_dir, diags);
    t_load.reset();
    size_t n_err = 0, n_warn = 0;
    for (auto& d : diags) {
        std::cerr << d.format() << "\n";
        (d.severity == content::Diagnostic::Severity::error ? n_err : n_warn)++;
    }
    if (n_err) {
        std::cerr << "pietura build: " << n_err << " error(s), " << n_warn << " warning(s); nothing was written\n";
        return 1;
    }
    progress.done(std::to_string(c.services.size()) + " services, " + std::to_string(c.life_situations.size()) +
                  " life situations, " + std::to_string(c.contact_points.size()) + " contact points");
    if (args.flag("check")) {
        std::cout << "content is valid (" << n_warn << " warning(s))\n";
        return 0;
    }

    // Where the previous build waits (set_aside_output()) while this one is made: written
    // by the side thread before it moves anything, read here only once it has been joined.
    fs::path previous;
    bool set_aside_started = false;
    try {
        auto t_digest = std::make_optional(timeline.span("content digest, UI strings", "main"));
        std::string version = args.get_or("content-version", content_digest(content_dir).substr(0, 12));
        bool with_wasm = fs::exists(wasm_dir / "pietura.js") && fs::exists(wasm_dir / "pietura.wasm");
        if (!with_wasm)
            std::cerr << "warning: browser core not found in " << wasm_dir.string()
                      << " (build the wasm preset); pages will work without search-as-you-type\n";

        progress.step("Loading UI strings");
        site::Strings strings = site::Strings::load(i18n_dir);
        progress.done();
        t_digest.reset();

        site::Options opts;
        opts.content_version = version;
        if (auto file = args.get("ratings")) opts.ratings = read_ratings(*file);
        opts.with_wasm = with_wasm;
        opts.base_url = base_url;
        // One "today" for the pages and the page pack, so that a page the service worker
        // renders from the pack is the page written here even if the build spans midnight.
        opts.today = site::components::build_today();

        // Issue 13: the snapshot and its search shards need the content only, so a second
        // thread builds them while this one renders the pages (both take seconds at
        // national scale, and the machine has two cores). It first sets the previous
        // build aside (set_aside_output(): deleted once this one is complete, put back if
        // it fails); the pages are written once that is done. Its compressed copies of
        // the snapshot and the shards are made there as well and written with all the
        // others (the wasm core's too) after the manifest. Before those (issue 13: rendering
        // takes longer than the snapshot, and this thread's core was idle until the pages
        // were done) it makes the page pack, which the pages' compression starts with, and
        // the studio's quality report.
        check_output(out);  // a wrong --out fails before seconds of rendering
        std::promise<void> cleaned;
        std::future<void> output_ready = cleaned.get_future();
        std::promise<std::string> packed;
        std::future<std::string> pack_ready = packed.get_future();
        const bool studio = with_studio(studio_dir);
        std::string report;  // the studio's quality report, when there is a studio
        std::vector<std::pair<std::string, std::string>> side_files;  // relative path, bytes
        // Issue 13: their copies (brotli 11 for up to 2 MB: the critical path of a small
        // build) are made by this thread and by the main one once it waits for this one.
        CopyMaker side_copies;
        std::promise<void> side_listed;
        std::future<void> side_ready = side_listed.get_future();
        std::exception_ptr side_failure;
        std::jthread side([&] {
            bool was_cleaned = false, was_packed = false, was_listed = false;
            try {
                auto t_aside = std::make_optional(timeline.span("set the previous build aside", "side"));
                check_output(out);  // never empty, on failure, a folder that is not a build
                set_aside_started = true;
                set_aside_output(out, previous);
                fs::create_directories(out);
                was_cleaned = true;
                cleaned.set_value();
                t_aside.reset();
                auto t_snap = std::make_optional(timeline.span("snapshot", "side"));
                snapshot::write(c, out / "catalogue.sqlite", snapshot::BuildInfo{version, opts.ratings});
                t_snap.emplace(timeline.span("search shards", "side"));
                // Issue 13: the browser answers its first searches from its language's shard
                // (a few hundred KB at national scale) instead of waiting for the whole snapshot.
                for (Lang lang : {Lang::lv, Lang::en})
                    snapshot::write_search_shard(c, out / ("search-" + std::string(code(lang)) + ".sqlite"), lang,
                                                 snapshot::BuildInfo{version, opts.ratings});
                t_snap.emplace(timeline.span("page pack, quality report", "side"));
                // Issue 13: the page pack, from which the offline copy renders the pages
                // marked "on_visit" in the manifest instead of storing them all.
                packed.set_value(site::pack(c, strings, opts));
                was_packed = true;
                if (studio) report = studio_report(c);
                t_snap.emplace(timeline.span("compress snapshot and shards", "side"));
                for (const char* f : {"catalogue.sqlite", "search-lv.sqlite", "search-en.sqlite"})
                    side_files.emplace_back(f, text::read_file_or_throw(out / f));
                for (auto& [path, data] : side_files) side_copies.add(path, data);
                side_listed.set_value();
                was_listed = true;
                side_copies.work();
            } catch (...) {
                side_failure = std::current_exception();
                if (!was_cleaned) cleaned.set_exception(side_failure);
                if (!was_packed) packed.set_exception(side_failure);
                if (!was_listed) side_listed.set_exception(side_failure);
            }
        });

        progress.step("Rendering pages");
        auto t_main = std::make_optional(timeline.span("render pages", "main"));
        std::vector<site::Page> pages = site::render(c, strings, opts);
        progress.done(std::to_string(pages.size()) + " pages");
        t_main.emplace(timeline.span("wait for the page pack", "main"));
        const std::string pack_path = "site-pack.jsonl";
        std::string site_pack = pack_ready.get();
        std::set<std::string> on_visit;
        for (auto& p : pages)
            if (site::on_visit(p.path)) on_visit.insert(p.path);

        // The pages' copies are made from memory by a spare thread while they are written.
        CopyMaker page_copies;
        for (auto& p : pages)
            if (precompressible(p.path)) page_copies.add(p.path, p.html);
        page_copies.add(pack_path, site_pack);
        std::jthread compressor([&] {
            auto t = timeline.span("compress pages", "spare");
            page_copies.work();
        });

        progress.step("Writing " + out.string());
        t_main.emplace(timeline.span("wait for the previous build aside", "main"));
        output_ready.get();
        t_main.emplace(timeline.span("write pages", "main"));
        for (auto& p : pages) write_file(out / p.path, p.html);
        write_file(out / pack_path, site_pack);
        t_main.emplace(timeline.span("web/, components, wasm", "main"));
        for (auto& f : files_under(web_dir)) {
            fs::path dest = out / fs::relative(f, web_dir);
            fs::create_directories(dest.parent_path());
            fs::copy_file(f, dest, fs::copy_options::overwrite_existing);
        }
        {
            // Each page component keeps its styles and browser behaviour in its own folder
            // (core/site/components/<name>/, next to web/ in the source tree). The browser
            // gets them where it always did, in the order of the folder names: styles
            // appended to /assets/pietura.css, scripts to /assets/app.js (the one script
            // every page loads; they run in its module scope).
            fs::path components = web_dir.parent_path() / "core" / "site" / "components";
            if (!fs::is_directory(components))
                throw std::runtime_error("page components not found in " + components.string() +
                                         " (their styles and scripts belong in assets/pietura.css and assets/app.js)");
            std::vector<fs::path> folders;
            for (auto& e : fs::directory_iterator(components))
                if (e.is_directory()) folders.push_back(e.path());
            std::sort(folders.begin(), folders.end());
            for (const char* ext : {".css", ".js"}) {
                fs::path target = out / "assets" / (ext == std::string(".css") ? "pietura.css" : "app.js");
                std::string joined = text::read_file_or_throw(target);
                for (auto& dir : folders) {
                    fs::path part = dir / (dir.filename().string() + ext);
                    if (!fs::exists(part)) continue;
                    std::string text = text::read_file_or_throw(part);
                    if (!joined.empty() && joined.back() != '\n') joined += '\n';
                    joined += "\n" + text;
                }
                if (ext == std::string(".css")) {
                    // Where the site is published, for the addresses a printed page shows in
                    // full (--base-url has no quote; a backslash is escaped all the same).
                    std::string quoted;
                    for (char ch : base_url) quoted += ch == '\\' ? std::string("\\\\") : std::string(1, ch);
                    joined += "\n:root { --site-url: \"" + quoted + "\"; }\n";
                }
                write_file(target, joined);
            }
        }
        if (with_wasm)
            for (const char* f : {"pietura.js", "pietura.wasm"})
                fs::copy_file(wasm_dir / f, out / "assets" / f, fs::copy_options::overwrite_existing);
        // Issue 13: the search-first module, when built (core.js falls back to the whole one).
        if (with_wasm && fs::exists(wasm_dir / "pietura-search.js") && fs::exists(wasm_dir / "pietura-search.wasm"))
            for (const char* f : {"pietura-search.js", "pietura-search.wasm"})
                fs::copy_file(wasm_dir / f, out / "assets" / f, fs::copy_options::overwrite_existing);
        // Issue 13: the offline copy's page renderer (the service worker renders a page never
        // visited from site-pack.jsonl with it; without it the start page stands in).
        if (with_wasm && fs::exists(wasm_dir / "pietura-pages.js") && fs::exists(wasm_dir / "pietura-pages.wasm"))
            for (const char* f : {"pietura-pages.js", "pietura-pages.wasm"})
                fs::copy_file(wasm_dir / f, out / "assets" / f, fs::copy_options::overwrite_existing);
        progress.done();

        progress.step("Building the snapshot");
        t_main.emplace(timeline.span("wait for the snapshot thread", "main"));
        try {
            side_ready.get();
        } catch (...) {
            side.join();  // side_failure, rethrown below
        }
        t_main.emplace(timeline.span("compress snapshot and shards (joining in)", "main"));
        side_copies.work();
        t_main.emplace(timeline.span("wait for the snapshot thread", "main"));
        if (side.joinable()) side.join();
        if (side_failure) std::rethrow_exception(side_failure);
        progress.done();

        if (studio) {
            progress.step("Publishing the studio");
            t_main.emplace(timeline.span("studio", "main"));
            publish_studio(studio_dir, report, out / "studio");
            progress.done();
        }

        // The manifest lists every file with its digest; browsers use the snapshot's
        // digest as its identity (offline cache, update check).
        t_main.emplace(timeline.span("manifest (read, digest, write)", "main"));
        nlohmann::ordered_json manifest;
        manifest["generator"] = std::string("pietura ") + PIETURA_VERSION;
        manifest["content_version"] = version;
        std::string snap = text::read_file_or_throw(out / "catalogue.sqlite");
        manifest["snapshot"] = {{"path", "catalogue.sqlite"},
                                {"sha256", digest::sha256_hex(snap)},
                                {"bytes", snap.size()},
                                {"format", snapshot::kFormatVersion}};
        for (Lang lang : {Lang::lv, Lang::en}) {
            std::string path = "search-" + std::string(code(lang)) + ".sqlite";
            std::string shard = text::read_file_or_throw(out / path);
            manifest["search_shards"][std::string(code(lang))] = {
                {"path", path}, {"sha256", digest::sha256_hex(shard)}, {"bytes", shard.size()}};
        }
        manifest["pages_pack"] = {{"path", pack_path}, {"sha256", digest::sha256_hex(site_pack)}, {"bytes", site_pack.size()}};
        manifest["with_wasm"] = with_wasm;
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        // Issue 13: the pages are digested from memory, where they still are, instead of
        // reading 200 MB back at national scale; a path something else wrote over after
        // them (web/, the components, the studio) is read from the file.
        std::unordered_map<std::string_view, std::string_view> written;
        for (auto& p : pages) written.emplace(p.path, p.html);
        for (auto& f : files_under(web_dir)) written.erase(fs::relative(f, web_dir).generic_string());
        // A page as it is on disk, from memory; end() for a path written over since (the
        // components' styles and scripts under assets/, the studio) or not a page.
        auto page_in_memory = [&](const std::string& path) {
            return path.rfind("assets/", 0) == 0 || path.rfind("studio/", 0) == 0 ? written.end() : written.find(path);
        };
        std::string all;
        for (auto& f : files_under(out)) {
            std::string path = f.lexically_relative(out).generic_string();
            auto page = page_in_memory(path);
            std::string read = page == written.end() ? text::read_file_or_throw(f) : std::string();
            std::string_view data = page == written.end() ? std::string_view(read) : page->second;
            std::string sha = digest::sha256_hex(data);
            all += path + " " + sha + "\n";
            // The service worker precaches none of these: it renders them from the pack,
            // and keeps a visited one only when it is byte for byte what the pack renders.
            // So they carry no digest: every page holds the content version, so after any
            // change every digest changes, and at national scale 8,000 of them (250 KB of
            // random hex brotli cannot shrink) were most of an update (issue 13).
            if (on_visit.count(path)) files.push_back({{"path", path}, {"on_visit", true}});
            else files.push_back({{"path", path}, {"sha256", sha}, {"bytes", data.size()}});
        }
        // One identity for the whole site, over every file's digest, the pages' too: the
        // service worker switches to a new one only when every file of it has arrived
        // and matched its digest.
        manifest["site_version"] = digest::sha256_hex(all).substr(0, 16);
        manifest["files"] = files;
        // Issue 13: deltas from the build this one replaces, outside "files" (deltas.hpp).
        add_deltas(out, previous, manifest);
        write_file(out / "manifest.json", manifest.dump(2) + "\n");
        t_main.emplace(timeline.span("compress pages (joining in)", "main"));
        page_copies.work();
        t_main.emplace(timeline.span("wait for the spare thread", "main"));
        compressor.join();
        t_main.emplace(timeline.span("wait for the wasm thread", "main"));
        ReadyCopies ready = page_copies.take();
        // The pages and the pack hold on disk what was written from memory.
        for (auto& [path, made] : ready) made.written = path == pack_path || page_in_memory(path) != written.end();
        ready.merge(side_copies.take());
        if (wasm_compressor.joinable()) wasm_compressor.join();
        for (size_t k = 0; k < wasm_files.size(); ++k)
            ready.emplace(wasm_files[k].first, MadeCopies{wasm_files[k].second, std::move(wasm_copies[k])});
        t_main.emplace(timeline.span("write copies (2 threads)", "main"));
        precompress(out, progress, ready);
        t_main.reset();
        std::cout << "built " << out.string() << ": " << pages.size() << " pages, snapshot " << snap.size()
                  << " bytes, content version " << version << "\n";
    } catch (const std::exception& e) {
        // The try block's threads have been joined on the way here: nothing writes any more.
        std::cerr << "pietura build: " << e.what() << "\n";
        if (set_aside_started) put_back(out, previous);
        return 1;
    }
    // Only now is the new build complete, manifest and compressed copies included.
    {
        auto t = timeline.span("hand the previous build to a process", "main");
        sweep_after(previous);
    }
    timeline.print();
    return 0;
}

}  // namespace pietura::cli
