#include "quality/quality.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <regex>
#include <sstream>

#include "geo/geo.hpp"
#include "text/text.hpp"

namespace pietura::quality {

namespace {

using content::Text;
using content::TextList;

// A text left equal to the Latvian was probably never translated. One word
// (an abbreviation, a city's name such as "Daugavpils") may rightly be the same
// in both languages; two or more words rarely are.
bool looks_untranslated(const Text& t) {
    int words = 0;
    for (auto& tok : text::tokenize(t.lv))
        if (!tok.compound && tok.text.size() >= 2) ++words;
    return t.lv == t.en && words >= 2;
}

struct Collector {
    std::vector<Item>& items;

    void add(std::string check, std::string kind, std::string id, std::string field, std::string message,
             bool error = false) {
        items.push_back({std::move(check), std::move(kind), std::move(id), std::move(field), std::move(message), error});
    }
    void error(std::string check, std::string kind, std::string id, std::string field, std::string message) {
        add(std::move(check), std::move(kind), std::move(id), std::move(field), std::move(message), true);
    }

    void text(const std::string& kind, const std::string& id, const std::string& field, const Text& t) {
        if (t.en.find_first_not_of(" \t\n") == std::string::npos && !t.lv.empty())
            add("english", kind, id, field + "/en", "English text is missing");
        else if (looks_untranslated(t))
            add("english", kind, id, field + "/en", "English text is the same as the Latvian: \"" + t.lv.substr(0, 60) + "\"");
    }

