// render(): every page of the site in both languages, the sitemap and robots.txt.
// Pages are plain strings: the structure is simple and fixed, and every piece of
// content text passes through esc() or paragraphs() on its way in. Lists are
// ordered by title in the page's language (collate.hpp) with the id as a
// tie-break, so output never depends on file order or memory addresses. The page
// types are site/pages/*.cpp, the frame site/frame.cpp, the components
// site/components/<name>/. Reentrant: the one cache (sort keys) lives in this call.
#include <map>

#include "site/page.hpp"
#include "site/structured.hpp"

namespace pietura::site {

std::vector<Page> render(const content::Content& c, const Strings& s, const Options& o) {
    using namespace internal;
    SortKeys keys;  // title addresses are stable while this call holds the content
    // How many contact points accept each service, computed once for all service pages.
    std::map<std::string, int> cp_count = c.contact_point_counts();

    std::vector<Page> pages;
    pages.push_back(root(s, o));
    for (Lang lang : {Lang::lv, Lang::en}) {
        Ctx x{c, s, o, lang, &keys};
        pages.push_back(home(x));
        pages.push_back(search_page(x));
        for (auto& p : az_letter_pages(x)) pages.push_back(std::move(p));
        pages.push_back(situations_list(x));
        pages.push_back(services_list(x));
        for (auto& i : c.institutions)
            if (auto p = institution_page(x, i)) pages.push_back(std::move(*p));
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
    pages.push_back({"robots.txt", "User-agent: *\nAllow: /\nSitemap: " + o.base_url + "/sitemap.xml\n"});
    return pages;
}

}  // namespace pietura::site
