// The search page without JavaScript (issue 15): /lv/meklet/?q=… and /en/search/?q=…
// answered with results the core renders (site/components/search_results/), the same
// markup the browser shows. Without a query the static A–Z page is sent as it is;
// a query the server cannot use (too long, not UTF-8, a bad page number) gets the
// search page with a sentence saying why, and 400 — never a 500 or a silent guess.
#include <fstream>
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

}  // namespace

void mount_search_pages(http::Server& svr, const std::shared_ptr<Api>& api) {
    for (Lang lang : {Lang::lv, Lang::en}) {
        svr.Get(site::url_for(lang, site::Kind::search), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            const std::string raw = req.get_param_value("q");
            if (!a.strings || trimmed(raw).empty()) {
                if (send_static(a, req, res, lang)) return;
                throw Problem{404, "no search page in this build", {}};
            }
            const site::Strings& s = *a.strings;
            site::Options o = site_for(a, req);
            auto refuse = [&](const std::string& message) { send_html(res, 400, site::components::search_error_page(s, o, lang, message)); };
            if (!text::valid_utf8(raw)) return refuse(s.get(lang, "search.error.encoding"));
            if (text::utf8_length(raw) > kMaxQueryChars)
                return refuse(s.format(lang, "search.error.long", {{"max", std::to_string(kMaxQueryChars)}}));
            int page = 1;
            if (req.has_param("lapa")) {
                const std::string p = req.get_param_value("lapa");
                bool digits = !p.empty() && p.size() <= 3 && p.find_first_not_of("0123456789") == std::string::npos;
                if (!digits || std::stoi(p) < 1 || std::stoi(p) > kMaxPage)
                    return refuse(s.format(lang, "search.error.page", {{"max", std::to_string(kMaxPage)}}));
                page = std::stoi(p);
            }
            // The query as the browser's search page sends it to the core (trimmed), so both
            // show the same hits: a word at the end still matches as a beginning.
            const std::string q = trimmed(raw);
            site::components::SearchResultsView v{q, a.cat.search(q, lang, search::kMaxHits), page};
            send_html(res, 200, site::components::search_results_page(s, o, lang, v));
        }));
    }
}

}  // namespace pietura::cli::api_detail
