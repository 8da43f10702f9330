// quality/quality.hpp — the content editors' quality report (`pietura check`, the studio).
//
// What `Content::load` accepts is valid; this says what is valid but probably
// wrong or missing: English texts missing or left equal to the Latvian, services no
// life situation leads to, contact points without hours or coordinates, hours that
// never open or whose ranges overlap, e-service links that are not well-formed
// addresses, probable duplicate services (the national catalogue's unified
// municipal template *and* each municipality's own card), contact points farther
// than 700 m from a bus stop (or with none within 5 km: the stops file does not
// cover them), and, for each territory, how far its settlements are
// from the nearest contact point. Errors (Item::error) are what would send a citizen
// the wrong way: a contact point advertising a consultation the booking does not
// offer, a service that needs the institution's own office offered at a unified
// centre or library, a state city or municipality without any contact point; and
// e-service links in a form their site does not use are reported.
//
// It works on loaded `content::Content` (plus the bus stops the caller read), is
// deterministic (same content, same report), and never fails: odd data becomes an
// item in the report. It does not load files, fetch links (only their syntax is
// checked), or change content; `to_json()` is the shape `check --json` prints and
// the studio reads.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/content.hpp"
#include "hours/hours.hpp"
#include "import/import.hpp"

namespace pietura::quality {

// One finding about one entity. `check` is a stable key editors can filter on.
struct Item {
    std::string check;    // "english", "unreached", "contact", "hours", "link", "bus-stop",
                          // "bookable", "support-level", "territory", "link-form", "holidays"
    std::string kind;     // entity kind folder: "services", "contact-points", ...
    std::string id;       // entity id
    std::string field;    // JSON path of the field, e.g. "/title/en" (may be empty)
    std::string message;  // for people
    // An error sends a citizen the wrong way (a consultation that cannot be booked,
    // a passport "received here" at a library, a town with nowhere to go):
    // `pietura check` exits 1. Everything else is a warning to look at.
    bool error = false;
};

// Services that are probably the same service written twice.
struct DuplicateGroup {
    std::string canonical;  // the one to keep: most life-situation links, then most popular
    struct Member {
        std::string id;
        double score = 0;  // similarity to the canonical, 0..1
    };
    std::vector<Member> others;  // most similar first
};

struct SettlementDistance {
    std::string place, name;
    std::string nearest;  // contact point id
    double km = 0;
};

struct Coverage {
    std::string territory;
    int settlements = 0;
    double within_5 = 0, within_10 = 0, within_20 = 0;  // shares 0..1
    double median_km = 0, max_km = 0;
    std::vector<SettlementDistance> places;  // farthest first
};

struct Options {
    double duplicate_threshold = 0.75;  // similarity from which two services are reported
    double bus_stop_m = 700;            // "within 10 minutes' walk" of the background study
    // The first day of the week the hours checks look at (holidays of that week are
    // ignored: a week that never opens is about the weekly pattern).
    hours::Date week{2026, 1, 12};
};

struct Report {
    std::vector<Item> items;
    std::vector<DuplicateGroup> duplicates;
    std::vector<Coverage> coverage;  // by territory id
    Coverage overall;                // every settlement of the content (territory "")
    bool bus_stops_checked = false;  // false when there were no bus stops to check against
    int bus_stops = 0;

    size_t errors() const;  // items with Item::error
    nlohmann::ordered_json to_json() const;
    std::string to_text() const;  // the `check` report for a terminal
};

Report check(const content::Content& c, const std::vector<import::BusStop>& stops, const Options& options = {});

// Similarity of two services' Latvian title and body, 0..1, after dropping words
// that name territories and settlements (so "Sociālais pabalsts (Cēsu novads)" and
// "Sociālais pabalsts" compare equal); `place_words` is from place_words().
double service_similarity(const content::Service& a, const content::Service& b,
                          const std::vector<std::string>& place_words);
std::vector<std::string> place_words(const content::Content& c);

// Duplicate groups alone (also used by check()).
std::vector<DuplicateGroup> find_duplicates(const content::Content& c, double threshold);

// Whether a link has a form its site really uses. Latvija.gov.lv and the old
// latvija.lv address e-services only as /Epakalpojumi/EP<number>[/Apraksts|/Instrukcija]
// (optionally under /lv or /en) or the portal's home; any other site's home page
// is always fine; a deeper page of another site is fine when the editor recorded
// where the link came from (`source` non-empty). "" when fine, else why not.
std::string link_form_problem(const std::string& url, const std::string& source);

// Issue 14: a Latvian text that addresses the reader in the masculine ("ja esat
// slims", "izdarīt pats") where a neutral form exists ("ja slimojat", "paši"). Returns
// the first such phrase, "" when there is none. A heuristic for the editor's eye: the
// word after "esat" ending in -s/-š, or "pats"/"pati" within three words of a verb in
// the second person plural (…at, …āt, …aties).
std::string gendered_form(const std::string& lv);

// Syntax of an https:// link: scheme, a host of labels with a dot and a letter TLD,
// no spaces or control characters. "" when fine, else why not.
std::string link_problem(const std::string& url);

}  // namespace pietura::quality
