// The list pages: life situations, services by institution, audiences, contact points by territory.
#include <map>
#include "site/components/finder/finder.hpp"

#include "i18n/plural.hpp"
#include "site/html.hpp"
#include "site/page.hpp"

namespace pietura::site::internal {

namespace {

// "Name (ABBR): N …" links to the institutions' own pages of services, by name, for
// each institution with a count in `n` (the plural forms of `plural_key`).
std::vector<std::pair<std::string, std::string>> institution_links(const Ctx& x,
                                                                   const std::map<std::string, std::int64_t>& n,
                                                                   const std::string& plural_key) {
    std::vector<std::pair<std::string, std::string>> links;
    for (auto* inst :
         by_title(x, all(x.c.institutions), [&](const Institution& i) -> const std::string& { return i.name[x.lang]; }))
        if (auto it = n.find(inst->id); it != n.end() && it->second > 0)
            links.emplace_back(x.url(Kind::institution, inst->id),
                               esc(inst->name[x.lang] + " (" + inst->abbr[x.lang] + ")") + ": " +
                                   esc(x.s.format(x.lang, i18n::form_key(x.lang, plural_key, it->second),
                                                  {{"n", std::to_string(it->second)}})));
    return links;
}

}  // namespace

Page audience(const Ctx& x, const Audience& a) {
    std::string m = "<p class=\"lead\">" + esc(a.summary[x.lang]) + "</p>\n";
    std::vector<Entry> entries;
    for (auto* ls : sorted(x, x.c.life_situations))
        if (contains(ls->audiences, a.id)) entries.push_back(entry(x, *ls));
    m += "<h2>" + x.e("audience.situations") + "</h2>\n" + (entries.empty() ? empty_note(x) : card_list(entries));
    entries.clear();
    std::vector<const Service*> services;
    for (auto* s : by_popularity(all(x.c.services)))
        if (contains(s->audiences, a.id)) services.push_back(s);
    if (services_split(x.c) && services.size() > kAudienceOnePage) {
        // Issue 13: at the national catalogue an audience had 1,400 services, a 540 KB
        // page; the most requested come first, the rest are on their institutions' pages.
        for (std::size_t i = 0; i < kAudienceOnePage; ++i) entries.push_back(entry(x, *services[i]));
        m += "<h2>" + x.e("audience.services.popular") + "</h2>\n" + card_list(entries);
        std::map<std::string, std::int64_t> rest;
        for (std::size_t i = kAudienceOnePage; i < services.size(); ++i) ++rest[services[i]->institution];
        m += "<h2>" + x.e("audience.services.more") + "</h2>\n<p>" + x.e("audience.services.more.intro") + "</p>\n" +
             link_list(institution_links(x, rest, "audience.services.more.n"));
    } else {
        for (auto* s : services) entries.push_back(entry(x, *s));
        m += "<h2>" + x.e("audience.services") + "</h2>\n" + (entries.empty() ? empty_note(x) : card_list(entries));
    }
    PageSpec p{Kind::audience, a.id, a.title[x.lang], a.summary[x.lang], {{x.t("audiences.title"), x.url(Kind::audiences)}}};
    return page(x, p, m);
}

Page audiences_list(const Ctx& x) {
    std::vector<Entry> entries;
    for (auto* a : sorted(x, x.c.audiences))
        entries.push_back({x.url(Kind::audience, a->id), a->title[x.lang], a->summary[x.lang], ""});
    std::string m = "<p class=\"lead\">" + x.e("audiences.intro") + "</p>\n" +
                    (entries.empty() ? empty_note(x) : card_list(entries));
    PageSpec p{Kind::audiences, "", x.t("audiences.title"), x.t("audiences.intro"), {}};
    return page(x, p, m);
}

Page situations_list(const Ctx& x) {
    std::vector<Entry> entries;
    for (auto* ls : sorted(x, x.c.life_situations)) entries.push_back(entry(x, *ls));
    std::string m = "<p class=\"lead\">" + x.e("situations.intro") + "</p>\n" +
                    (entries.empty() ? empty_note(x) : card_list(entries));
    PageSpec p{Kind::situations, "", x.t("situations.title"), x.t("situations.intro"), {}};
    return page(x, p, m);
}

// A list page in groups (services by institution, contact points by territory),

bool services_split(const content::Content& c) { return c.services.size() > kServicesOnePage; }

std::string institution_services_url(const Ctx& x, const std::string& institution_id) {
    if (services_split(x.c)) return x.url(Kind::institution, institution_id);
    return x.url(Kind::services) + "#i-" + institution_id;
}

Page services_list(const Ctx& x) {
    auto insts = by_title(x, all(x.c.institutions),
                          [&](const Institution& i) -> const std::string& { return i.name[x.lang]; });
    if (services_split(x.c)) {
        std::map<std::string, std::int64_t> n;
        for (auto& s : x.c.services) ++n[s.institution];
        auto links = institution_links(x, n, "plural.services");
        std::string m = "<p class=\"lead\">" + x.e("services.intro.split") + "</p>\n" +
                        (links.empty() ? empty_note(x) : link_list(links));
        PageSpec p{Kind::services, "", x.t("services.title"), x.t("services.intro.split"), {}};
        return page(x, p, m);
    }
    auto services = sorted(x, x.c.services);
    std::vector<Group> groups;
    for (auto* inst : insts) {
        Group g{"i-" + inst->id, inst->name[x.lang] + " (" + inst->abbr[x.lang] + ")", {}};
        for (auto* s : services)
            if (s->institution == inst->id) g.entries.push_back(entry(x, *s));
        if (!g.entries.empty()) groups.push_back(std::move(g));
    }
    std::string m = "<p class=\"lead\">" + x.e("services.intro") + "</p>\n" + grouped(x, groups, "services.jump");
    PageSpec p{Kind::services, "", x.t("services.title"), x.t("services.intro"), {}};
    return page(x, p, m);
}

std::optional<Page> institution_page(const Ctx& x, const Institution& i) {
    if (!services_split(x.c)) return std::nullopt;
    std::vector<Entry> entries;
    for (auto* s : sorted(x, x.c.services))
        if (s->institution == i.id) entries.push_back(entry(x, *s));
    if (entries.empty()) return std::nullopt;
    std::string m = "<p class=\"lead\">" + x.f("institution.intro", {{"abbr", i.abbr[x.lang]}}) + "</p>\n";
    if (html::is_web_url(i.website))
        m += "<p>" + link(i.website, x.e("service.website"), " class=\"external\"") + "</p>\n";
    m += card_list(entries);
    std::string title = i.name[x.lang] + " (" + i.abbr[x.lang] + ")";
    PageSpec p{Kind::institution, i.id, title, x.t("services.title") + ": " + i.abbr[x.lang],
               {{x.t("services.title"), x.url(Kind::services)}}};
    return page(x, p, m);
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
        auto list = by_title(x, by_territory[tid],
                             [&](const ContactPoint& cp) -> const std::string& { return cp.name[x.lang]; });
        for (auto* cp : list)
            g.entries.push_back({x.url(Kind::contact_point, cp->id), cp->name[x.lang], cp->address[x.lang],
                                 "<span class=\"tag\">" + x.e("cp.kind_short." + cp->kind) + "</span>"});
        groups.push_back(std::move(g));
    }
    std::string m = "<p class=\"lead\">" + x.e("cps.intro") + "</p>\n" + components::finder(x.s, x.lang, x.c);
    m += "<section class=\"territories\" aria-labelledby=\"territories-heading\">\n<h2 id=\"territories-heading\">" +
         x.e("cps.by_territory") + "</h2>\n<ul class=\"columns\">\n";
    for (auto* t : by_title(x, all(x.c.territories),
                            [&](const Territory& tt) -> const std::string& { return tt.name[x.lang]; }))
        m += "<li>" + link(x.url(Kind::territory, t->id), esc(t->name[x.lang])) + "</li>\n";
    m += "</ul>\n</section>\n<h2>" + x.e("cps.all") + "</h2>\n" + grouped(x, groups, "cps.jump");
    PageSpec p{Kind::contact_points, "", x.t("cps.title"), x.t("cps.intro"), {}};
    return page(x, p, m);
}

// Without JavaScript the search page is the whole catalogue from A to Z: every

}  // namespace pietura::site::internal
