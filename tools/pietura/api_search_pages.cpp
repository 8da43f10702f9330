// Search answered by the server, from the same core the browser runs.
//
// The search page without JavaScript (issue 15): /lv/meklet/?q=… and /en/search/?q=…
// answered with results the core renders (site/components/search_results/), the same
// markup the browser shows. Without a query the static A–Z page is sent as it is;
// a query the server cannot use (too long, not UTF-8, a bad page number) gets the
// search page with a sentence saying why, and 400 — never a 500 or a silent guess.
//
// The first answers of a visit (issue 13): until the browser's own core has arrived
// (a search-first module and a shard of some 700 KB at national scale on a slow
// phone), the page asks here — /api/search for the header box's hits, and
// /api/search/results for the search page's results markup, the very string
// SearchShard#resultsHtml gives — a few KB each. Same checks as the page, as JSON
// problems. Nothing here is stored, logged or cached (no-store: a query typed on a
// shared PC stays out of the HTTP cache).
#include <fstream>
#include <optional>
#include <sstream>

#include "api_detail.hpp"
#include "site/components/search_results/search_results.hpp"
#include "text/text.hpp"

namespace pietura::cli::api_detail {

namespace {

// Nobody types more into a search box; the core reads at most 256 bytes of it, and
// 120 letters, even all of them Latvian ones, stay within that.
constexpr std::size_t kMaxQueryChars = 120;
constexpr int kMaxPage = search::kMaxHits / site::components::kSearchPageSize;

// The page as `pietura build` wrote it, beside the snapshot in dist/: through serve's
// file handler when there is one (its brotli copy is 47 KB where the page, with the
// national A–Ž list, is 990 KB), else read as it is.
bool send_static(const Api& a, const http::Request& req, http::Response& res, Lang lang) {
    if (a.options.static_files) {
        a.options.static_files(req, res);
        return true;
    }
    std::ifstream in(a.options.snapshot.parent_path() / site::path_for(site::url_for(lang, site::Kind::search)),
                     std::ios::binary);
    if (!in) return false;
    std::ostringstream body;
    body << in.rdbuf();
    send_html(res, 200, body.str());
    return true;
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A whole number from lo to hi as a query parameter gives it (`lapa`, `limit`): at most
// three digits, so "0007" or a number too long for an int is refused rather than read.
std::optional<int> small_number(const std::string& value, int lo, int hi) {
    if (value.empty() || value.size() > 3 || value.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    int n = std::stoi(value);
    if (n < lo || n > hi) return std::nullopt;
    return n;
}

// What a search request asks, checked once for the page and the API: `error` is a
// sentence for people in `lang` ("" when the request can be answered).
struct Asked {
    std::string query;  // trimmed, as the browser's search page sends it to the core
    int page = 1;
    std::string error;
};

Asked read_search(const site::Strings& s, Lang lang, const http::Request& req, const char* page_param) {
    Asked a;
    const std::string raw = req.get_param_value("q");
    if (!text::valid_utf8(raw)) {
        a.error = s.get(lang, "search.error.encoding");
        return a;
    }
    if (text::utf8_length(raw) > kMaxQueryChars) {
        a.error = s.format(lang, "search.error.long", {{"max", std::to_string(kMaxQueryChars)}});
        return a;
    }
    if (req.has_param(page_param)) {
        auto page = small_number(req.get_param_value(page_param), 1, kMaxPage);
        if (!page) {
            a.error = s.format(lang, "search.error.page", {{"max", std::to_string(kMaxPage)}});
            return a;
        }
        a.page = *page;
    }
    // A word at the end still matches as a beginning, so both sides trim alike.
    a.query = trimmed(raw);
    return a;
}

// The API's language: `lang=lv|en`, required (the page knows its own).
Lang api_lang(const http::Request& req) {
    auto l = parse_lang(req.get_param_value("lang"));
    if (!l) throw Problem{400, "lang must be lv or en", {}};
    return *l;
}

const site::Strings& api_strings(const Api& a) {
    if (!a.strings) throw Problem{503, "this server has no interface strings (--i18n); search from the page's own core", {}};
    return *a.strings;
}

}  // namespace

void mount_search_pages(http::Server& svr, const std::shared_ptr<Api>& api) {
    for (Lang lang : {Lang::lv, Lang::en}) {
        svr.Get(site::url_for(lang, site::Kind::search), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings || trimmed(req.get_param_value("q")).empty()) {
                if (send_static(a, req, res, lang)) return;
                throw Problem{404, "no search page in this build", {}};
            }
            const site::Strings& s = *a.strings;
            site::Options o = site_for(a, req);
            Asked asked = read_search(s, lang, req, "lapa");
            if (!asked.error.empty()) return send_html(res, 400, site::components::search_error_page(s, o, lang, asked.error));
            site::components::SearchResultsView v{asked.query, a.cat.search(asked.query, lang, search::kMaxHits), asked.page};
            send_html(res, 200, site::components::search_results_page(s, o, lang, v));
        }));
    }

    // The header box: [{id, kind, title, titleHtml, url, summary, score, weak}], as
    // Catalogue#search gives them in the browser, and the count said in words.
    svr.Get("/api/search", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        Lang lang = api_lang(req);
        const site::Strings& s = api_strings(a);
        Asked asked = read_search(s, lang, req, "lapa");
        if (!asked.error.empty()) throw Problem{400, asked.error, {}};
        int limit = 10;
        if (req.has_param("limit")) {
            auto asked_limit = small_number(req.get_param_value("limit"), 1, search::kMaxHits);
            if (!asked_limit)
                throw Problem{400, "limit must be a number from 1 to " + std::to_string(search::kMaxHits), {}};
            limit = *asked_limit;
        }
        ordered_json hits = ordered_json::array();
        std::size_t n = 0;
        if (!asked.query.empty()) {
            for (const search::Hit& h : a.cat.search(asked.query, lang, limit)) {
                hits.push_back({{"id", h.id}, {"kind", h.kind}, {"title", h.title}, {"titleHtml", h.title_html},
                                {"url", h.url}, {"summary", h.summary}, {"score", h.score}, {"weak", h.weak}});
                ++n;
            }
        }
        ordered_json out{{"hits", hits}, {"count", site::components::results_count(s, lang, n)}};
        send_json(res, 200, out.dump());
    }));

    // The search page: the results markup for `q`, page `lapa`, in `lang`.
    svr.Get("/api/search/results", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        Lang lang = api_lang(req);
        const site::Strings& s = api_strings(a);
        Asked asked = read_search(s, lang, req, "lapa");
        if (!asked.error.empty()) throw Problem{400, asked.error, {}};
        if (asked.query.empty()) throw Problem{400, "q is empty: there is nothing to search for", {}};
        site::components::SearchResultsView v{asked.query, a.cat.search(asked.query, lang, search::kMaxHits), asked.page};
        send_html(res, 200, site::components::search_results(s, lang, v));
    }));
}

}  // namespace pietura::cli::api_detail
