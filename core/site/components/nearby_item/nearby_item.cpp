#include "site/components/nearby_item/nearby_item.hpp"

#include <algorithm>

#include "geo/geo.hpp"
#include "hours/hours.hpp"
#include "i18n/plural.hpp"
#include "site/html.hpp"

namespace pietura::site::components {

using html::esc;

const std::vector<std::string>& nearby_item_keys() {
    static const std::vector<std::string> keys = {
        "cp.hours",  "cp.address", "cp.phone",           "cp.email",    "cp.access",  "cp.step_free.yes",
        "cp.step_free.no", "cp.remote", "cp.services", "cps.find.services_n", "cp.bus_stop", "cp.map.app",
        // "21 pakalpojums", "11 pakalpojumu": the count's form by i18n::plural (issue 14).
        "plural.services.zero", "plural.services.one", "plural.services.other"};
    return keys;
}

std::string nearby_item(const Strings& s, Lang lang, const NearbyCard& card) {
    auto e = [&](const std::string& key) { return esc(s.get(lang, key)); };
    auto row = [&](const std::string& key, const std::string& value_html) {
        return "<div><dt>" + e(key) + "</dt><dd>" + value_html + "</dd></div>\n";
    };
    // Only site-relative links: a card can never send anyone elsewhere.
    std::string url = card.url.size() > 1 && card.url[0] == '/' && card.url[1] != '/' ? card.url : "/";
    std::string h = "<li class=\"nearby\">\n<h3><a class=\"nb-name\" href=\"" + esc(url) + "\">" + esc(card.name) + "</a></h3>\n";
    if (!card.distance.empty()) h += "<p class=\"distance\">" + esc(card.distance) + "</p>\n";
    h += "<p class=\"open-status\" data-open-status=\"" + esc(card.id) + "\"" +
         (card.status_state.empty() ? "" : " data-state=\"" + esc(card.status_state) + "\"") + ">" + esc(card.status_text) +
         "</p>\n<dl class=\"facts\">\n";
    if (!card.hours.empty()) h += row("cp.hours", esc(card.hours));
    h += row("cp.address", esc(card.address));
    if (!card.phone.empty()) {
        std::string tel;
        for (char ch : card.phone)
            if (ch == '+' || (ch >= '0' && ch <= '9')) tel += ch;
        h += row("cp.phone", "<a href=\"tel:" + tel + "\">" + esc(card.phone) + "</a>");
    }
    if (!card.email.empty()) h += row("cp.email", "<a href=\"mailto:" + esc(card.email) + "\">" + esc(card.email) + "</a>");
    h += row("cp.access", e(card.step_free ? "cp.step_free.yes" : "cp.step_free.no"));
    if (!card.remote.empty()) {
        // In one order whatever the source lists them in (content files, the snapshot).
        std::vector<std::string> remote = card.remote;
        std::sort(remote.begin(), remote.end());
        std::string abbrs;
        for (auto& a : remote) abbrs += (abbrs.empty() ? "" : ", ") + a;
        h += row("cp.remote", esc(abbrs));
    }
    if (card.services >= 0)
        h += row("cp.services", esc(s.format(lang, i18n::form_key(lang, "plural.services", card.services),
                                             {{"n", std::to_string(card.services)}})));
    if (!card.bus_stop.empty()) h += row("cp.bus_stop", esc(card.bus_stop) + ", " + esc(card.bus_stop_distance));
    h += "</dl>\n<p><a class=\"nb-map\" href=\"geo:" + html::fixed(card.lat, 5) + "," + html::fixed(card.lon, 5) + "\">" +
         e("cp.map.app") + "</a></p>\n</li>\n";
    return h;
}

NearbyCard nearby_card(const content::Content& c, const content::ContactPoint& cp, Lang lang, double distance_m) {
    NearbyCard card;
    card.id = cp.id;
    card.name = cp.name[lang];
    card.url = url_for(lang, Kind::contact_point, cp.id);
    if (distance_m >= 0) card.distance = geo::describe_distance(distance_m, lang);
    // Issue 14: a card is read by citizens, so its hours are the words of the contact
    // point's own page ("Pirmdiena–ceturtdiena 8.30–17.00"), never the editor's short
    // forms ("P–C", "Mo-Th 08:00-17:00").
    if (auto schedule = hours::Schedule::parse(cp.hours)) card.hours = schedule->describe_in_words(lang);
    card.address = cp.address[lang];
    card.phone = cp.phone;
    card.email = cp.email;
    card.step_free = cp.step_free;
    for (auto& id : cp.remote_consultation)
        if (auto* i = c.institution(id)) card.remote.push_back(i->abbr[lang]);
    card.services = static_cast<int>(c.services_at(cp).size());
    if (!cp.bus_stop_id.empty()) {
        card.bus_stop = cp.bus_stop_name;
        card.bus_stop_distance = geo::describe_distance(cp.bus_stop_m, lang);
    }
    card.lat = cp.lat;
    card.lon = cp.lon;
    return card;
}

}  // namespace pietura::site::components
