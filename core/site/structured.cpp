#include "site/structured.hpp"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "hours/hours.hpp"
#include "site/html.hpp"
#include "text/text.hpp"

namespace pietura::site::structured {

namespace {

using nlohmann::ordered_json;

const char* const kDays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// schema.org times are hh:mm; midnight at the end of a day is written 23:59.
std::string hhmm(int minutes) { return minutes >= 1440 ? "23:59" : text::hhmm(minutes); }

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

}  // namespace

std::string government_service(const content::Content& c, const content::Service& s, Lang lang,
                               const std::string& base_url) {
    ordered_json j = {{"@context", "https://schema.org"},
                      {"@type", "GovernmentService"},
                      {"name", s.title[lang]},
                      {"description", s.summary[lang]},
                      {"url", base_url + url_for(lang, Kind::service, s.id)},
                      {"inLanguage", std::string(code(lang))},
                      {"areaServed", {{"@type", "Country"}, {"name", lang == Lang::lv ? "Latvija" : "Latvia"}}}};
    if (auto* inst = c.institution(s.institution)) {
        ordered_json org = {{"@type", "GovernmentOrganization"}, {"name", inst->name[lang]},
                            {"alternateName", inst->abbr[lang]}};
        if (html::is_web_url(inst->website)) org["url"] = inst->website;
        j["provider"] = org;
    }
    ordered_json channels = ordered_json::array();
    if (html::is_web_url(s.channels.eservice))
        channels.push_back({{"@type", "ServiceChannel"}, {"serviceUrl", s.channels.eservice}});
    if (s.channels.contact_point)
        channels.push_back({{"@type", "ServiceChannel"},
                            {"serviceLocation", {{"@type", "Place"}, {"url", base_url + url_for(lang, Kind::contact_points)}}}});
    if (!channels.empty()) j["availableChannel"] = channels;
    return j.dump();
}

std::string government_office(const content::Content& c, const content::ContactPoint& cp, Lang lang,
                              const std::string& base_url) {
    ordered_json j = {{"@context", "https://schema.org"},
                      {"@type", "GovernmentOffice"},
                      {"name", cp.name[lang]},
                      {"url", base_url + url_for(lang, Kind::contact_point, cp.id)},
                      {"address", {{"@type", "PostalAddress"}, {"streetAddress", cp.address[lang]}, {"addressCountry", "LV"}}},
                      {"geo", {{"@type", "GeoCoordinates"}, {"latitude", cp.lat}, {"longitude", cp.lon}}}};
    if (!cp.phone.empty()) j["telephone"] = cp.phone;
    if (!cp.email.empty()) j["email"] = cp.email;
    if (cp.step_free)
        j["amenityFeature"] = {{{"@type", "LocationFeatureSpecification"}, {"name", "step-free entrance"}, {"value", true}}};
    if (auto schedule = hours::Schedule::parse(cp.hours)) {
        hours::Calendar cal = c.calendar();
        // A week with no holiday in it stands for the regular pattern; fixed, so
        // the page is the same whenever it is built.
        hours::Date monday{2025, 1, 13};
        ordered_json spec = ordered_json::array();
        for (auto& day : schedule->week(monday, cal))
            for (auto& iv : day.intervals)
                if (iv.state == hours::State::open)
                    spec.push_back({{"@type", "OpeningHoursSpecification"},
                                    {"dayOfWeek", std::string("https://schema.org/") + kDays[int(day.date.weekday())]},
                                    {"opens", hhmm(iv.start)},
                                    {"closes", hhmm(iv.end)}});
        j["openingHoursSpecification"] = spec;
        // The coming holidays this office is closed on, from the years content covers.
        ordered_json special = ordered_json::array();
        for (auto& y : c.holidays)
            for (auto& h : cal.holidays(y.year))
                if (!schedule->day(h.date, cal).opens())
                    special.push_back({{"@type", "OpeningHoursSpecification"},
                                       {"validFrom", h.date.iso()},
                                       {"validThrough", h.date.iso()},
                                       {"opens", "00:00"},
                                       {"closes", "00:00"}});
        if (!special.empty()) j["specialOpeningHoursSpecification"] = special;
    }
    return j.dump();
}

std::string script_element(const std::string& json) {
    // JSON allows \u escapes anywhere in strings, and <, > and & outside strings
    // never occur in it, so escaping them all keeps every text from ending the element.
    std::string safe;
    safe.reserve(json.size());
    for (char ch : json) {
        if (ch == '<') safe += "\\u003c";
        else if (ch == '>') safe += "\\u003e";
        else if (ch == '&') safe += "\\u0026";
        else safe += ch;
    }
    return "<script type=\"application/ld+json\">" + safe + "</script>\n";
}

std::string sitemap(const std::vector<Page>& pages, const std::string& base_url) {
    std::vector<std::pair<std::string, std::string>> entries;  // loc, xml
    for (auto& p : pages) {
        if (p.path == "index.html" || p.path.size() < 11 || p.path.compare(p.path.size() - 10, 10, "index.html") != 0)
            continue;
        std::string loc = "/" + p.path.substr(0, p.path.size() - 10);
        std::string links;
        // The alternates are in <head>, written by shell() in exactly this form.
        static const std::string open = "<link rel=\"alternate\" hreflang=\"";
        size_t head_end = p.html.find("</head>");
        for (size_t at = p.html.find(open); at != std::string::npos && at < head_end; at = p.html.find(open, at + 1)) {
            size_t lang_end = p.html.find('"', at + open.size());
            size_t href = p.html.find("href=\"", lang_end);
            if (lang_end == std::string::npos || href == std::string::npos) break;
            size_t href_end = p.html.find('"', href + 6);
            links += "    <xhtml:link rel=\"alternate\" hreflang=\"" + p.html.substr(at + open.size(), lang_end - at - open.size()) +
                     "\" href=\"" + xml_escape(base_url + p.html.substr(href + 6, href_end - href - 6)) + "\"/>\n";
        }
        entries.emplace_back(loc, "  <url>\n    <loc>" + xml_escape(base_url + loc) + "</loc>\n" + links + "  </url>\n");
    }
    std::sort(entries.begin(), entries.end());
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    for (auto& e : entries) out += e.second;
    return out + "</urlset>\n";
}

}  // namespace pietura::site::structured
