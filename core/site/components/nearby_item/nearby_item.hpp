// site/components/nearby_item — one contact point in a "nearest" list: what a
// citizen decides by, in one glance (name, distance, open now, hours, address,
// phone, e-mail, step-free access, remote consultations, services, bus stop, map).
//
//   NearbyCard card = components::nearby_card(content, cp, Lang::lv, distance_m);  // static pages
//   h += components::nearby_item(strings, Lang::lv, card);                         // <li class="nearby">…</li>
//
// One implementation wherever the card appears: the municipality pages (built by
// `pietura build`) and the finder's answers in the browser, where wasm/bindings.cpp
// fills a NearbyCard from the snapshot's nearest() and calls this same function with
// the labels the finder carries (data-card-strings: the keys of nearby_item_keys()).
// Rows with no data are left out, never shown empty. The open-now line carries
// data-open-status, so app.js keeps it current each minute.
#pragma once

#include <string>
#include <vector>

#include "content/content.hpp"
#include "site/site.hpp"

namespace pietura::site::components {

struct NearbyCard {
    std::string id, name, url;
    std::string distance;            // "1,2 km"; "" when the list is not by distance
    std::string status_text, status_state;  // open now, when known; else app.js fills it
    std::string hours;               // the weekly pattern in whole words (Schedule::describe_in_words), "" when unknown
    std::string address, phone, email;
    bool step_free = false;
    std::vector<std::string> remote;  // abbreviations of institutions offering video consultations (any order)
    int services = -1;                // services accepted here; < 0: not shown
    std::string bus_stop, bus_stop_distance;
    double lat = 0, lon = 0;
};

std::string nearby_item(const Strings& s, Lang lang, const NearbyCard& card);

// The card of a content contact point; `distance_m` < 0 when not listed by distance.
NearbyCard nearby_card(const content::Content& c, const content::ContactPoint& cp, Lang lang, double distance_m);

// The UI string keys nearby_item() reads, for pages that hand them to the browser.
const std::vector<std::string>& nearby_item_keys();

}  // namespace pietura::site::components
