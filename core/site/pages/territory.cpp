// The contact points nearest to one municipality, worked out at build time.
#include "geo/geo.hpp"
#include "site/components/nearby_item/nearby_item.hpp"

#include "site/page.hpp"

namespace pietura::site::internal {

constexpr size_t kAlsoNear = 3;

// "Choose your municipality → list", worked out at build time so it needs no
// JavaScript: the contact points in the municipality, the nearest one from each of
// its settlements, and the closest ones across the border.
Page territory_page(const Ctx& x, const Territory& t) {
    std::string name = t.name[x.lang];
    // Contact points are sorted by id, so geo's ties (the list's order) are by id.
    auto by_distance = [&](geo::Point from) {
        return geo::by_distance(x.c.contact_points, from, [](const ContactPoint& cp) { return geo::Point{cp.lat, cp.lon}; });
    };
    std::string m = "<p class=\"lead\">" + x.f("near.intro", {{"territory", name}}) + "</p>\n";
    std::vector<const ContactPoint*> inside;
    for (auto& cp : x.c.contact_points)
        if (cp.territory == t.id) inside.push_back(&cp);
    m += "<h2>" + x.f("near.inside", {{"territory", name}}) + "</h2>\n";
    if (inside.empty()) m += "<p>" + x.e("near.inside.none") + "</p>\n";
    else {
        m += "<ul class=\"nearby-list plain\">\n";
        for (auto* cp : by_title(x, inside, [&](const ContactPoint& c) -> const std::string& { return c.name[x.lang]; }))
            m += components::nearby_item(x.s, x.lang, components::nearby_card(x.c, *cp, x.lang, -1));
        m += "</ul>\n";
    }
    std::vector<const content::Place*> places;
    for (auto& p : x.c.places)
        if (p.territory == t.id) places.push_back(&p);
    if (!places.empty() && !x.c.contact_points.empty()) {
        m += "<h2>" + x.e("near.from_places") + "</h2>\n<table class=\"days\">\n<thead><tr><th scope=\"col\">" +
             x.e("near.place") + "</th><th scope=\"col\">" + x.e("near.nearest") + "</th><th scope=\"col\">" +
             x.e("near.distance") + "</th></tr></thead>\n<tbody>\n";
        for (auto* p : by_title(x, places, [](const content::Place& pl) -> const std::string& { return pl.name; })) {
            auto near = by_distance({p->lat, p->lon});
            m += "<tr><td>" + esc(p->name) + "</td><td>" +
                 link(x.url(Kind::contact_point, near[0].item->id), esc(near[0].item->name[x.lang])) + "</td><td>" +
                 esc(geo::describe_distance(near[0].m, x.lang)) + "</td></tr>\n";
        }
        m += "</tbody>\n</table>\n";
    }
    if (auto centre = x.c.centre(t.id)) {
        std::string also;
        size_t n = 0;
        for (auto& near : by_distance(*centre)) {
            if (near.item->territory == t.id) continue;
            if (n++ == kAlsoNear) break;
            also += components::nearby_item(x.s, x.lang, components::nearby_card(x.c, *near.item, x.lang, near.m));
        }
        if (!also.empty())
            m += "<h2>" + x.e("near.also") + "</h2>\n<p>" + x.e("near.also.text") + "</p>\n<ol class=\"nearby-list\">\n" +
                 also + "</ol>\n";
    }
    PageSpec p{Kind::territory, t.id, x.s.format(x.lang, "near.title", {{"territory", name}}),
               x.s.format(x.lang, "near.intro", {{"territory", name}}), {{x.t("cps.title"), x.url(Kind::contact_points)}}};
    return page(x, p, m);
}

// The nearest-contact-point finder. It needs the wasm core, so without JavaScript
// nojs.css hides it and the municipality list below does the job; with JavaScript it

}  // namespace pietura::site::internal
