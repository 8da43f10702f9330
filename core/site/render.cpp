// The page renderer. Pages are plain strings: the structure is simple and fixed,
// and every piece of content text passes through esc() or paragraphs() on its way
// in. Lists are ordered by title in the page's language (collate.hpp) with the id
// as a tie-break, so output never depends on file order or memory addresses.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_map>
#include <set>

#include <nlohmann/json.hpp>

#include "geo/geo.hpp"
#include "hours/hours.hpp"
#include "site/collate.hpp"
#include "site/html.hpp"
#include "site/site.hpp"
#include "site/structured.hpp"

namespace pietura::site {

namespace {

using content::Audience;
using content::ContactPoint;
using content::Content;
using content::Institution;
using content::LifeSituation;
using content::Service;
using content::Step;
using content::Territory;
using html::esc;

constexpr size_t kPopularOnHome = 8;
constexpr size_t kServicesPerInstitution = 25;  // on a contact point's page

struct Crumb {
    std::string label, url;
};

struct Ctx {
    const Content& c;
    const Strings& s;
    const Options& o;
    Lang lang;

    const std::string& t(const std::string& key) const { return s.get(lang, key); }
    std::string e(const std::string& key) const { return esc(t(key)); }
    std::string f(const std::string& key, const std::vector<std::pair<std::string, std::string>>& v) const {
        return esc(s.format(lang, key, v));
    }
    std::string url(Kind k, std::string_view id = {}) const { return url_for(lang, k, id); }
};

struct PageSpec {
    Kind kind = Kind::home;
    std::string id;
    std::string title;        // plain text: the <h1> and the start of <title>
    std::string description;  // plain text, may be empty
    std::vector<Crumb> crumbs;  // ancestors below Home; the page itself is added last
    std::string json_ld = {};   // schema.org data for the page, "" for none
};

std::string link(const std::string& url, const std::string& text_html, const std::string& attrs = "") {
    return "<a href=\"" + esc(url) + "\"" + attrs + ">" + text_html + "</a>";
}

// --- ordering ------------------------------------------------------------------------

// Sort keys of content titles, computed once per render: a contact point page sorts
// every service it accepts, and thousands of pages would otherwise recompute them.
// Keyed by the title's address, which is stable while render() holds the content.
struct SortKeys {
    std::unordered_map<const std::string*, std::vector<int>> by_lang[2];
    const std::vector<int>& get(Lang lang, const std::string& title) {
        auto& m = by_lang[lang == Lang::lv ? 0 : 1];
        auto it = m.find(&title);
        if (it == m.end()) it = m.emplace(&title, collate::sort_key(lang, title)).first;
        return it->second;
    }
};
SortKeys g_sort_keys;

template <class T, class TitleFn>
std::vector<const T*> by_title(const std::vector<const T*>& items, Lang lang, TitleFn title) {
    std::vector<std::pair<const std::vector<int>*, const T*>> keyed;
    keyed.reserve(items.size());
    for (const T* it : items) keyed.emplace_back(&g_sort_keys.get(lang, title(*it)), it);
    std::sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) {
        if (*a.first != *b.first) return *a.first < *b.first;
        return a.second->id < b.second->id;
    });
    std::vector<const T*> out;
    for (auto& k : keyed) out.push_back(k.second);
    return out;
}

template <class T>
std::vector<const T*> all(const std::vector<T>& v) {
    std::vector<const T*> out;
    for (auto& x : v) out.push_back(&x);
    return out;
}

