// site/components/finder — "find the nearest contact point" on the contact points page.
//
//   m += components::finder(strings, Lang::lv, content);
//
// A place box (the snapshot's gazetteer, with suggestions), "Use my location" (asks
// only on the press), and filters: a service, an institution's remote consultation,
// open now, on Saturdays, after 17:00, step-free. It needs the wasm core, so without
// JavaScript nojs.css hides it and the municipality list does the job; with
// JavaScript it is there from the first paint and enabled once the core arrives.
// The answers are nearby_item cards that the core renders in the browser
// (cat.nearestCards), with the labels this section carries in data-card-strings;
// the status messages are its data- attributes. The status line is a polite live region.
#pragma once

#include <string>

#include "content/content.hpp"
#include "site/site.hpp"

namespace pietura::site::components {

std::string finder(const Strings& s, Lang lang, const content::Content& c);

}  // namespace pietura::site::components