    void list(const std::string& kind, const std::string& id, const std::string& field, const TextList& l) {
        if (!l.lv.empty() && l.en.empty())
            add("english", kind, id, field + "/en", "the Latvian list has " + std::to_string(l.lv.size()) +
                                                        " entries, the English one none");
    }
};

void check_english(const content::Content& c, Collector& out) {
    for (auto& i : c.institutions) {
        out.text("institutions", i.id, "/name", i.name);
        out.list("institutions", i.id, "/keywords", i.keywords);
    }
    for (auto& a : c.audiences) {
        out.text("audiences", a.id, "/title", a.title);
        out.text("audiences", a.id, "/summary", a.summary);
    }
    for (auto& s : c.services) {
        out.text("services", s.id, "/title", s.title);
        out.text("services", s.id, "/summary", s.summary);
        out.text("services", s.id, "/body", s.body);
        out.text("services", s.id, "/fee", s.fee);
        out.text("services", s.id, "/time", s.time);
        out.list("services", s.id, "/keywords", s.keywords);
        out.list("services", s.id, "/documents", s.documents);
    }
    for (auto& ls : c.life_situations) {
        out.text("life-situations", ls.id, "/title", ls.title);
        out.text("life-situations", ls.id, "/summary", ls.summary);
        out.list("life-situations", ls.id, "/keywords", ls.keywords);
        for (size_t k = 0; k < ls.steps.size(); ++k) {
            std::string f = "/steps/" + std::to_string(k);
            out.text("life-situations", ls.id, f + "/title", ls.steps[k].title);
            out.text("life-situations", ls.id, f + "/text", ls.steps[k].text);
        }
        for (size_t k = 0; k < ls.questions.size(); ++k)
            out.text("life-situations", ls.id, "/questions/" + std::to_string(k) + "/text", ls.questions[k].text);
    }
    for (auto& t : c.territories) out.text("territories", t.id, "/name", t.name);
    // Addresses are left out: a street address is rightly the same in both languages.
    for (auto& cp : c.contact_points) {
        out.text("contact-points", cp.id, "/name", cp.name);
        if (!cp.accessibility_notes.lv.empty()) out.text("contact-points", cp.id, "/accessibility/notes", cp.accessibility_notes);
    }
}

void check_unreached(const content::Content& c, Collector& out) {
    std::map<std::string, int> reached;
    for (auto& ls : c.life_situations)
        for (auto& st : ls.steps)
            for (auto& id : st.services) ++reached[id];
    for (auto& s : c.services)
        if (!reached.count(s.id))
            out.add("unreached", "services", s.id, "", "no life situation leads to this service (only search finds it)");
}

using text::hhmm;

// Time ranges written in one `;` rule, outside "comments": "Mo-Fr 08:00-17:00,12:00-13:00"
// gives (480,1020), (720,780) — an overlap that usually means a lunch break was
// written as opening time.
std::vector<std::vector<std::pair<int, int>>> rule_ranges(const std::string& spec) {
    std::vector<std::vector<std::pair<int, int>>> rules(1);
    bool quoted = false;
    auto num2 = [&](size_t i) { return std::isdigit((unsigned char)spec[i]) && std::isdigit((unsigned char)spec[i + 1]); };
    for (size_t i = 0; i < spec.size(); ++i) {
        char ch = spec[i];
        if (ch == '"') quoted = !quoted;
        if (quoted) continue;
        if (ch == ';' || (ch == '|' && i + 1 < spec.size() && spec[i + 1] == '|')) {
            rules.emplace_back();
            continue;
        }
        // HH:MM-HH:MM
        if (i + 11 <= spec.size() && num2(i) && spec[i + 2] == ':' && num2(i + 3) && spec[i + 5] == '-' && num2(i + 6) &&
            spec[i + 8] == ':' && num2(i + 9) && (i == 0 || !std::isdigit((unsigned char)spec[i - 1]))) {
            auto at = [&](size_t k) { return (spec[k] - '0') * 600 + (spec[k + 1] - '0') * 60 + (spec[k + 3] - '0') * 10 + (spec[k + 4] - '0'); };
            rules.back().emplace_back(at(i), at(i + 6));
            i += 10;
        }
    }
    return rules;
}

void check_contact_points(const content::Content& c, const Options& opt, Collector& out) {
    hours::Calendar plain;  // the statutory calendar; the checked week holds no holiday
    for (auto& cp : c.contact_points) {
        const std::string k = "contact-points";
        if (cp.hours.find_first_not_of(" \t") == std::string::npos) out.add("contact", k, cp.id, "/hours", "no opening hours");
        if (cp.lat == 0 && cp.lon == 0) out.add("contact", k, cp.id, "/lat", "no coordinates");
        if (cp.phone.empty()) out.add("contact", k, cp.id, "/phone", "no phone number");
        if (cp.email.empty()) out.add("contact", k, cp.id, "/email", "no e-mail address");
        if (cp.hours.empty()) continue;
        hours::ParseError pe;
        auto sched = hours::Schedule::parse(cp.hours, &pe);
        if (!sched) {
            out.add("hours", k, cp.id, "/hours", "cannot be read: " + pe.to_string());
            continue;
        }
        bool opens = false;
        int earliest = 1440, latest = 0;
        for (auto& d : sched->week(opt.week, plain)) {
            for (auto& iv : d.intervals) {
                if (iv.state != hours::State::open) continue;
                opens = true;
                earliest = std::min(earliest, iv.start);
                latest = std::max(latest, iv.end);
            }
        }
        if (!opens) out.add("hours", k, cp.id, "/hours", "never opens in an ordinary week: \"" + cp.hours + "\"");
        else if (earliest < 6 * 60 || latest > 22 * 60)
            out.add("hours", k, cp.id, "/hours", "open from " + hhmm(earliest) + " to " + hhmm(latest) +
                                                    ": unusual for an office; a typo?");
        for (auto& rule : rule_ranges(cp.hours))
            for (size_t a = 0; a < rule.size(); ++a)
                for (size_t b = a + 1; b < rule.size(); ++b)
                    if (rule[a].first < rule[b].second && rule[b].first < rule[a].second)
                        out.add("hours", k, cp.id, "/hours",
                                "ranges " + hhmm(rule[a].first) + "-" + hhmm(rule[a].second) + " and " + hhmm(rule[b].first) +
                                    "-" + hhmm(rule[b].second) + " overlap in one rule (a lunch break written as opening time?)");
    }
}

void check_links(const content::Content& c, Collector& out) {
    for (auto& s : c.services)
        if (!s.channels.eservice.empty())
            if (auto p = link_problem(s.channels.eservice); !p.empty())
                out.add("link", "services", s.id, "/channels/eservice", p);
    for (auto& i : c.institutions)
        if (!i.website.empty())
            if (auto p = link_problem(i.website); !p.empty()) out.add("link", "institutions", i.id, "/website", p);
}

// A contact point that lists an institution under remote_consultation tells people
// they can book that consultation there; the booking only offers it where the
// institution's schedule names the point and the point's hours meet the
// specialists' windows in an ordinary week.
void check_bookable(const content::Content& c, const Options& opt, Collector& out) {
    hours::Calendar plain;
    for (auto& cp : c.contact_points) {
        for (size_t k = 0; k < cp.remote_consultation.size(); ++k) {
            const std::string& inst = cp.remote_consultation[k];
            std::string field = "/remote_consultation/" + std::to_string(k);
            const content::Consultation* sched = nullptr;
            for (auto& con : c.consultations)
                if (con.institution == inst) sched = &con;
            if (!sched) {
                // consultations/ is optional: a catalogue without any booking cannot
                // be held to it, so the claim is only flagged for the editor there.
                if (c.consultations.empty())
                    out.add("bookable", "contact-points", cp.id, field,
                            "advertises " + inst + " remote consultations; this catalogue has no consultations/ to book them");
                else
                    out.error("bookable", "contact-points", cp.id, field,
                              "advertises " + inst + " remote consultations, but there is no consultations/ schedule for " + inst);
                continue;
            }
            if (std::find(sched->contact_points.begin(), sched->contact_points.end(), cp.id) == sched->contact_points.end()) {
                out.error("bookable", "contact-points", cp.id, field,
                          "advertises " + inst + " remote consultations, but the booking does not offer them here (not in consultations/" +
                              sched->id + ".json contact_points)");
                continue;
            }
            auto windows = hours::Schedule::parse(sched->windows);
            auto open = hours::Schedule::parse(cp.hours);
            if (!windows || !open) continue;  // unreadable hours are reported by check_contact_points
            bool meets = false;
            auto wdays = windows->week(opt.week, plain);
            auto odays = open->week(opt.week, plain);
            for (size_t d = 0; d < wdays.size() && !meets; ++d)
                for (auto& a : wdays[d].intervals)
                    for (auto& b : odays[d].intervals)
                        if (a.state == hours::State::open && b.state == hours::State::open &&
                            std::min(a.end, b.end) - std::max(a.start, b.start) >= sched->slot_minutes)
                            meets = true;
            if (!meets)
                out.error("bookable", "contact-points", cp.id, "/hours",
                          "advertises " + inst + " remote consultations, but its hours never meet the specialists' windows (" +
                              sched->windows + "): no slot can be booked");
        }
    }
}

// What a contact point says it can do must be what it can do: a service that
// needs the institution's own office (level 3) is never "received here" at a
// unified centre or a library, and an information-agreement institution's
// service is never "apply here".
void check_support_levels(const content::Content& c, Collector& out) {
    for (auto& s : c.services) {
        const content::Institution* inst = c.institution(s.institution);
        if (s.channels.contact_point && s.contact_point_level != 1)
            out.error("support-level", "services", s.id, "/channels/contact_point",
                      "says people can apply at a contact point, but contact_point_level is " +
                          std::to_string(s.contact_point_level) + " (1 is \"apply here with help\")");
        if (inst && inst->agreement && (s.channels.contact_point || s.contact_point_level == 1))
            out.error("support-level", "services", s.id, "/channels/contact_point",
                      s.institution + " has only an information agreement with the contact points: people cannot apply there");
    }
    for (auto& cp : c.contact_points) {
        if (cp.kind == "institution") continue;  // the institution's own office can do everything it offers
        for (const content::Service* s : c.services_at(cp))
            if (s->contact_point_level == 3)
                out.error("support-level", "contact-points", cp.id, "/services",
                          "offers " + s->id + ", which needs the institution's own office (contact_point_level 3); a " +
                              cp.kind + " contact point can only say where to go");
    }
}

// Every state city and municipality needs somewhere its people can go.
void check_territories(const content::Content& c, Collector& out) {
    std::map<std::string, int> points;
    for (auto& cp : c.contact_points) ++points[cp.territory];
    for (auto& t : c.territories)
        if (!points.count(t.id))
            out.error("territory", "territories", t.id, "",
                      t.kind + " without a contact point: its people are sent to another territory");
}

void check_link_forms(const content::Content& c, Collector& out) {
    for (auto& s : c.services)
        if (!s.channels.eservice.empty() && link_problem(s.channels.eservice).empty())
            if (auto p = link_form_problem(s.channels.eservice, s.channels.eservice_source); !p.empty())
                out.add("link-form", "services", s.id, "/channels/eservice", p);
}

// Issue 14: texts a citizen reads address them neutrally. A warning, not an error:
// the rule is a heuristic, and the editor decides.
void check_gendered(const content::Content& c, Collector& out) {
    auto one = [&](const std::string& kind, const std::string& id, const std::string& field, const std::string& lv) {
        if (auto g = gendered_form(lv); !g.empty())
            out.add("gender", kind, id, field + "/lv", "addresses the reader in the masculine (\"" + g +
                                                          "\"): say it neutrally (\"ja slimojat\", \"paši\")");
    };
    for (auto& s : c.services) {
        one("services", s.id, "/title", s.title.lv);
        one("services", s.id, "/summary", s.summary.lv);
        one("services", s.id, "/body", s.body.lv);
        one("services", s.id, "/fee", s.fee.lv);
    }
    for (auto& ls : c.life_situations) {
        one("life-situations", ls.id, "/summary", ls.summary.lv);
        for (size_t k = 0; k < ls.steps.size(); ++k) {
            one("life-situations", ls.id, "/steps/" + std::to_string(k) + "/title", ls.steps[k].title.lv);
            one("life-situations", ls.id, "/steps/" + std::to_string(k) + "/text", ls.steps[k].text.lv);
        }
        for (size_t k = 0; k < ls.questions.size(); ++k)
            one("life-situations", ls.id, "/questions/" + std::to_string(k) + "/text", ls.questions[k].text.lv);
    }
}

// A working Saturday without the day it replaces keeps the schedule's Saturday
// hours (usually closed); a year without its transfer order says so.
void check_holidays(const content::Content& c, Collector& out) {
    for (auto& y : c.holidays) {
        std::string id = std::to_string(y.year);
        for (size_t k = 0; k < y.transfers.size(); ++k) {
            auto& t = y.transfers[k];
            if (t.kind != "working-day") continue;
            std::string field = "/transfers/" + std::to_string(k);
            if (t.replaces.empty()) {
                out.add("holidays", "holidays", id, field + "/replaces",
                        t.date + " is a working day but does not name the day it replaces: offices will show their Saturday hours");
                continue;
            }
            bool paired = false;
            for (auto& o : y.transfers) paired = paired || (o.kind == "day-off" && o.date == t.replaces);
            if (!paired)
                out.error("holidays", "holidays", id, field + "/replaces",
                          t.date + " replaces " + t.replaces + ", which is not a day-off transfer of " + id);
        }
        if (!y.transfers_published && !y.transfers.empty())
            out.error("holidays", "holidays", id, "/transfers_published",
                      "says the transfer order is not published, yet lists transfers");
    }
}

void check_bus_stops(const content::Content& c, const std::vector<import::BusStop>& stops, const Options& opt,
                     Collector& out) {
    for (auto& cp : c.contact_points) {
        double best = 0;
        const import::BusStop* near = content::nearest_stop(stops, {cp.lat, cp.lon}, &best);
        if (near && best > content::kStopCoverageM)
            out.add("bus-stop", "contact-points", cp.id, "/lat",
                    "no bus stop within " + std::to_string(std::lround(content::kStopCoverageM / 1000)) +
                        " km in bus-stops/stops.txt (the nearest, " + near->name + ", is " +
                        std::to_string(std::lround(best / 1000)) +
                        " km away): the file does not cover this place, so its pages name no bus stop");
        else if (near && best > opt.bus_stop_m)
            out.add("bus-stop", "contact-points", cp.id, "/lat",
                    std::to_string(std::lround(best)) + " m from the nearest bus stop (" + near->name +
                        "); more than " + std::to_string(std::lround(opt.bus_stop_m)) + " m is over 10 minutes' walk");
    }
}

// Sorts a territory's settlements farthest first and fills in the shares and figures.
void summarise(Coverage& cov) {
    auto& ps = cov.places;
    cov.settlements = int(ps.size());
    std::sort(ps.begin(), ps.end(), [](auto& a, auto& b) { return a.km != b.km ? a.km > b.km : a.place < b.place; });
    if (ps.empty()) return;
    auto share = [&](double km) {
        return std::round(1000.0 * double(std::count_if(ps.begin(), ps.end(), [&](auto& s) { return s.km <= km; })) /
                          double(ps.size())) / 1000;
    };
    cov.within_5 = share(5), cov.within_10 = share(10), cov.within_20 = share(20);
    cov.max_km = ps.front().km;
    size_t n = ps.size();
    cov.median_km = n % 2 ? ps[n / 2].km : std::round((ps[n / 2 - 1].km + ps[n / 2].km) * 5) / 10;
}

// Per territory, and `overall` for the whole country.
std::vector<Coverage> coverage(const content::Content& c, Coverage& overall) {
    std::map<std::string, Coverage> by;
    for (auto& t : c.territories) by[t.id].territory = t.id;
    overall.territory = "";
    for (auto& p : c.places) {
        auto near = geo::nearest(c.contact_points, {p.lat, p.lon},
                                 [](const content::ContactPoint& cp) { return geo::Point{cp.lat, cp.lon}; });
        if (!near) continue;  // no contact points at all: nothing to measure
        SettlementDistance sd{p.id, p.name, near.item->id, std::round(near.m / 1000 * 10) / 10};
        auto& cov = by[p.territory];
        cov.territory = p.territory;
        cov.places.push_back(sd);
        overall.places.push_back(sd);
    }
    summarise(overall);
    std::vector<Coverage> out;
    for (auto& [id, cov] : by) {
        summarise(cov);
        out.push_back(std::move(cov));
    }
    return out;
}

std::string pct(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

std::string km1(double km) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", km);
    return buf;
}

}  // namespace

std::string link_problem(const std::string& url) {
    if (url.rfind("https://", 0) != 0) return "\"" + url + "\" does not start with https://";
    for (unsigned char ch : url)
        if (ch <= ' ' || ch == 0x7f) return "\"" + url + "\" contains a space or a control character";
    std::string rest = url.substr(8);
    std::string host = rest.substr(0, rest.find_first_of("/?#"));
    if (auto colon = host.find(':'); colon != std::string::npos) {
        std::string port = host.substr(colon + 1);
        host.resize(colon);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos)
            return "\"" + url + "\" has a malformed port";
    }
    if (host.empty()) return "\"" + url + "\" has no host name";
    if (host.find('.') == std::string::npos) return "host \"" + host + "\" has no domain (e.g. .lv)";
    size_t start = 0;
    while (start <= host.size()) {
        size_t dot = host.find('.', start);
        std::string label = host.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
            label.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != std::string::npos)
            return "host \"" + host + "\" is not a valid host name";
        if (dot == std::string::npos) {
            if (label.find_first_of("0123456789-") != std::string::npos || label.size() < 2)
                return "host \"" + host + "\" does not end in a top-level domain";
            break;
        }
        start = dot + 1;
    }
    // Percent escapes must be complete ("%2" is a truncated copy-paste).
    for (size_t i = 0; i < url.size(); ++i)
        if (url[i] == '%' && (i + 2 >= url.size() || !std::isxdigit((unsigned char)url[i + 1]) ||
                              !std::isxdigit((unsigned char)url[i + 2])))
            return "\"" + url + "\" has a broken %-escape";
    return "";
}