template <class T>
std::vector<const T*> sorted(const std::vector<T>& v, Lang lang) {
    return by_title(all(v), lang, [lang](const T& x) -> const std::string& { return x.title[lang]; });
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// --- the frame every page shares ---------------------------------------------------------

std::string search_form(const Ctx& x) {
    // The texts the script needs travel with the form, so app.js never hard-codes a word.
    std::string h = "<form role=\"search\" action=\"" + esc(x.url(Kind::search)) +
                    "\" method=\"get\" class=\"search\" id=\"search\" data-lang=\"" + std::string(code(x.lang)) + "\"";
    // Count phrases by plural category (Intl.PluralRules: Latvian has zero/one/other),
    // plus "none" for the helpful message when nothing matched.
    for (const char* k : {"none", "zero", "one", "other"})
        h += std::string(" data-results-") + k + "=\"" + x.e(std::string("search.results.") + k) + "\"";
    h += " data-kind-service=\"" + x.e("kind.service") + "\"";
    h += " data-kind-situation=\"" + x.e("kind.situation") + "\"";
    h += " data-kind-contact-point=\"" + x.e("kind.contact_point") + "\"";
    h += ">\n<label for=\"q\">" + x.e("search.label") + "</label>\n";
    h += "<div class=\"search-row\"><input type=\"search\" name=\"q\" id=\"q\" autocomplete=\"off\" "
         "enterkeyhint=\"search\"><button type=\"submit\">" +
         x.e("search.button") + "</button></div>\n";
    h += "<p id=\"search-status\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n";
    h += "<ul id=\"search-results\" class=\"results\" hidden></ul>\n</form>\n";
    return h;
}

// "Finish and clear" as a plain form: the server answers it with Clear-Site-Data and
// forgets the confirmation view (issue 12). With JavaScript app.js clears first and
// keeps the PC's settings and the offline copy.
std::string finish_form(const Ctx& x, const std::string& id) {
    return "<form method=\"post\" action=\"/api/finish\" class=\"finish-form\"><input type=\"hidden\" name=\"lang\" value=\"" +
           std::string(code(x.lang)) + "\"><button type=\"submit\" id=\"" + id + "\">" + x.e("shared.finish") +
           "</button></form>";
}

// What app.js shows when it has something to say: a newer build is ready, or this PC
// is shared. Hidden until then, and absent from fully static builds. A page the server
// renders for a shared PC (Options::shared_pc) shows the shared bar without JavaScript.
std::string app_bars(const Ctx& x) {
    std::string h = "<div id=\"update-banner\" class=\"banner\" role=\"status\" hidden data-ready=\"" + x.e("update.ready") +
                    "\" data-failed=\"" + x.e("update.failed") + "\" data-stale=\"" + x.e("update.stale") +
                    "\"><div class=\"wrap\"><p class=\"banner-text\"></p><button type=\"button\" class=\"banner-reload\" hidden>" +
                    x.e("update.reload") + "</button></div></div>\n";
    h += std::string("<div id=\"shared-bar\" class=\"shared-bar\"") + (x.o.shared_pc ? "" : " hidden") + " data-cleared=\"" +
         x.e("shared.cleared") + "\" data-unsent=\"" + x.e("shared.unsent") + "\" data-home=\"" + esc(x.url(Kind::home)) +
         "\"><div class=\"wrap\"><p><strong>" + x.e("shared.label") + ".</strong> " + x.e("shared.text") + "</p>" +
         finish_form(x, "finish-clear") + "<p id=\"shared-status\" role=\"status\"></p></div></div>\n";
    h += "<dialog id=\"timeout-dialog\" class=\"timeout-dialog\" aria-labelledby=\"timeout-title\" "
         "aria-describedby=\"timeout-text\" data-text=\"" + x.e("shared.timeout.text") + "\">\n<h2 id=\"timeout-title\">" +
         x.e("shared.timeout.title") + "</h2>\n<p id=\"timeout-text\"></p>\n<p><button type=\"button\" id=\"timeout-more\">" +
         x.e("shared.timeout.more") + "</button> <button type=\"button\" id=\"timeout-finish\" class=\"button-secondary\">" +
         x.e("shared.timeout.finish") + "</button></p>\n</dialog>\n";
    return h;
}

std::string shell(const Ctx& x, const PageSpec& p, const std::string& main_html) {
    Lang alt_lang = other(x.lang);
    std::string self = x.url(p.kind, p.id);
    std::string alt = url_for(alt_lang, p.kind, p.id);
    std::string lang_code(code(x.lang));
    std::string alt_code(code(alt_lang));

    std::string h;
    h.reserve(main_html.size() + 4096);
    h += "<!doctype html>\n<html lang=\"" + lang_code + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + esc(p.title) + " – " + x.e("site.name") + "</title>\n";
    if (!p.description.empty()) h += "<meta name=\"description\" content=\"" + esc(p.description) + "\">\n";
    h += "<meta name=\"pietura-content-version\" content=\"" + esc(x.o.content_version) + "\">\n";
    for (Lang l : {Lang::lv, Lang::en})
        h += "<link rel=\"alternate\" hreflang=\"" + std::string(code(l)) + "\" href=\"" +
             esc(l == x.lang ? self : alt) + "\">\n";
    h += "<link rel=\"stylesheet\" href=\"/assets/pietura.css\">\n";
    h += "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n";
    h += "<noscript><link rel=\"stylesheet\" href=\"/assets/nojs.css\"></noscript>\n";
    h += "<link rel=\"manifest\" href=\"/app.webmanifest\">\n<meta name=\"theme-color\" content=\"#0b0c0c\">\n";
    if (x.o.with_wasm) h += "<script type=\"module\" src=\"/assets/app.js\"></script>\n";
    if (!p.json_ld.empty()) h += structured::script_element(p.json_ld);
    h += "</head>\n<body>\n";
    h += "<a class=\"skip-link\" href=\"#main\">" + x.e("skip") + "</a>\n";
    if (x.o.with_wasm) h += app_bars(x);

    h += "<header class=\"site-header\">\n<div class=\"wrap header-bar\">\n";
    h += "<a class=\"brand\" href=\"" + esc(x.url(Kind::home)) + "\"><span class=\"brand-name\">" + x.e("site.name") +
         "</span> <span class=\"brand-tag\">" + x.e("site.tagline") + "</span></a>\n";
    h += "<nav class=\"lang-switch\" aria-label=\"" + x.e("lang.label") + "\">" +
         link(alt, esc(x.s.get(alt_lang, "lang.name")), " lang=\"" + alt_code + "\" hreflang=\"" + alt_code + "\"") +
         "</nav>\n";
    h += "</div>\n<div class=\"wrap\">\n" + search_form(x) + "</div>\n</header>\n";

    h += "<nav class=\"breadcrumbs wrap\" aria-label=\"" + x.e("breadcrumbs.label") + "\">\n<ol>\n";
    if (p.kind != Kind::home) h += "<li>" + link(x.url(Kind::home), x.e("nav.home")) + "</li>\n";
    for (auto& c : p.crumbs) h += "<li>" + link(c.url, esc(c.label)) + "</li>\n";
    h += "<li aria-current=\"page\">" + esc(p.kind == Kind::home ? x.t("nav.home") : p.title) + "</li>\n</ol>\n</nav>\n";

    h += "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n<h1>" + esc(p.title) + "</h1>\n";
    h += main_html;
    h += "</main>\n";

    h += "<footer class=\"site-footer\">\n<div class=\"wrap\">\n<nav aria-label=\"" + x.e("footer.nav") + "\">\n<ul>\n";
    h += "<li>" + link(x.url(Kind::situations), x.e("situations.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::services), x.e("services.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::contact_points), x.e("cps.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::audiences), x.e("audiences.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::search), x.e("az.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::accessibility), x.e("footer.accessibility")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::settings), x.e("footer.settings")) + "</li>\n";
    h += "</ul>\n</nav>\n<p>" + x.e("footer.about") + "</p>\n";
    // Without JavaScript a static page cannot know this PC is shared, so every page
    // offers "Finish and clear" at its foot (pages with the shared bar already have it).
    if (!x.o.shared_pc) {
        std::string f = "<div class=\"finish-nojs\"><p>" + x.e("shared.nojs") + "</p>" + finish_form(x, "finish-clear-nojs") + "</div>\n";
        h += x.o.with_wasm ? "<noscript>" + f + "</noscript>\n" : f;
    }
    h += "<p class=\"content-version\">" + x.f("footer.content_version", {{"version", x.o.content_version}}) + "</p>\n";
    h += "</div>\n</footer>\n</body>\n</html>\n";
    return h;
}

// --- pieces shared by several pages ---------------------------------------------------

std::string inst_abbr(const Ctx& x, const std::string& inst_id) {
    const Institution* inst = x.c.institution(inst_id);
    if (!inst) return "";
    return "<abbr class=\"inst\" title=\"" + esc(inst->name[x.lang]) + "\">" + esc(inst->abbr[x.lang]) + "</abbr>";
}

std::string channels(const Ctx& x, const Service& s) {
    std::string h;
    if (html::is_web_url(s.channels.eservice))
        h += "<li class=\"channel channel-online\"><strong>" + x.e("channel.eservice.label") + "</strong> " +
             link(s.channels.eservice, x.e("channel.eservice.link"), " class=\"external\"") + "</li>\n";
    if (s.channels.contact_point)
        h += "<li class=\"channel channel-office\"><strong>" + x.e("channel.contact_point.label") + "</strong> " +
             x.e("channel.contact_point.text") + "</li>\n";
    if (s.channels.remote_consultation)
        h += "<li class=\"channel channel-remote\"><strong>" + x.e("channel.remote.label") + "</strong> " +
             x.e("channel.remote.text") + " " + link(booking_url(x.lang), x.e("book.link")) + "</li>\n";
    if (h.empty()) return "<p>" + x.e("channel.none") + "</p>\n";
    return "<ul class=\"channels\">\n" + h + "</ul>\n";
}

std::string documents(const Ctx& x, const Service& s) {
    const auto& docs = s.documents[x.lang];
    if (docs.empty()) return "<p>" + x.e("service.documents.none") + "</p>\n";
    std::string h = "<ul class=\"documents\">\n";
    for (auto& d : docs) h += "<li>" + esc(d) + "</li>\n";
    return h + "</ul>\n";
}

// A service as one step of a guide shows it: enough to act on a printed checklist.
std::string service_in_step(const Ctx& x, const Service& s) {
    std::string h = "<li class=\"step-service\">\n<h3>" + link(x.url(Kind::service, s.id), esc(s.title[x.lang]));
    std::string abbr = inst_abbr(x, s.institution);
    if (!abbr.empty()) h += " " + abbr;
    h += "</h3>\n<p>" + esc(s.summary[x.lang]) + "</p>\n";
    h += "<h4>" + x.e("service.how") + "</h4>\n" + channels(x, s);
    h += "<dl class=\"facts\">\n";
    h += "<div><dt>" + x.e("service.documents") + "</dt><dd>" + documents(x, s) + "</dd></div>\n";
    h += "<div><dt>" + x.e("service.fee") + "</dt><dd>" + esc(s.fee[x.lang]) + "</dd></div>\n";
    h += "<div><dt>" + x.e("service.time") + "</dt><dd>" + esc(s.time[x.lang]) + "</dd></div>\n";
    h += "</dl>\n</li>\n";
    return h;
}

std::string audience_links(const Ctx& x, const std::vector<std::string>& ids) {
    std::vector<const Audience*> list;
    for (auto& id : ids)
        if (auto* a = x.c.audience(id)) list.push_back(a);
    if (list.empty()) return "";
    list = by_title(list, x.lang, [&](const Audience& a) -> const std::string& { return a.title[x.lang]; });
    std::string h = "<p class=\"audiences\"><strong>" + x.e("audiences.for") + "</strong> ";
    for (size_t i = 0; i < list.size(); ++i) {
        if (i) h += ", ";
        h += link(x.url(Kind::audience, list[i]->id), esc(list[i]->title[x.lang]));
    }
    return h + "</p>\n";
}

std::string link_list(const std::vector<std::pair<std::string, std::string>>& url_and_text_html,
                      const std::string& cls = "links") {
    std::string h = "<ul class=\"" + cls + "\">\n";
    for (auto& [url, text] : url_and_text_html) h += "<li>" + link(url, text) + "</li>\n";
    return h + "</ul>\n";
}

std::string empty_note(const Ctx& x) { return "<p>" + x.e("list.empty") + "</p>\n"; }

// A list of things with a one-line summary each: the shape of most list pages.
struct Entry {
    std::string url, title, summary, meta_html;
};

std::string card_list(const std::vector<Entry>& entries, const std::string& cls = "cards") {
    std::string h = "<ul class=\"" + cls + "\">\n";
    for (auto& e : entries) {
        h += "<li>" + link(e.url, esc(e.title));
        if (!e.meta_html.empty()) h += " " + e.meta_html;
        if (!e.summary.empty()) h += "<p>" + esc(e.summary) + "</p>";
        h += "</li>\n";
    }
    return h + "</ul>\n";
}

Entry entry(const Ctx& x, const Service& s) {
    return {x.url(Kind::service, s.id), s.title[x.lang], s.summary[x.lang], inst_abbr(x, s.institution)};
}
Entry entry(const Ctx& x, const LifeSituation& ls) {
    return {x.url(Kind::situation, ls.id), ls.title[x.lang], ls.summary[x.lang], ""};
}

std::vector<const Service*> by_popularity(std::vector<const Service*> list) {
    std::stable_sort(list.begin(), list.end(), [](const Service* a, const Service* b) {
        if (a->popularity != b->popularity) return a->popularity > b->popularity;
        return a->id < b->id;
    });
    return list;
}

// --- pages --------------------------------------------------------------------------------

Page home(const Ctx& x) {
    std::string m = "<p class=\"lead\">" + x.e("home.intro") + "</p>\n";

    m += "<section class=\"home-situations\">\n<h2>" + x.e("home.situations") + "</h2>\n";
    std::vector<std::pair<std::string, std::string>> links;
    for (auto* ls : sorted(x.c.life_situations, x.lang))
        links.emplace_back(x.url(Kind::situation, ls->id), esc(ls->title[x.lang]));
    m += links.empty() ? empty_note(x) : link_list(links, "tiles");
    m += "</section>\n";

    if (!x.c.audiences.empty()) {
        m += "<section class=\"home-audiences\">\n<h2>" + x.e("home.audiences") + "</h2>\n";
        links.clear();
        for (auto* a : sorted(x.c.audiences, x.lang))
            links.emplace_back(x.url(Kind::audience, a->id), esc(a->title[x.lang]));
        m += link_list(links, "chips") + "</section>\n";
    }

    m += "<section class=\"home-popular\">\n<h2>" + x.e("home.popular") + "</h2>\n";
    auto popular = by_popularity(all(x.c.services));
    if (popular.size() > kPopularOnHome) popular.resize(kPopularOnHome);
    std::vector<Entry> entries;
    for (auto* s : popular) entries.push_back(entry(x, *s));
    m += entries.empty() ? empty_note(x) : card_list(entries);
    m += "<p>" + link(x.url(Kind::services), x.e("home.all_services")) + "</p>\n</section>\n";

    m += "<section class=\"home-help\">\n<h2>" + x.e("home.help") + "</h2>\n<p>" + x.e("home.help.text") + "</p>\n";
    m += "<ul class=\"links\">\n<li>" + link(x.url(Kind::contact_points), x.e("home.help.link")) + "</li>\n";
    if (!x.c.consultations.empty()) m += "<li>" + link(booking_url(x.lang), x.e("book.link")) + "</li>\n";
    m += "</ul>\n</section>\n";

    m += "<section class=\"home-az\">\n<h2>" + x.e("home.az") + "</h2>\n";
    m += "<p>" + link(x.url(Kind::search), x.e("home.az.link")) + "</p>\n</section>\n";

    PageSpec p{Kind::home, "", x.t("home.title"), x.t("home.intro"), {}};
    return {path_for(x.url(Kind::home)), shell(x, p, m)};
}

std::string when_text(const Ctx& x, const LifeSituation& ls, const Step& st) {
    std::string h;
    for (auto& cond : st.when) {
        if (!h.empty()) h += "; ";
        const std::string& qid = cond.first;
        auto q = std::find_if(ls.questions.begin(), ls.questions.end(), [&](auto& q) { return q.id == qid; });
        h += esc(q != ls.questions.end() ? q->text[x.lang] : qid);
        h += " — " + x.e(cond.second ? "answer.yes" : "answer.no");
    }
    return h;
}

// The machine-readable form of a step's condition, for instant filtering in JS.
std::string when_json(const Step& st) { return nlohmann::json(st.when).dump(); }

// Single-quoted so the JSON stays readable in the source; ' and & are escaped.
std::string attr_single(const std::string& v) {
    std::string out;
    for (char ch : v) {
        if (ch == '\'') out += "&#39;";
        else if (ch == '&') out += "&amp;";
        else if (ch == '<') out += "&lt;";
        else out += ch;
    }
    return out;
}

Page situation(const Ctx& x, const LifeSituation& ls) {
    std::string m = "<p class=\"lead\">" + esc(ls.summary[x.lang]) + "</p>\n";
    m += audience_links(x, ls.audiences);

    if (!ls.questions.empty()) {
        m += "<form method=\"get\" class=\"questions\" id=\"questions\" data-steps-status=\"" +
             x.e("situation.steps.status") + "\">\n";
        m += "<h2>" + x.e("situation.questions") + "</h2>\n<p class=\"hint\">" + x.e("situation.questions.hint") +
             "</p>\n";
        for (auto& q : ls.questions) {
            m += "<fieldset class=\"question\" data-question=\"" + esc(q.id) + "\">\n<legend>" + esc(q.text[x.lang]) +
                 "</legend>\n<div class=\"radios\">\n";
            for (bool yes : {true, false}) {
                m += "<label class=\"radio\"><input type=\"radio\" name=\"" + esc(q.id) + "\" value=\"" +
                     (yes ? "yes" : "no") + "\"> " + x.e(yes ? "answer.yes" : "answer.no") + "</label>\n";
            }
            m += "</div>\n</fieldset>\n";
        }
        m += "<p id=\"steps-status\" class=\"steps-status\" aria-live=\"polite\"></p>\n";
        m += "<button type=\"reset\" class=\"button-secondary\">" + x.e("situation.questions.reset") +
             "</button>\n</form>\n";
    }

    m += "<ol class=\"steps\">\n";
    int n = 0;
    for (auto& st : ls.steps) {
        ++n;
        std::string num = std::to_string(n);
        m += "<li class=\"step\" id=\"step-" + num + "\"";
        if (!st.when.empty()) m += " data-when='" + attr_single(when_json(st)) + "'";
        m += ">\n<h2 class=\"step-title\"><span class=\"step-num\" aria-hidden=\"true\">" + num +
             "</span><span class=\"visually-hidden\">" + x.f("step.label", {{"n", num}}) + " </span>" +
             esc(st.title[x.lang]) + "</h2>\n";
        if (!st.when.empty())
            m += "<p class=\"step-when\"><strong>" + x.e("step.only_if") + "</strong> " + when_text(x, ls, st) +
                 "</p>\n";
        m += html::paragraphs(st.text[x.lang]);
        std::string services;
        for (auto& sid : st.services)
            if (auto* s = x.c.service(sid)) services += service_in_step(x, *s);
        if (!services.empty()) {
            m += "<ul class=\"step-services\">\n" + services + "</ul>\n";
            m += "<p class=\"step-help\">" + link(x.url(Kind::contact_points), x.e("step.help")) + "</p>\n";
        }
        m += "</li>\n";
    }
    m += "</ol>\n";
    // The browser's own Print works without script; the button is for people who
    // would not find it in the menu, so app.js shows it only when it can act.
    m += "<p class=\"print-row\"><button type=\"button\" id=\"print-checklist\" class=\"button-secondary\" hidden>" +
         x.e("situation.print") + "</button></p>\n";

    std::vector<Entry> related;
    for (auto& rid : ls.related)
        if (auto* r = x.c.life_situation(rid)) related.push_back(entry(x, *r));
    if (!related.empty()) m += "<section class=\"related\">\n<h2>" + x.e("situation.related") + "</h2>\n" +
                               card_list(related) + "</section>\n";

    PageSpec p{Kind::situation, ls.id, ls.title[x.lang], ls.summary[x.lang],
               {{x.t("situations.title"), x.url(Kind::situations)}}};
    return {path_for(x.url(Kind::situation, ls.id)), shell(x, p, m)};
}

Page service(const Ctx& x, const Service& s, int n_contact_points) {
    const Institution* inst = x.c.institution(s.institution);
    std::string m = "<p class=\"lead\">" + esc(s.summary[x.lang]) + "</p>\n";
    m += audience_links(x, s.audiences);
    m += html::paragraphs(s.body[x.lang]);
    m += "<h2>" + x.e("service.how") + "</h2>\n" + channels(x, s);
    m += "<h2>" + x.e("service.documents") + "</h2>\n" + documents(x, s);
    m += "<h2>" + x.e("service.fee") + "</h2>\n<p>" + esc(s.fee[x.lang]) + "</p>\n";
    m += "<h2>" + x.e("service.time") + "</h2>\n<p>" + esc(s.time[x.lang]) + "</p>\n";
    if (inst) {
        m += "<h2>" + x.e("service.institution") + "</h2>\n<p>" + esc(inst->name[x.lang]) + " (" +
             esc(inst->abbr[x.lang]) + ")</p>\n";
        if (html::is_web_url(inst->website))
            m += "<p>" + link(inst->website, x.e("service.website"), " class=\"external\"") + "</p>\n";
        m += "<p>" + link(x.url(Kind::services) + "#i-" + inst->id, x.f("service.more_from", {{"abbr", inst->abbr[x.lang]}})) +
             "</p>\n";
    }

    std::vector<const LifeSituation*> in;
    for (auto& ls : x.c.life_situations)
        for (auto& st : ls.steps)
            if (contains(st.services, s.id)) {
                in.push_back(&ls);
                break;
            }
    if (!in.empty()) {
        std::vector<Entry> entries;
        for (auto* ls : by_title(in, x.lang, [&](const LifeSituation& l) -> const std::string& { return l.title[x.lang]; }))
            entries.push_back(entry(x, *ls));
        m += "<h2>" + x.e("service.situations") + "</h2>\n" + card_list(entries);
    }

    m += "<h2>" + x.e("service.where") + "</h2>\n";
    if (n_contact_points > 0) m += "<p>" + x.f("service.where.count", {{"n", std::to_string(n_contact_points)}}) + "</p>\n";
    m += "<p>" + link(x.url(Kind::contact_points), x.e("service.where.link")) + "</p>\n";

    m += rating_block(x.s, x.o, x.lang, "service", s.id, x.url(Kind::service, s.id));
    PageSpec p{Kind::service, s.id, s.title[x.lang], s.summary[x.lang], {{x.t("services.title"), x.url(Kind::services)}},
               structured::government_service(x.c, s, x.lang, x.o.base_url)};
    return {path_for(x.url(Kind::service, s.id)), shell(x, p, m)};
}

std::string territory_name(const Ctx& x, const std::string& id) {
    const Territory* t = x.c.territory(id);
    return t ? t->name[x.lang] : id;
}

// The days ahead, filled by app.js from the core (a week from today and the
// holidays coming up); without JavaScript, every holiday and shortened day of the
// years content covers, with this office's hours on it, computed at build time.
std::string week_view(const Ctx& x, const ContactPoint& cp) {
    auto schedule = hours::Schedule::parse(cp.hours);
    if (!schedule) return "";
    std::string h = "<section id=\"week\" class=\"week\" data-id=\"" + esc(cp.id) + "\" data-date=\"" + x.e("cp.week.date") +
                    "\" data-day=\"" + x.e("cp.week.day") + "\" data-hours=\"" + x.e("cp.week.hours") +
                    "\" data-note=\"" + x.e("cp.week.note") + "\" data-ahead=\"" + x.e("cp.holidays.ahead") +
                    "\" data-none=\"" + x.e("cp.holidays.none") + "\" hidden>\n<h3>" + x.e("cp.week.heading") +
                    "</h3>\n<div class=\"week-table\"></div>\n<h3>" + x.e("cp.holidays.ahead") +
                    "</h3>\n<div class=\"holidays-ahead\"></div>\n</section>\n";
    hours::Calendar cal = x.c.calendar();
    std::vector<int> years;
    for (auto& y : x.c.holidays) years.push_back(y.year);
    std::sort(years.begin(), years.end());
    if (years.empty()) return h;
    h += "<details class=\"holiday-years\">\n<summary>" +
         x.f("cp.holidays.years", {{"from", std::to_string(years.front())}, {"to", std::to_string(years.back())}}) +
         "</summary>\n";
    for (int year : years) {
        std::vector<hours::Date> special;
        for (auto& hol : cal.holidays(year)) special.push_back(hol.date);
        for (auto& t : cal.transfers(year)) special.push_back(t.date);
        for (auto& d : cal.shortened_days(year)) special.push_back(d);
        std::sort(special.begin(), special.end());
        special.erase(std::unique(special.begin(), special.end()), special.end());
        h += "<table class=\"days\">\n<caption>" + std::to_string(year) + "</caption>\n<thead><tr><th scope=\"col\">" +
             x.e("cp.week.date") + "</th><th scope=\"col\">" + x.e("cp.week.hours") + "</th><th scope=\"col\">" +
             x.e("cp.week.note") + "</th></tr></thead>\n<tbody>\n";
        for (auto& date : special) {
            hours::Day d = schedule->day(date, cal);
            std::string note = d.holiday ? d.holiday->name(x.lang) : d.transfer ? d.transfer->name(x.lang) : "";
            if (d.shortened_applied) note += (note.empty() ? "" : "; ") + x.t("cp.holidays.shortened");
            if (note.empty()) continue;  // a shortened day this office does not shorten
            h += "<tr><td>" + esc(date.iso()) + " " + esc(std::string(hours::weekday_abbr(date.weekday(), x.lang))) +
                 "</td><td>" + esc(hours::describe_day(d, x.lang)) + "</td><td>" + esc(note) + "</td></tr>\n";
        }
        h += "</tbody>\n</table>\n";
    }
    return h + "</details>\n";
}

Page contact_point(const Ctx& x, const ContactPoint& cp) {
    std::string m = "<p class=\"lead\">" + x.e("cp.kind." + cp.kind) + "</p>\n";

    m += "<h2>" + x.e("cp.contact") + "</h2>\n<dl class=\"facts\">\n";
    m += "<div><dt>" + x.e("cp.address") + "</dt><dd>" + esc(cp.address[x.lang]) + "</dd></div>\n";
    if (!cp.phone.empty()) {
        std::string tel;
        for (char ch : cp.phone)
            if (ch == '+' || (ch >= '0' && ch <= '9')) tel += ch;
        m += "<div><dt>" + x.e("cp.phone") + "</dt><dd>" + link("tel:" + tel, esc(cp.phone)) + "</dd></div>\n";
    }
    if (!cp.email.empty())
        m += "<div><dt>" + x.e("cp.email") + "</dt><dd>" + link("mailto:" + cp.email, esc(cp.email)) + "</dd></div>\n";
    m += "<div><dt>" + x.e("cp.territory") + "</dt><dd>" +
         link(x.url(Kind::territory, cp.territory), esc(territory_name(x, cp.territory))) + "</dd></div>\n";
    if (!cp.bus_stop_id.empty())
        m += "<div><dt>" + x.e("cp.bus_stop") + "</dt><dd>" + esc(cp.bus_stop_name) + ", " +
             esc(geo::describe_distance(cp.bus_stop_m, x.lang)) + "</dd></div>\n";
    m += "</dl>\n";

    // The hours module (JS + wasm) fills #open-status; its words come from here.
    m += "<h2>" + x.e("cp.hours") + "</h2>\n";
    m += "<p id=\"open-status\" class=\"open-status\" aria-live=\"polite\" data-id=\"" + esc(cp.id) + "\" data-hours=\"" + esc(cp.hours) +
         "\" data-open-now=\"" + x.e("hours.open_now") + "\" data-closed-now=\"" + x.e("hours.closed_now") +
         "\" data-closes-at=\"" + x.e("hours.closes_at") + "\" data-opens-at=\"" + x.e("hours.opens_at") + "\"></p>\n";
    // The weekly pattern in words is known at build time, so it works without JavaScript.
    if (auto schedule = hours::Schedule::parse(cp.hours)) m += "<p class=\"hours-text\">" + esc(schedule->describe(x.lang)) + "</p>\n";
    m += "<p class=\"hours\"><code>" + esc(cp.hours) + "</code></p>\n";
    m += week_view(x, cp);

    m += "<h2>" + x.e("cp.access") + "</h2>\n<p>" + x.e(cp.step_free ? "cp.step_free.yes" : "cp.step_free.no") +
         "</p>\n";
    if (!cp.accessibility_notes[x.lang].empty()) m += html::paragraphs(cp.accessibility_notes[x.lang]);

    std::string lat = html::fixed(cp.lat, 5), lon = html::fixed(cp.lon, 5);
    m += "<h2>" + x.e("cp.map") + "</h2>\n<ul class=\"links\">\n";
    m += "<li>" + link("geo:" + lat + "," + lon, x.e("cp.map.app")) + "</li>\n";
    m += "<li>" + link("https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=16/" + lat + "/" + lon,
                       x.e("cp.map.osm"), " class=\"external\"") +
         "</li>\n</ul>\n";

    // Services grouped by institution, as staff and citizens think of them.
    std::map<std::string, std::vector<const Service*>> by_inst;
    for (auto* s : x.c.services_at(cp)) by_inst[s->institution].push_back(s);
    m += "<h2>" + x.e("cp.services") + "</h2>\n";
    if (by_inst.empty()) m += empty_note(x);
    std::vector<const Institution*> insts;
    for (auto& [id, list] : by_inst)
        if (auto* i = x.c.institution(id)) insts.push_back(i);
    insts = by_title(insts, x.lang, [&](const Institution& i) -> const std::string& { return i.name[x.lang]; });
    for (auto* inst : insts) {
        m += "<h3>" + esc(inst->name[x.lang]) + " (" + esc(inst->abbr[x.lang]) + ")</h3>\n";
        // The most requested first when there are many: a page of thousands of links
        // helps nobody, and the institution's full list is one link away.
        auto& list = by_inst[inst->id];
        std::vector<const Service*> shown = list;
        if (shown.size() > kServicesPerInstitution) {
            shown = by_popularity(shown);
            shown.resize(kServicesPerInstitution);
        }
        std::vector<std::pair<std::string, std::string>> links;
        for (auto* s : by_title(shown, x.lang, [&](const Service& sv) -> const std::string& { return sv.title[x.lang]; }))
            links.emplace_back(x.url(Kind::service, s->id), esc(s->title[x.lang]));
        m += link_list(links);
        if (shown.size() < list.size())
            m += "<p>" + link(x.url(Kind::services) + "#i-" + inst->id,
                              x.f("cp.services.all", {{"n", std::to_string(list.size())}, {"abbr", inst->abbr[x.lang]}})) +
                 "</p>\n";
    }

    m += "<h2>" + x.e("cp.remote") + "</h2>\n";
    std::vector<const Institution*> remote;
    for (auto& id : cp.remote_consultation)
        if (auto* i = x.c.institution(id)) remote.push_back(i);
    if (remote.empty()) m += "<p>" + x.e("cp.remote.none") + "</p>\n";
    else {
        m += "<p>" + x.e("cp.remote.text") + " " + link(booking_url(x.lang), x.e("book.link")) + "</p>\n<ul>\n";
        for (auto* i : by_title(remote, x.lang, [&](const Institution& in) -> const std::string& { return in.name[x.lang]; }))
            m += "<li>" + esc(i->name[x.lang]) + " (" + esc(i->abbr[x.lang]) + ")</li>\n";
        m += "</ul>\n";
    }

    m += rating_block(x.s, x.o, x.lang, "contact-point", cp.id, x.url(Kind::contact_point, cp.id));
    PageSpec p{Kind::contact_point, cp.id, cp.name[x.lang], cp.address[x.lang],
               {{x.t("cps.title"), x.url(Kind::contact_points)}}, structured::government_office(x.c, cp, x.lang, x.o.base_url)};
    return {path_for(x.url(Kind::contact_point, cp.id)), shell(x, p, m)};
}

Page audience(const Ctx& x, const Audience& a) {
    std::string m = "<p class=\"lead\">" + esc(a.summary[x.lang]) + "</p>\n";
    std::vector<Entry> entries;
    for (auto* ls : sorted(x.c.life_situations, x.lang))
        if (contains(ls->audiences, a.id)) entries.push_back(entry(x, *ls));
    m += "<h2>" + x.e("audience.situations") + "</h2>\n" + (entries.empty() ? empty_note(x) : card_list(entries));
    entries.clear();
    for (auto* s : by_popularity(all(x.c.services)))
        if (contains(s->audiences, a.id)) entries.push_back(entry(x, *s));
    m += "<h2>" + x.e("audience.services") + "</h2>\n" + (entries.empty() ? empty_note(x) : card_list(entries));
    PageSpec p{Kind::audience, a.id, a.title[x.lang], a.summary[x.lang], {{x.t("audiences.title"), x.url(Kind::audiences)}}};
    return {path_for(x.url(Kind::audience, a.id)), shell(x, p, m)};
}

Page audiences_list(const Ctx& x) {
    std::vector<Entry> entries;
    for (auto* a : sorted(x.c.audiences, x.lang))
        entries.push_back({x.url(Kind::audience, a->id), a->title[x.lang], a->summary[x.lang], ""});
    std::string m = "<p class=\"lead\">" + x.e("audiences.intro") + "</p>\n" +
                    (entries.empty() ? empty_note(x) : card_list(entries));
    PageSpec p{Kind::audiences, "", x.t("audiences.title"), x.t("audiences.intro"), {}};
    return {path_for(x.url(Kind::audiences)), shell(x, p, m)};
}

Page situations_list(const Ctx& x) {
    std::vector<Entry> entries;
    for (auto* ls : sorted(x.c.life_situations, x.lang)) entries.push_back(entry(x, *ls));
    std::string m = "<p class=\"lead\">" + x.e("situations.intro") + "</p>\n" +
                    (entries.empty() ? empty_note(x) : card_list(entries));
    PageSpec p{Kind::situations, "", x.t("situations.title"), x.t("situations.intro"), {}};
    return {path_for(x.url(Kind::situations)), shell(x, p, m)};
}

// A list page in groups (services by institution, contact points by territory),
// with jump links because a phone user should not scroll past 40 groups.
struct Group {
    std::string anchor, heading;
    std::vector<Entry> entries;
};

std::string grouped(const Ctx& x, const std::vector<Group>& groups, const std::string& nav_label_key) {
    if (groups.empty()) return empty_note(x);
    std::string h = "<nav class=\"jump\" aria-label=\"" + x.e(nav_label_key) + "\">\n<ul>\n";
    for (auto& g : groups) h += "<li>" + link("#" + g.anchor, esc(g.heading)) + "</li>\n";
    h += "</ul>\n</nav>\n";
    for (auto& g : groups)
        h += "<section class=\"group\">\n<h2 id=\"" + esc(g.anchor) + "\">" + esc(g.heading) + "</h2>\n" +
             card_list(g.entries) + "</section>\n";
    return h;
}

Page services_list(const Ctx& x) {
    std::vector<Group> groups;
    auto insts = by_title(all(x.c.institutions), x.lang,
                          [&](const Institution& i) -> const std::string& { return i.name[x.lang]; });
    auto services = sorted(x.c.services, x.lang);
    for (auto* inst : insts) {
        Group g{"i-" + inst->id, inst->name[x.lang] + " (" + inst->abbr[x.lang] + ")", {}};
        for (auto* s : services)
            if (s->institution == inst->id) g.entries.push_back(entry(x, *s));
        if (!g.entries.empty()) groups.push_back(std::move(g));
    }
    std::string m = "<p class=\"lead\">" + x.e("services.intro") + "</p>\n" + grouped(x, groups, "services.jump");
    PageSpec p{Kind::services, "", x.t("services.title"), x.t("services.intro"), {}};
    return {path_for(x.url(Kind::services)), shell(x, p, m)};
}

// One contact point in a "nearest" list: what a citizen decides by, in one glance.
std::string nearby_item(const Ctx& x, const ContactPoint& cp, double distance_m) {
    std::string h = "<li class=\"nearby\">\n<h3>" + link(x.url(Kind::contact_point, cp.id), esc(cp.name[x.lang])) +
                    "</h3>\n";
    if (distance_m >= 0) h += "<p class=\"distance\">" + esc(geo::describe_distance(distance_m, x.lang)) + "</p>\n";
    h += "<p class=\"open-status\" data-open-status=\"" + esc(cp.id) + "\"></p>\n<dl class=\"facts\">\n";
    if (auto schedule = hours::Schedule::parse(cp.hours))
        h += "<div><dt>" + x.e("cp.hours") + "</dt><dd>" + esc(schedule->describe(x.lang)) + "</dd></div>\n";
    h += "<div><dt>" + x.e("cp.address") + "</dt><dd>" + esc(cp.address[x.lang]) + "</dd></div>\n";
    if (!cp.phone.empty()) h += "<div><dt>" + x.e("cp.phone") + "</dt><dd>" + esc(cp.phone) + "</dd></div>\n";
    h += "<div><dt>" + x.e("cp.access") + "</dt><dd>" + x.e(cp.step_free ? "cp.step_free.yes" : "cp.step_free.no") +
         "</dd></div>\n";
    if (!cp.remote_consultation.empty()) {
        std::string abbrs;
        for (auto& id : cp.remote_consultation)
            if (auto* i = x.c.institution(id)) abbrs += (abbrs.empty() ? "" : ", ") + i->abbr[x.lang];
        h += "<div><dt>" + x.e("cp.remote") + "</dt><dd>" + esc(abbrs) + "</dd></div>\n";
    }
    if (!cp.bus_stop_id.empty())
        h += "<div><dt>" + x.e("cp.bus_stop") + "</dt><dd>" + esc(cp.bus_stop_name) + ", " +
             esc(geo::describe_distance(cp.bus_stop_m, x.lang)) + "</dd></div>\n";
    return h + "</dl>\n</li>\n";
}

constexpr size_t kAlsoNear = 3;

// "Choose your municipality → list", worked out at build time so it needs no
// JavaScript: the contact points in the municipality, the nearest one from each of
// its settlements, and the closest ones across the border.
Page territory_page(const Ctx& x, const Territory& t) {
    std::string name = t.name[x.lang];
    auto by_distance = [&](geo::Point from) {
        std::vector<std::pair<double, const ContactPoint*>> near;
        for (auto& cp : x.c.contact_points) near.emplace_back(geo::distance_m(from, {cp.lat, cp.lon}), &cp);
        std::sort(near.begin(), near.end(), [](auto& a, auto& b) {
            return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
        });
        return near;
    };
    std::string m = "<p class=\"lead\">" + x.f("near.intro", {{"territory", name}}) + "</p>\n";
    std::vector<const ContactPoint*> inside;
    for (auto& cp : x.c.contact_points)
        if (cp.territory == t.id) inside.push_back(&cp);
    m += "<h2>" + x.f("near.inside", {{"territory", name}}) + "</h2>\n";
    if (inside.empty()) m += "<p>" + x.e("near.inside.none") + "</p>\n";
    else {
        m += "<ul class=\"nearby-list plain\">\n";
        for (auto* cp : by_title(inside, x.lang, [&](const ContactPoint& c) -> const std::string& { return c.name[x.lang]; }))
            m += nearby_item(x, *cp, -1);
        m += "</ul>\n";
    }
    std::vector<const content::Place*> places;
    for (auto& p : x.c.places)
        if (p.territory == t.id) places.push_back(&p);
    if (!places.empty() && !x.c.contact_points.empty()) {
        m += "<h2>" + x.e("near.from_places") + "</h2>\n<table class=\"days\">\n<thead><tr><th scope=\"col\">" +
             x.e("near.place") + "</th><th scope=\"col\">" + x.e("near.nearest") + "</th><th scope=\"col\">" +
             x.e("near.distance") + "</th></tr></thead>\n<tbody>\n";
        for (auto* p : by_title(places, x.lang, [](const content::Place& pl) -> const std::string& { return pl.name; })) {
            auto near = by_distance({p->lat, p->lon});
            m += "<tr><td>" + esc(p->name) + "</td><td>" +
                 link(x.url(Kind::contact_point, near[0].second->id), esc(near[0].second->name[x.lang])) + "</td><td>" +
                 esc(geo::describe_distance(near[0].first, x.lang)) + "</td></tr>\n";
        }
        m += "</tbody>\n</table>\n";
    }
    if (auto centre = x.c.centre(t.id)) {
        std::string also;
        size_t n = 0;
        for (auto& [d, cp] : by_distance(*centre)) {
            if (cp->territory == t.id) continue;
            if (n++ == kAlsoNear) break;
            also += nearby_item(x, *cp, d);
        }
        if (!also.empty())
            m += "<h2>" + x.e("near.also") + "</h2>\n<p>" + x.e("near.also.text") + "</p>\n<ol class=\"nearby-list\">\n" +
                 also + "</ol>\n";
    }
    PageSpec p{Kind::territory, t.id, x.s.format(x.lang, "near.title", {{"territory", name}}),
               x.s.format(x.lang, "near.intro", {{"territory", name}}), {{x.t("cps.title"), x.url(Kind::contact_points)}}};
    return {path_for(x.url(Kind::territory, t.id)), shell(x, p, m)};
}

// The nearest-contact-point finder. It needs the wasm core, so without JavaScript
// nojs.css hides it and the municipality list below does the job; with JavaScript it
// is there from the first paint, so the page does not jump when the core arrives.
std::string finder(const Ctx& x) {
    std::string h = "<section id=\"finder\" class=\"finder needs-js\" aria-labelledby=\"finder-heading\"";
    for (const char* k : {"located", "locating", "geo-failed", "unknown-place", "none", "found", "choose"})
        h += std::string(" data-") + k + "=\"" + x.e(std::string("cps.find.msg.") + k) + "\"";
    h += ">\n<h2 id=\"finder-heading\">" + x.e("cps.find.heading") + "</h2>\n";
    h += "<form id=\"finder-form\" class=\"finder-form\" novalidate>\n";
    h += "<div class=\"field\"><label for=\"place\">" + x.e("cps.find.place") + "</label>\n<p class=\"hint\" id=\"place-hint\">" +
         x.e("cps.find.place.hint") +
         "</p>\n<input type=\"text\" id=\"place\" name=\"place\" autocomplete=\"off\" list=\"place-options\" "
         "aria-describedby=\"place-hint\">\n<datalist id=\"place-options\"></datalist></div>\n";
    h += "<p><button type=\"button\" id=\"locate\" class=\"button-secondary\">" + x.e("cps.find.locate") + "</button></p>\n";
    h += "<fieldset class=\"filters\">\n<legend>" + x.e("cps.find.filters") + "</legend>\n";
    h += "<div class=\"field\"><label for=\"f-service\">" + x.e("cps.find.service") +
         "</label>\n<select id=\"f-service\" name=\"service\">\n<option value=\"\">" + x.e("cps.find.any") + "</option>\n";
    std::vector<const Service*> at_points;
    for (auto* sv : sorted(x.c.services, x.lang))
        if (sv->channels.contact_point) at_points.push_back(sv);
    for (auto* sv : at_points)
        h += "<option value=\"" + esc(sv->id) + "\">" + esc(sv->title[x.lang]) + "</option>\n";
    h += "</select></div>\n";
    h += "<div class=\"field\"><label for=\"f-remote\">" + x.e("cps.find.remote") +
         "</label>\n<select id=\"f-remote\" name=\"remote\">\n<option value=\"\">" + x.e("cps.find.any") + "</option>\n";
    std::set<std::string> remote_ids;
    for (auto& cp : x.c.contact_points) remote_ids.insert(cp.remote_consultation.begin(), cp.remote_consultation.end());
    for (auto* inst : by_title(all(x.c.institutions), x.lang,
                               [&](const Institution& i) -> const std::string& { return i.name[x.lang]; }))
        if (remote_ids.count(inst->id))
            h += "<option value=\"" + esc(inst->id) + "\">" + esc(inst->name[x.lang]) + " (" + esc(inst->abbr[x.lang]) +
                 ")</option>\n";
    h += "</select></div>\n";
    for (auto [name, key] : {std::pair{"openNow", "cps.find.open_now"}, {"saturday", "cps.find.saturday"},
                             {"after17", "cps.find.after17"}, {"stepFree", "cps.find.step_free"}})
        h += "<div class=\"check\"><input type=\"checkbox\" id=\"f-" + std::string(name) + "\" name=\"" + name +
             "\"><label for=\"f-" + name + "\">" + x.e(key) + "</label></div>\n";
    h += "</fieldset>\n<p><button type=\"submit\">" + x.e("cps.find.submit") + "</button></p>\n</form>\n";
    h += "<p id=\"finder-status\" class=\"finder-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    h += "<ol id=\"finder-results\" class=\"nearby-list\"></ol>\n";
    // The shape of one result, with its labels; app.js fills a copy per answer.
    h += "<template id=\"nearby-template\"><li class=\"nearby\"><h3><a class=\"nb-name\" href=\"\"></a></h3>"
         "<p class=\"distance nb-distance\"></p><p class=\"open-status nb-status\"></p><dl class=\"facts\">"
         "<div><dt>" + x.e("cp.address") + "</dt><dd class=\"nb-address\"></dd></div>"
         "<div class=\"nb-phone-row\"><dt>" + x.e("cp.phone") + "</dt><dd><a class=\"nb-phone\" href=\"\"></a></dd></div>"
         "<div class=\"nb-email-row\"><dt>" + x.e("cp.email") + "</dt><dd><a class=\"nb-email\" href=\"\"></a></dd></div>"
         "<div><dt>" + x.e("cp.access") + "</dt><dd class=\"nb-access\" data-yes=\"" + x.e("cp.step_free.yes") +
         "\" data-no=\"" + x.e("cp.step_free.no") + "\"></dd></div>"
         "<div class=\"nb-remote-row\"><dt>" + x.e("cp.remote") + "</dt><dd class=\"nb-remote\"></dd></div>"
         "<div class=\"nb-services-row\"><dt>" + x.e("cp.services") + "</dt><dd class=\"nb-services\" data-text=\"" +
         x.e("cps.find.services_n") + "\"></dd></div>"
         "<div class=\"nb-bus-row\"><dt>" + x.e("cp.bus_stop") + "</dt><dd class=\"nb-bus\"></dd></div>"
         "</dl><p><a class=\"nb-map\" href=\"\">" + x.e("cp.map.app") + "</a></p></li></template>\n";
    return h + "</section>\n";
}

Page contact_points_list(const Ctx& x) {
    std::vector<Group> groups;
    std::map<std::string, std::vector<const ContactPoint*>> by_territory;
    for (auto& cp : x.c.contact_points) by_territory[cp.territory].push_back(&cp);
    std::vector<std::pair<std::vector<int>, std::string>> order;
    for (auto& [tid, list] : by_territory) order.emplace_back(collate::sort_key(x.lang, territory_name(x, tid)), tid);
    std::sort(order.begin(), order.end());
    for (auto& [key, tid] : order) {
        Group g{"t-" + tid, territory_name(x, tid), {}};
        auto list = by_title(by_territory[tid], x.lang,
                             [&](const ContactPoint& cp) -> const std::string& { return cp.name[x.lang]; });
        for (auto* cp : list)
            g.entries.push_back({x.url(Kind::contact_point, cp->id), cp->name[x.lang], cp->address[x.lang],
                                 "<span class=\"tag\">" + x.e("cp.kind_short." + cp->kind) + "</span>"});
        groups.push_back(std::move(g));
    }
    std::string m = "<p class=\"lead\">" + x.e("cps.intro") + "</p>\n" + finder(x);
    m += "<section class=\"territories\" aria-labelledby=\"territories-heading\">\n<h2 id=\"territories-heading\">" +
         x.e("cps.by_territory") + "</h2>\n<ul class=\"columns\">\n";
    for (auto* t : by_title(all(x.c.territories), x.lang,
                            [&](const Territory& tt) -> const std::string& { return tt.name[x.lang]; }))
        m += "<li>" + link(x.url(Kind::territory, t->id), esc(t->name[x.lang])) + "</li>\n";
    m += "</ul>\n</section>\n<h2>" + x.e("cps.all") + "</h2>\n" + grouped(x, groups, "cps.jump");
    PageSpec p{Kind::contact_points, "", x.t("cps.title"), x.t("cps.intro"), {}};
    return {path_for(x.url(Kind::contact_points)), shell(x, p, m)};
}

// Without JavaScript the search page is the whole catalogue from A to Z: every
// life situation, service and contact point, so the browser's own find works.
Page search_page(const Ctx& x) {
    struct Item {
        std::vector<int> key;
        std::string id;  // kind-prefixed, for a total order
        Entry e;
        collate::Letter letter;
    };
    std::vector<Item> items;
    auto add = [&](const std::string& kind_key, const std::string& id, Entry e) {
        e.meta_html = "<span class=\"tag\">" + x.e(kind_key) + "</span>" + (e.meta_html.empty() ? "" : " " + e.meta_html);
        e.summary.clear();
        items.push_back({collate::sort_key(x.lang, e.title), kind_key + "/" + id, e, collate::first_letter(x.lang, e.title)});
    };
    for (auto& ls : x.c.life_situations) add("kind.situation", ls.id, entry(x, ls));
    for (auto& s : x.c.services) add("kind.service", s.id, entry(x, s));
    for (auto& cp : x.c.contact_points)
        add("kind.contact_point", cp.id,
            {x.url(Kind::contact_point, cp.id), cp.name[x.lang], "", esc(territory_name(x, cp.territory))});
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        if (a.letter.order != b.letter.order) return a.letter.order < b.letter.order;
        if (a.key != b.key) return a.key < b.key;
        return a.id < b.id;
    });

    std::string m = "<p class=\"lead\">" + x.e("az.intro") + "</p>\n";
    // Filled by app.js when the page is opened with ?q=…; empty and hidden otherwise.
    m += "<section id=\"live-results\" class=\"live-results\" aria-labelledby=\"live-results-heading\" hidden>\n"
         "<h2 id=\"live-results-heading\">" +
         x.e("search.results.heading") + "</h2>\n<ul id=\"live-results-list\" class=\"results\"></ul>\n</section>\n";

    std::vector<Group> groups;
    for (auto& it : items) {
        if (groups.empty() || groups.back().anchor != it.letter.anchor)
            groups.push_back({it.letter.anchor, it.letter.label, {}});
        groups.back().entries.push_back(it.e);
    }
    if (groups.empty()) m += empty_note(x);
    else {
        m += "<nav class=\"jump az-letters\" aria-label=\"" + x.e("az.letters") + "\">\n<ul>\n";
        for (auto& g : groups) m += "<li>" + link("#" + g.anchor, esc(g.heading)) + "</li>\n";
        m += "</ul>\n</nav>\n";
        for (auto& g : groups)
            m += "<section class=\"group\">\n<h2 id=\"" + esc(g.anchor) + "\">" + esc(g.heading) + "</h2>\n" +
                 card_list(g.entries, "az-list") + "</section>\n";
    }
    PageSpec p{Kind::search, "", x.t("az.title"), x.t("az.intro"), {}};
    return {path_for(x.url(Kind::search)), shell(x, p, m)};
}

// What the portal can and cannot clear on a shared PC (issue 12): said on the
// accessibility statement and on the settings page, where librarians turn the mode on.
std::string shared_pc_help(const Ctx& x) {
    std::string m = "<p>" + x.e("shared.help.can") + "</p>\n<p>" + x.e("shared.help.cannot") + "</p>\n<ul>\n";
    for (const char* k : {"shared.help.cannot.1", "shared.help.cannot.2", "shared.help.cannot.3", "shared.help.cannot.4"})
        m += "<li>" + x.e(k) + "</li>\n";
    m += "</ul>\n<p>" + x.e("shared.help.never") + "</p>\n<p><strong>" + x.e("shared.help.profile") + "</strong></p>\n";
    return m;
}

// The accessibility statement Latvian public-sector sites must publish, with a
// way to report a problem.
Page accessibility_page(const Ctx& x) {
    std::string m = "<p class=\"lead\">" + x.e("a11y.intro") + "</p>\n";
    m += "<h2>" + x.e("a11y.status.heading") + "</h2>\n<p>" + x.e("a11y.status.text") + "</p>\n";
    m += "<h2>" + x.e("a11y.how.heading") + "</h2>\n<ul>\n";
    for (const char* k : {"a11y.how.1", "a11y.how.2", "a11y.how.3", "a11y.how.4"}) m += "<li>" + x.e(k) + "</li>\n";
    m += "</ul>\n<p>" + link(x.url(Kind::settings), x.e("footer.settings")) + "</p>\n";
    m += "<h2>" + x.e("a11y.limits.heading") + "</h2>\n<p>" + x.e("a11y.limits.text") + "</p>\n";
    m += "<h2 id=\"shared-computers\">" + x.e("shared.help.heading") + "</h2>\n" + shared_pc_help(x);
    m += "<h2 id=\"feedback\">" + x.e("a11y.feedback.heading") + "</h2>\n<p>" + x.e("a11y.feedback.text") + "</p>\n";
    std::string subject;
    for (unsigned char ch : x.t("a11y.feedback.subject")) {
        static const char* hex = "0123456789ABCDEF";
        if (std::isalnum(ch) || ch == '-' || ch == '.') subject += char(ch);
        else subject += std::string("%") + hex[ch >> 4] + hex[ch & 15];
    }
    m += "<p>" + link("mailto:" + x.t("a11y.feedback.address") + "?subject=" + subject, x.e("a11y.feedback.email")) +
         ": " + x.e("a11y.feedback.address") + "</p>\n";
    m += "<h2>" + x.e("a11y.enforcement.heading") + "</h2>\n<p>" + x.e("a11y.enforcement.text") + "</p>\n";
    m += "<p>" + x.e("a11y.date") + "</p>\n";
    PageSpec p{Kind::accessibility, "", x.t("a11y.title"), x.t("a11y.intro"), {}};
    return {path_for(x.url(Kind::accessibility)), shell(x, p, m)};
}

// Settings that belong to the PC, not to a person. app.js reads and saves them;
// without JavaScript the page says how to zoom instead, and shared-computer mode is a
// plain form the reference server answers with the pietura_shared cookie (on a
// plain static host nothing answers it, and the JavaScript form is the way).
Page settings_page(const Ctx& x) {
    std::string m = "<p class=\"lead\">" + x.e("settings.intro") + "</p>\n";
    m += "<noscript><p class=\"notice\">" + x.e("settings.nojs") + "</p>\n"
         "<form method=\"post\" action=\"/api/settings/shared\" class=\"settings\" id=\"settings-nojs\">\n<fieldset>\n<legend>" +
         x.e("settings.shared") + "</legend>\n<p class=\"hint\">" + x.e("settings.shared.hint") + "</p>\n"
         "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(x.lang)) + "\">\n"
         "<p><button type=\"submit\" name=\"shared\" value=\"1\">" + x.e("settings.shared.turn_on") +
         "</button> <button type=\"submit\" name=\"shared\" value=\"0\" class=\"button-secondary\">" +
         x.e("settings.shared.turn_off") + "</button></p>\n</fieldset>\n</form>\n</noscript>\n";
    m += "<form id=\"settings-form\" class=\"settings\" hidden>\n<fieldset>\n<legend>" + x.e("settings.display") +
         "</legend>\n";
    m += "<div class=\"check\"><input type=\"checkbox\" id=\"s-large\" name=\"large\"><label for=\"s-large\">" +
         x.e("settings.large") + "</label></div>\n";
    m += "<div class=\"check\"><input type=\"checkbox\" id=\"s-contrast\" name=\"contrast\"><label for=\"s-contrast\">" +
         x.e("settings.contrast") + "</label></div>\n</fieldset>\n";
    m += "<fieldset>\n<legend>" + x.e("settings.shared") + "</legend>\n";
    m += "<div class=\"check\"><input type=\"checkbox\" id=\"s-shared\" name=\"shared\" aria-describedby=\"s-shared-hint\">"
         "<label for=\"s-shared\">" + x.e("settings.shared.on") + "</label></div>\n<p class=\"hint\" id=\"s-shared-hint\">" +
         x.e("settings.shared.hint") + "</p>\n";
    m += "<div class=\"field\"><label for=\"s-timeout\">" + x.e("settings.timeout") +
         "</label>\n<select id=\"s-timeout\" name=\"timeout\">\n";
    for (int minutes : {2, 5, 10, 15, 30})
        m += "<option value=\"" + std::to_string(minutes) + "\"" + (minutes == 5 ? " selected" : "") + ">" +
             std::to_string(minutes) + "</option>\n";
    m += "</select></div>\n<p class=\"hint\">" + x.e("settings.url") + "</p>\n</fieldset>\n";
    m += "<p><button type=\"submit\">" + x.e("settings.save") + "</button></p>\n<p id=\"settings-status\" role=\"status\" "
         "data-saved=\"" + x.e("settings.saved") + "\"></p>\n</form>\n";
    m += "<h2 id=\"shared-computers\">" + x.e("shared.help.heading") + "</h2>\n" + shared_pc_help(x);
    PageSpec p{Kind::settings, "", x.t("settings.title"), x.t("settings.intro"), {}};
    return {path_for(x.url(Kind::settings)), shell(x, p, m)};
}

// The site root only sends people on to a language; it is not a real page.
Page root(const Strings& s, const Options& o) {
    std::string h = "<!doctype html>\n<html lang=\"lv\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta http-equiv=\"refresh\" content=\"0; url=/lv/\">\n";
    h += "<title>" + esc(s.get(Lang::lv, "site.name")) + "</title>\n";
    h += "<meta name=\"pietura-content-version\" content=\"" + esc(o.content_version) + "\">\n";
    for (Lang l : {Lang::lv, Lang::en})
        h += "<link rel=\"alternate\" hreflang=\"" + std::string(code(l)) + "\" href=\"" + url_for(l, Kind::home) + "\">\n";
    h += "<link rel=\"stylesheet\" href=\"/assets/pietura.css\">\n";
    h += "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n";
    h += "</head>\n<body>\n<main id=\"main\" class=\"wrap\">\n<h1>" + esc(s.get(Lang::lv, "site.name")) + "</h1>\n";
    h += "<ul class=\"links\">\n";
    for (Lang l : {Lang::lv, Lang::en}) {
        std::string c(code(l));
        h += "<li><a href=\"" + url_for(l, Kind::home) + "\" lang=\"" + c + "\" hreflang=\"" + c + "\">" +
             esc(s.get(l, "root.enter")) + "</a></li>\n";
    }
    h += "</ul>\n</main>\n</body>\n</html>\n";
    return {"index.html", h};
}

}  // namespace

