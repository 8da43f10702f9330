// The search page: results with JavaScript (and from `pietura serve` without it,
// tools/pietura/api_search_pages.cpp), the A–Z index of everything as the fallback.
#include "site/components/search_results/search_results.hpp"
#include "site/html.hpp"
#include <set>

#include "site/collate.hpp"
#include "site/page.hpp"

namespace pietura::site::internal {


namespace {

// Past this many entries the A–Z index becomes one page per first letter, with the
// search page listing the letters. At the national catalogue (3,400 services and 587
// contact points) the one page was about 1 MB of HTML for a phone to download and
// parse before its search box answered; the default content (about 230) stays one
// page, where the browser's own find (Ctrl+F) still sees everything.
constexpr std::size_t kAzOnePage = 600;

struct AzGroup {
    collate::Letter letter;
    std::vector<Entry> entries;
};

// Every life situation, service and contact point in alphabetical order, by first letter.
std::vector<AzGroup> az_groups(const Ctx& x) {
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
    std::vector<AzGroup> groups;
    for (auto& it : items) {
        if (groups.empty() || groups.back().letter.anchor != it.letter.anchor) groups.push_back({it.letter, {}});
        groups.back().entries.push_back(std::move(it.e));
    }
    return groups;
}

bool split(const std::vector<AzGroup>& groups) {
    std::size_t n = 0;
    for (auto& g : groups) n += g.entries.size();
    return n > kAzOnePage;
}

// A letter page's id is its group's anchor without "az-": /lv/meklet/ch/ for Č.
std::string letter_id(const collate::Letter& l) { return l.anchor.substr(3); }

// The letters as jump links: to the groups below on the one page, to the letter
// pages when split (`current`: the letter page this is, not a link).
std::string letters_nav(const Ctx& x, const std::vector<AzGroup>& groups, bool pages, const AzGroup* current) {
    std::string m = "<nav class=\"jump az-letters\" aria-label=\"" + x.e("az.letters") + "\">\n<ul>\n";
    for (auto& g : groups) {
        if (&g == current) m += "<li><span aria-current=\"page\">" + esc(g.letter.label) + "</span></li>\n";
        else if (pages) m += "<li>" + link(x.url(Kind::az_letter, letter_id(g.letter)), esc(g.letter.label)) + "</li>\n";
        else m += "<li>" + link("#" + g.letter.anchor, esc(g.letter.label)) + "</li>\n";
    }
    return m + "</ul>\n</nav>\n";
}

// The letter pages the other language has: its alphabet differs (English files Č under C).
std::set<std::string> other_letters(const Ctx& x) {
    Lang o = other(x.lang);
    std::set<std::string> ids;
    auto add = [&](const std::string& title) { ids.insert(letter_id(collate::first_letter(o, title))); };
    for (auto& ls : x.c.life_situations) add(ls.title[o]);
    for (auto& s : x.c.services) add(s.title[o]);
    for (auto& cp : x.c.contact_points) add(cp.name[o]);
    return ids;
}

Page letter_page(const Ctx& x, const std::vector<AzGroup>& groups, const AzGroup& g, const std::set<std::string>& other) {
    std::string m = letters_nav(x, groups, true, &g);
    m += "<section class=\"group\" aria-labelledby=\"" + esc(g.letter.anchor) + "\">\n<h2 id=\"" + esc(g.letter.anchor) +
         "\">" + esc(g.letter.label) + "</h2>\n" + card_list(g.entries, "az-list") + "</section>\n";
    std::string title = x.s.format(x.lang, "az.letter.title", {{"letter", g.letter.label}});
    PageSpec p{Kind::az_letter, letter_id(g.letter), title, title, {{x.t("az.title"), x.url(Kind::search)}}};
    if (!other.count(p.id)) p.other_lang_url = url_for(pietura::other(x.lang), Kind::search);
    return page(x, p, m);
}

}  // namespace

// Without JavaScript the search page is the whole catalogue from A to Z: every
// life situation, service and contact point, so the browser's own find works; a
// catalogue over kAzOnePage entries lists its letters here, each its own page.
Page search_page(const Ctx& x) {
    std::vector<AzGroup> groups = az_groups(x);
    bool pages = split(groups);
    std::string m = "<p class=\"lead\">" + x.e(pages ? "az.intro.split" : "az.intro") + "</p>\n";
    // Filled by app.js with the core's search_results (the markup `pietura serve` sends
    // for ?q=… without JavaScript) when the page is opened with ?q=… or as the citizen
    // types; empty and hidden otherwise, so the A–Z list below is the fallback.
    // The section inside is a placeholder the results replace.
    m += "<div id=\"search-answer\" data-results-strings=\"" +
         html::strings_json(x.s, x.lang, components::search_results_keys()) +
         "\" hidden><section id=\"live-results\" class=\"live-results\" aria-labelledby=\"live-results-heading\">"
         "<h2 id=\"live-results-heading\">" + x.e("search.results.heading") + "</h2></section></div>\n";

    if (groups.empty()) m += empty_note(x);
    else {
        m += letters_nav(x, groups, pages, nullptr);
        if (!pages)
            for (auto& g : groups)
                m += "<section class=\"group\">\n<h2 id=\"" + esc(g.letter.anchor) + "\">" + esc(g.letter.label) + "</h2>\n" +
                     card_list(g.entries, "az-list") + "</section>\n";
    }
    PageSpec p{Kind::search, "", x.t("az.title"), x.t(pages ? "az.intro.split" : "az.intro"), {}};
    return page(x, p, m);
}

std::vector<Page> az_letter_pages(const Ctx& x) {
    std::vector<AzGroup> groups = az_groups(x);
    std::vector<Page> out;
    if (split(groups)) {
        std::set<std::string> other = other_letters(x);
        for (auto& g : groups) out.push_back(letter_page(x, groups, g, other));
    }
    return out;
}

std::optional<Page> az_letter_page(const Ctx& x, std::string_view id) {
    std::vector<AzGroup> groups = az_groups(x);
    if (!split(groups)) return std::nullopt;
    for (auto& g : groups)
        if (letter_id(g.letter) == id) return letter_page(x, groups, g, other_letters(x));
    return std::nullopt;
}


}  // namespace pietura::site::internal
