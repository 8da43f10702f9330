// The page pack (site.hpp, issue 13): pack() writes the content, the UI strings and the
// build options as one file; Pages reads it back and renders one page for an address,
// calling the same page functions render() calls with the same arguments — which is
// all that makes its pages byte for byte render()'s, so nothing here builds markup.
// The site's own lines are "strings" ({"lang":"lv","strings":{key: text}}) and
// "options" ({"with_wasm","base_url","today","ratings"}); content::read_pack() checks the
// frame of the file (header, line count, JSON) and hands them over unread.
#include <algorithm>
#include <climits>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "site/components/week_view/week_view.hpp"
#include "site/page.hpp"

namespace pietura::site {

namespace {

using nlohmann::json;

const char* const kStrings = "strings";
const char* const kOptions = "options";

[[noreturn]] void fail(int line, const std::string& message) {
    throw std::runtime_error("page pack line " + std::to_string(line) + ": " + message);
}

json strings_record(const Strings& s, Lang lang) {
    json m = json::object();
    for (auto& key : s.keys(lang)) m[key] = s.get(lang, key);
    return json{{"lang", code(lang)}, {"strings", m}};
}

json options_record(const Options& o) {
    json ratings = json::object();
    for (auto& [about, targets] : o.ratings)
        for (auto& [target, a] : targets) ratings[about][target] = {{"count", a.count}, {"average", a.average}};
    hours::Date today = o.today ? *o.today : components::build_today();
    return json{{"with_wasm", o.with_wasm}, {"base_url", o.base_url}, {"today", today.iso()}, {"ratings", ratings}};
}

std::map<std::string, std::string> read_strings(const json& r, int line, Lang& lang) {
    if (!r.is_object() || !r.contains("lang") || !r["lang"].is_string() || !parse_lang(r["lang"].get<std::string>()))
        fail(line, "strings: no \"lang\" of lv or en");
    lang = *parse_lang(r["lang"].get<std::string>());
    if (!r.contains("strings") || !r["strings"].is_object()) fail(line, "strings: no \"strings\" object");
    std::map<std::string, std::string> out;
    for (auto& [key, text] : r["strings"].items()) {
        if (!text.is_string()) fail(line, "strings: \"" + key + "\" is not a string");
        out.emplace(key, text.get<std::string>());
    }
    return out;
}

Options read_options(const json& r, int line) {
    Options o;
    if (!r.is_object()) fail(line, "options: not an object");
    try {
        o.with_wasm = r.at("with_wasm").get<bool>();
        o.base_url = r.at("base_url").get<std::string>();
        auto today = hours::Date::parse(r.at("today").get<std::string>());
        if (!today) fail(line, "options: \"today\" is not a date YYYY-MM-DD");
        o.today = *today;
        for (auto& [about, targets] : r.at("ratings").items())
            for (auto& [target, a] : targets.items()) {
                const json& count = a.at("count");
                if (!count.is_number_integer() || count.get<std::int64_t>() < 0 || count.get<std::int64_t>() > INT32_MAX)
                    fail(line, "options: the rating count of " + about + "/" + target + " is not a whole number");
                o.ratings[about][target] = rating::Average{static_cast<int>(count.get<std::int64_t>()), a.at("average").get<double>()};
            }
    } catch (const json::exception& e) {
        std::string m = e.what();
        if (auto end = m.find("] "); end != std::string::npos) m.erase(0, end + 2);
        fail(line, "options: " + m);
    }
    return o;
}

// "rest" of `url` after `prefix` when it is one path segment ending in "/": the id.
std::optional<std::string_view> id_after(std::string_view url, const std::string& prefix) {
    if (url.size() <= prefix.size() + 1 || url.substr(0, prefix.size()) != prefix) return std::nullopt;
    std::string_view id = url.substr(prefix.size(), url.size() - prefix.size() - 1);
    if (id.find('/') != std::string_view::npos) return std::nullopt;
    return id;
}

}  // namespace

struct Pages::State {
    std::string version;
    content::Content c;
    Strings s;
    Options o;
    // render() counts these over every contact point for all service pages at once; one
    // page must not have to.
    std::map<std::string, int> cp_count;
    internal::SortKeys keys;  // addresses into `c`, which stays where it is (State is on the heap)