std::string link_form_problem(const std::string& url, const std::string& source) {
    if (url.rfind("https://", 0) != 0) return link_problem(url);
    std::string rest = url.substr(8);
    size_t cut = rest.find_first_of("/?#");
    std::string host = rest.substr(0, cut);
    for (auto& ch : host) ch = char(std::tolower((unsigned char)ch));
    std::string path = cut == std::string::npos ? "" : rest.substr(cut);
    if (!path.empty() && path.back() == '/') path.pop_back();
    bool portal = host == "www.latvija.gov.lv" || host == "latvija.gov.lv" || host == "www.latvija.lv" || host == "latvija.lv";
    if (portal) {
        static const std::regex forms(R"(^(/(lv|en))?(/Epakalpojumi/EP[0-9]+(/(Apraksts|Instrukcija))?)?$)");
        if (std::regex_match(path, forms)) return "";
        return "\"" + url + "\" is not a form Latvija.gov.lv uses for e-services (/Epakalpojumi/EP<number>); "
               "link the portal or the institution's page instead of a guessed address";
    }
    if (path.empty()) return "";  // a site's home page
    if (source.find_first_not_of(" \t") == std::string::npos)
        return "\"" + url + "\" is a page deep in " + host + " and its eservice_source is not recorded: "
               "say where the link came from, or link the site's home page";
    return "";
}

