// The home page: life situations, audiences, the most used services, where to get help.
#include "site/page.hpp"

namespace pietura::site::internal {

namespace {
constexpr size_t kPopularOnHome = 8;
}  // namespace

Page home(const Ctx& x) {
    std::string m = "<p class=\"lead\">" + x.e("home.intro") + "</p>\n";

    m += "<section class=\"home-situations\">\n<h2>" + x.e("home.situations") + "</h2>\n";
    std::vector<std::pair<std::string, std::string>> links;
    for (auto* ls : sorted(x, x.c.life_situations))
        links.emplace_back(x.url(Kind::situation, ls->id), esc(ls->title[x.lang]));
    m += links.empty() ? empty_note(x) : link_list(links, "tiles");
    m += "</section>\n";

    if (!x.c.audiences.empty()) {
        m += "<section class=\"home-audiences\">\n<h2>" + x.e("home.audiences") + "</h2>\n";
        links.clear();
        for (auto* a : sorted(x, x.c.audiences))
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
    return page(x, p, m);
}

}  // namespace pietura::site::internal