std::string frame(const Strings& s, const Options& o, Lang lang, Kind kind, const std::string& title,
                  const std::string& main_html) {
    static const Content none;  // the frame names no content
    Ctx x{none, s, o, lang};
    return shell(x, PageSpec{kind, "", title, "", {}}, main_html);
}

std::vector<Page> render(const Content& c, const Strings& s, const Options& o) {
    g_sort_keys = {};  // addresses from an earlier render mean nothing now
    // How many contact points accept each service, computed once for all service pages.
    std::map<std::string, int> cp_count;
    for (auto& cp : c.contact_points)
        for (auto* sv : c.services_at(cp)) ++cp_count[sv->id];

    std::vector<Page> pages;
    pages.push_back(root(s, o));
    for (Lang lang : {Lang::lv, Lang::en}) {
        Ctx x{c, s, o, lang};
        pages.push_back(home(x));
        pages.push_back(search_page(x));
        pages.push_back(situations_list(x));
        pages.push_back(services_list(x));
        pages.push_back(contact_points_list(x));
        pages.push_back(audiences_list(x));
        for (auto& ls : c.life_situations) pages.push_back(situation(x, ls));
        for (auto& sv : c.services) pages.push_back(service(x, sv, cp_count[sv.id]));
        for (auto& cp : c.contact_points) pages.push_back(contact_point(x, cp));
        for (auto& t : c.territories) pages.push_back(territory_page(x, t));
        pages.push_back(accessibility_page(x));
        pages.push_back(settings_page(x));
        for (auto& a : c.audiences) pages.push_back(audience(x, a));
    }
    // The booking pages (step 1 and the offline steps) are static pages too: in the sitemap.
    for (auto& p : booking_pages(c, s, o)) pages.push_back(std::move(p));
    pages.push_back({"sitemap.xml", structured::sitemap(pages, o.base_url)});
    g_sort_keys = {};
    pages.push_back({"robots.txt", "User-agent: *\nAllow: /\nSitemap: " + o.base_url + "/sitemap.xml\n"});
    return pages;
}

}  // namespace pietura::site
