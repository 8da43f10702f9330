// The search page: results with JavaScript (and from `pietura serve` without it,
// tools/pietura/api_search_pages.cpp), the A–Z index of everything as the fallback.
#include "site/components/search_results/search_results.hpp"
#include "site/html.hpp"
#include "site/page.hpp"

namespace pietura::site::internal {


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
    // Filled by app.js with the core's search_results (the markup `pietura serve` sends
    // for ?q=… without JavaScript) when the page is opened with ?q=… or as the citizen
    // types; empty and hidden otherwise, so the A–Z list below is the fallback.
    // The section inside is a placeholder the results replace.
    m += "<div id=\"search-answer\" data-results-strings=\"" +
         html::strings_json(x.s, x.lang, components::search_results_keys()) +
         "\" hidden><section id=\"live-results\" class=\"live-results\" aria-labelledby=\"live-results-heading\">"
         "<h2 id=\"live-results-heading\">" + x.e("search.results.heading") + "</h2></section></div>\n";

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
    return page(x, p, m);
}


}  // namespace pietura::site::internal
