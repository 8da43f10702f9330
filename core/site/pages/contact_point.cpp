// A contact point page: contact, hours (with the week view), access, map, services, remote consultations.
#include <algorithm>
#include <map>
#include "geo/geo.hpp"
#include "hours/hours.hpp"
#include "site/components/week_view/week_view.hpp"
#include "site/structured.hpp"

#include "site/page.hpp"

namespace pietura::site::internal {

namespace {
constexpr size_t kServicesPerInstitution = 25;
}  // namespace

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
    m += "<p id=\"open-status\" class=\"open-status\" aria-live=\"polite\" data-id=\"" + esc(cp.id) +
         "\" data-open-now=\"" + x.e("hours.open_now") + "\" data-closed-now=\"" + x.e("hours.closed_now") +
         "\" data-closes-at=\"" + x.e("hours.closes_at") + "\" data-opens-at=\"" + x.e("hours.opens_at") + "\"></p>\n";
    // The weekly pattern in words is known at build time, so it works without JavaScript.
    // Only words: the opening_hours code is for editors (pietura check, the studio), and
    // a citizen reading "Mo-Th 08:00-17:00; PH off" learns nothing (issue 15).
    if (auto schedule = hours::Schedule::parse(cp.hours))
        m += "<p class=\"hours-text\">" + esc(schedule->describe_in_words(x.lang)) + "</p>\n";
    m += components::week_view(x.s, x.lang, x.c, cp, x.o.today ? *x.o.today : components::build_today());

    m += "<h2>" + x.e("cp.access") + "</h2>\n<p>" + x.e(cp.step_free ? "cp.step_free.yes" : "cp.step_free.no") +
         "</p>\n";
    if (!cp.accessibility_notes[x.lang].empty()) m += html::paragraphs(cp.accessibility_notes[x.lang]);

    std::string lat = html::fixed(cp.lat, 5), lon = html::fixed(cp.lon, 5);
    m += "<h2>" + x.e("cp.map") + "</h2>\n<ul class=\"links\">\n";
    m += "<li>" + link("geo:" + lat + "," + lon, x.e("cp.map.app")) + "</li>\n";
    m += "<li>" + link("https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=16/" + lat + "/" + lon,
                       x.e("cp.map.osm"), " class=\"external\"") +
         "</li>\n</ul>\n";

    // Remote consultations before the services: a short answer a keyboard user should
    // not have to tab past every service link to reach.
    m += "<h2>" + x.e("cp.remote") + "</h2>\n";
    std::vector<const Institution*> remote;
    for (auto& id : cp.remote_consultation)
        if (auto* i = x.c.institution(id)) remote.push_back(i);
    if (remote.empty()) m += "<p>" + x.e("cp.remote.none") + "</p>\n";
    else {
        m += "<p>" + x.e("cp.remote.text") + " " + link(booking_url(x.lang), x.e("book.link")) + "</p>\n<ul>\n";
        for (auto* i : by_title(x, remote, [&](const Institution& in) -> const std::string& { return in.name[x.lang]; }))
            m += "<li>" + esc(i->name[x.lang]) + " (" + esc(i->abbr[x.lang]) + ")</li>\n";
        m += "</ul>\n";
    }

    // Services grouped by institution, as staff and citizens think of them.
    std::map<std::string, std::vector<const Service*>> by_inst;
    for (auto* s : x.c.services_at(cp)) by_inst[s->institution].push_back(s);
    m += "<h2>" + x.e("cp.services") + "</h2>\n";
    if (by_inst.empty()) m += empty_note(x);
    std::vector<const Institution*> insts;
    for (auto& [id, list] : by_inst)
        if (auto* i = x.c.institution(id)) insts.push_back(i);
    insts = by_title(x, insts, [&](const Institution& i) -> const std::string& { return i.name[x.lang]; });
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
        for (auto* s : by_title(x, shown, [&](const Service& sv) -> const std::string& { return sv.title[x.lang]; }))
            links.emplace_back(x.url(Kind::service, s->id), esc(s->title[x.lang]));
        m += link_list(links);
        if (shown.size() < list.size())
            m += "<p>" + link(institution_services_url(x, inst->id),
                              x.f("cp.services.all", {{"n", std::to_string(list.size())}, {"abbr", inst->abbr[x.lang]}})) +
                 "</p>\n";
    }

    // What a unified centre or library cannot do for the institutions it serves:
    // their level-3 services (passports, eID cards, residence permits, …) are
    // received only at the institution's own office (issue 14). Say so, rather than
    // let the list above be read as everything that institution does here.
    if (cp.kind != "institution") {
        std::vector<const Service*> elsewhere;
        for (auto& s : x.c.services)
            if (s.contact_point_level == 3 &&
                std::find(cp.institutions.begin(), cp.institutions.end(), s.institution) != cp.institutions.end())
                elsewhere.push_back(&s);
        if (!elsewhere.empty()) {
            m += "<h2>" + x.e("cp.elsewhere") + "</h2>\n<p>" + x.e("cp.elsewhere.text") + "</p>\n";
            std::vector<std::pair<std::string, std::string>> links;
            for (auto* s : by_title(x, elsewhere, [&](const Service& sv) -> const std::string& { return sv.title[x.lang]; })) {
                const Institution* inst = x.c.institution(s->institution);
                links.emplace_back(x.url(Kind::service, s->id),
                                   esc(s->title[x.lang]) + (inst ? " (" + esc(inst->abbr[x.lang]) + ")" : std::string()));
            }
            m += link_list(links);
        }
    }

    PageSpec p{Kind::contact_point, cp.id, cp.name[x.lang], cp.address[x.lang],
               {{x.t("cps.title"), x.url(Kind::contact_points)}}, structured::government_office(x.c, cp, x.lang, x.o.base_url)};
    return page(x, p, m);
}

}  // namespace pietura::site::internal