std::string gendered_form(const std::string& lv) {
    // text::tokenize's words, folded (lower case, no diacritics: "Esat" is "esat", "š"
    // is "s"), without the joined forms of hyphenated words; the phrase reported is the
    // original text between the words' byte spans.
    std::vector<text::Token> w;
    for (auto& t : text::tokenize(lv))
        if (!t.compound) w.push_back(std::move(t));
    auto phrase = [&](std::size_t from, std::size_t to) { return lv.substr(w[from].begin, w[to].end - w[from].begin); };
    for (std::size_t i = 0; i < w.size(); ++i) {
        const std::string& word = w[i].text;
        if ((word == "esat" || word == "neesat") && i + 1 < w.size()) {
            const std::string& next = w[i + 1].text;
            if (next.size() > 2 && next.ends_with("s") && next != "jus" && next != "vairs") return phrase(i, i + 1);
        }
        if (word == "pats" || word == "pati")
            for (std::size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
                if (w[k].text.ends_with("at") || w[k].text.ends_with("aties"))
                    return phrase(k, k) + " … " + phrase(i, i);
    }
    return "";
}

Report check(const content::Content& c, const std::vector<import::BusStop>& stops, const Options& options) {
    Report r;
    Collector col{r.items};
    check_english(c, col);
    check_unreached(c, col);
    check_contact_points(c, options, col);
    check_links(c, col);
    check_link_forms(c, col);
    check_gendered(c, col);
    check_bookable(c, options, col);
    check_support_levels(c, col);
    check_territories(c, col);
    check_holidays(c, col);
    r.bus_stops = int(stops.size());
    r.bus_stops_checked = !stops.empty();
    if (r.bus_stops_checked) check_bus_stops(c, stops, options, col);
    r.duplicates = find_duplicates(c, options.duplicate_threshold);
    r.coverage = coverage(c, r.overall);
    return r;
}

size_t Report::errors() const {
    return size_t(std::count_if(items.begin(), items.end(), [](const Item& i) { return i.error; }));
}

nlohmann::ordered_json Report::to_json() const {
    nlohmann::ordered_json j;
    std::map<std::string, int> counts;
    size_t errors = 0;
    for (auto& i : items) ++counts[i.check], errors += i.error;
    j["summary"] = {{"items", items.size()}, {"errors", errors}, {"by_check", counts}, {"duplicate_groups", duplicates.size()},
                    {"bus_stops", bus_stops}, {"bus_stops_checked", bus_stops_checked}};
    j["items"] = nlohmann::ordered_json::array();
    for (auto& i : items)
        j["items"].push_back({{"check", i.check}, {"severity", i.error ? "error" : "warning"}, {"kind", i.kind},
                              {"id", i.id}, {"field", i.field}, {"message", i.message}});
    j["duplicates"] = nlohmann::ordered_json::array();
    for (auto& g : duplicates) {
        nlohmann::ordered_json others = nlohmann::ordered_json::array();
        for (auto& m : g.others) others.push_back({{"id", m.id}, {"score", m.score}});
        j["duplicates"].push_back({{"canonical", g.canonical}, {"others", others}});
    }
    j["coverage_overall"] = {{"settlements", overall.settlements}, {"within_5km", overall.within_5},
                             {"within_10km", overall.within_10}, {"within_20km", overall.within_20},
                             {"median_km", overall.median_km}, {"max_km", overall.max_km}};
    j["coverage"] = nlohmann::ordered_json::array();
    for (auto& cv : coverage) {
        nlohmann::ordered_json ps = nlohmann::ordered_json::array();
        for (auto& p : cv.places)
            ps.push_back({{"place", p.place}, {"name", p.name}, {"nearest", p.nearest}, {"km", p.km}});
        j["coverage"].push_back({{"territory", cv.territory}, {"settlements", cv.settlements},
                                 {"within_5km", cv.within_5}, {"within_10km", cv.within_10},
                                 {"within_20km", cv.within_20}, {"median_km", cv.median_km},
                                 {"max_km", cv.max_km}, {"places", ps}});
    }
    return j;
}

std::string Report::to_text() const {
    std::ostringstream o;
    std::map<std::string, std::vector<const Item*>> by;
    for (auto& i : items) by[i.check].push_back(&i);
    static const std::vector<std::pair<std::string, std::string>> titles = {
        {"english", "English texts missing or equal to the Latvian"},
        {"unreached", "Services no life situation reaches"},
        {"contact", "Contact points with missing details"},
        {"hours", "Opening hours that never open or look odd"},
        {"link", "Links that are not well-formed"},
        {"bus-stop", "Contact points far from a bus stop"},
        {"bookable", "Advertised remote consultations the booking does not offer"},
        {"support-level", "Services offered where they cannot be received"},
        {"territory", "Territories without a contact point"},
        {"link-form", "Links in a form their site does not use, or of unrecorded origin"},
        {"holidays", "Holiday and working-day transfer facts"}};
    for (auto& [key, title] : titles) {
        auto it = by.find(key);
        o << "== " << title << ": " << (it == by.end() ? 0 : it->second.size()) << "\n";
        if (it == by.end()) continue;
        for (auto* i : it->second)
            o << "  " << (i->error ? "error: " : "") << i->kind << "/" << i->id << (i->field.empty() ? "" : " " + i->field)
              << ": " << i->message << "\n";
    }
    if (!bus_stops_checked) o << "  (no bus stops in the content: distances to bus stops not checked)\n";
    o << "== Probable duplicate services: " << duplicates.size() << " group(s)\n";
    for (auto& g : duplicates) {
        o << "  keep " << g.canonical << "\n";
        for (auto& m : g.others) o << "    " << std::lround(m.score * 100) << "% alike: " << m.id << "\n";
    }
    o << "== Coverage: settlements' distance to the nearest contact point\n";
    o << "  territory                       places  ≤5km  ≤10km  ≤20km  median   max  farthest\n";
    std::vector<const Coverage*> rows;
    for (auto& cv : coverage) rows.push_back(&cv);
    rows.push_back(&overall);
    for (auto* cv : rows) {
        if (!cv->settlements) continue;
        char buf[256];
        std::snprintf(buf, sizeof buf, "  %-30s %7d %5s %6s %6s %6s km %5s  %s\n",
                      cv == &overall ? "all territories" : cv->territory.c_str(), cv->settlements,
                      pct(cv->within_5).c_str(), pct(cv->within_10).c_str(), pct(cv->within_20).c_str(),
                      km1(cv->median_km).c_str(), km1(cv->max_km).c_str(), cv->places.front().name.c_str());
        o << buf;
    }
    return o.str();
}

}  // namespace pietura::quality
