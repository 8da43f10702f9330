// urls/urls.hpp — page addresses: the one place they are made.
//
// The site renders pages at these addresses, the snapshot stores them with every
// search document and contact point so the browser links to the same pages, and
// the server redirects to them. They sit in their own small module, free of the
// renderer, so that snapshot/ (and the wasm core) can name a page without
// depending on site/, which itself reads the snapshot's booking offers.
// Ids are published in addresses, so these never change.
#pragma once

#include <string>
#include <string_view>

#include "i18n/lang.hpp"

namespace pietura::urls {

enum class Kind {
    home,
    situations, situation,
    services, service,
    contact_points, contact_point,
    audiences, audience,
    search,         // the search page, which is the A–Z index without JavaScript
    az_letter,      // one letter of the A–Z index, when it is split (id: "a", "ch", "0-9")
    institution,    // one institution's services, when the services list is split (id: institution id)
    territory,      // contact points nearest to one municipality (id: territory id)
    accessibility,  // the accessibility statement
    settings,       // text size, contrast and shared-computer mode for this PC
    consultation,   // booking a remote consultation (site/booking.cpp)
};

// Site-absolute URL of a page, always ending in "/": url_for(lv, service, "x") →
// "/lv/pakalpojumi/x/". `id` is ignored for kinds that are a single page (home,
// lists, search).
std::string url_for(Lang lang, Kind kind, std::string_view id = {});

// Where the page for `url` is written inside dist/ ("/lv/x/" → "lv/x/index.html").
std::string path_for(std::string_view url);

}  // namespace pietura::urls