    std::optional<Page> find(const std::string& url);
};

std::string pack(const content::Content& c, const Strings& s, const Options& o) {
    std::vector<content::PackRecord> extra;
    for (Lang lang : {Lang::lv, Lang::en}) extra.push_back({kStrings, strings_record(s, lang).dump()});
    extra.push_back({kOptions, options_record(o).dump()});
    return content::to_pack(c, o.content_version, extra);
}

bool on_visit(std::string_view path) {
    if (path == path_for("/")) return false;
    for (Lang lang : {Lang::lv, Lang::en})
        if (path == path_for(url_for(lang, Kind::home))) return false;
    return path.size() > 5 && path.substr(path.size() - 5) == ".html";
}

Pages Pages::from_pack(std::string_view text) {
    content::Pack p = content::read_pack(text, {kStrings, kOptions});
    auto st = std::make_unique<State>();
    st->version = std::move(p.content_version);
    st->c = std::move(p.content);
    std::optional<std::map<std::string, std::string>> by_lang[2];
    bool have_options = false;
    for (auto& e : p.extra) {
        json r = json::parse(e.json);  // read_pack() parsed it already
        if (e.kind == kStrings) {
            Lang lang = Lang::lv;
            auto m = read_strings(r, e.line, lang);
            auto& slot = by_lang[lang == Lang::lv ? 0 : 1];
            if (slot) fail(e.line, "strings: a second set for " + std::string(code(lang)));
            slot = std::move(m);
        } else {
            if (have_options) fail(e.line, "options: a second options line");
            st->o = read_options(r, e.line);
            have_options = true;
        }
    }
    if (!by_lang[0] || !by_lang[1]) throw std::runtime_error("page pack: the UI strings of a language are missing");
    if (!have_options) throw std::runtime_error("page pack: the build options are missing");
    // A page would show a hole (or refuse to render) for a key one language lacks.
    for (int k = 0; k < 2; ++k)
        for (auto& [key, text] : *by_lang[k])
            if (!by_lang[1 - k]->count(key))
                throw std::runtime_error("page pack: the UI string \"" + key + "\" is in " + (k ? "en" : "lv") + " only");
    st->s = Strings::from_maps(std::move(*by_lang[0]), std::move(*by_lang[1]));
    st->o.content_version = st->version;
    // A contact point's kind names its UI strings; an unknown one must fail here, not on a page.
    auto lv_keys = st->s.keys(Lang::lv);
    auto known = [&](const std::string& key) { return std::binary_search(lv_keys.begin(), lv_keys.end(), key); };
    for (auto& cp : st->c.contact_points)
        for (const char* prefix : {"cp.kind.", "cp.kind_short."})
            if (!known(prefix + cp.kind))
                throw std::runtime_error("page pack: contact point \"" + cp.id + "\" is of the unknown kind \"" + cp.kind + "\"");
    st->cp_count = st->c.contact_point_counts();
    return Pages(std::move(st));
}

std::optional<Page> Pages::State::find(const std::string& url) {
    if (url == "/") return internal::root(s, o);
    for (Lang lang : {Lang::lv, Lang::en}) {
        internal::Ctx x{c, s, o, lang, &keys};
        using K = Kind;
        if (url == url_for(lang, K::home)) return internal::home(x);
        if (url == url_for(lang, K::search)) return internal::search_page(x);
        if (url == url_for(lang, K::situations)) return internal::situations_list(x);
        if (url == url_for(lang, K::services)) return internal::services_list(x);
        if (url == url_for(lang, K::contact_points)) return internal::contact_points_list(x);
        if (url == url_for(lang, K::audiences)) return internal::audiences_list(x);
        if (url == url_for(lang, K::accessibility)) return internal::accessibility_page(x);
        if (url == url_for(lang, K::settings)) return internal::settings_page(x);
        if (url == url_for(lang, K::consultation) || url == booking_url(lang, "offline")) {
            // Step 1 and the offline step: four small pages, made together as render() makes them.
            for (auto& p : booking_pages(c, s, o))
                if (p.path == path_for(url)) return std::move(p);
            return std::nullopt;
        }
        if (auto id = id_after(url, url_for(lang, K::situation))) {
            if (auto* ls = c.life_situation(std::string(*id))) return internal::situation(x, *ls);
        } else if (auto id = id_after(url, url_for(lang, K::service))) {
            if (auto* sv = c.service(std::string(*id))) {
                auto n = cp_count.find(sv->id);
                return internal::service(x, *sv, n == cp_count.end() ? 0 : n->second);
            }
        } else if (auto id = id_after(url, url_for(lang, K::contact_point))) {
            if (auto* cp = c.contact_point(std::string(*id))) return internal::contact_point(x, *cp);
        } else if (auto id = id_after(url, url_for(lang, K::institution))) {
            if (auto* i = c.institution(std::string(*id))) return internal::institution_page(x, *i);
        } else if (auto id = id_after(url, url_for(lang, K::az_letter))) {
            return internal::az_letter_page(x, *id);
        } else if (auto id = id_after(url, url_for(lang, K::territory))) {
            if (auto* t = c.territory(std::string(*id))) return internal::territory_page(x, *t);
        } else if (auto id = id_after(url, url_for(lang, K::audience))) {
            if (auto* a = c.audience(std::string(*id))) return internal::audience(x, *a);
        }
    }
    return std::nullopt;
}

std::optional<Page> Pages::render(std::string_view url) const {
    if (url.empty() || url.front() != '/' || url.find_first_of("?#") != std::string_view::npos) return std::nullopt;
    std::string u(url);
    constexpr std::string_view index = "/index.html";
    if (u.size() >= index.size() && u.compare(u.size() - index.size(), index.size(), index) == 0)
        u.resize(u.size() - index.size() + 1);
    if (u.back() != '/') u += '/';
    if (u.find("//") != std::string::npos) return std::nullopt;
    auto page = state_->find(u);
    // Never a page under an address other than its own (an id with odd characters).
    if (page && page->path != path_for(u)) return std::nullopt;
    return page;
}

const std::string& Pages::content_version() const { return state_->version; }
const content::Content& Pages::content() const { return state_->c; }

Pages::Pages(std::unique_ptr<State> state) : state_(std::move(state)) {}
Pages::Pages(Pages&&) noexcept = default;
Pages& Pages::operator=(Pages&&) noexcept = default;
Pages::~Pages() = default;

}  // namespace pietura::site
