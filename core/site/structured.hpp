// site/structured.hpp — what machines read about the site: schema.org JSON-LD for
// service and contact-point pages, and sitemap.xml with hreflang alternates.
// Internal to site/; render.cpp places the results in pages.
#pragma once

#include <string>
#include <vector>

#include "content/content.hpp"
#include "i18n/lang.hpp"
#include "site/site.hpp"

namespace pietura::site::structured {

// schema.org GovernmentService, provided by the institution, offered online and at
// contact points. `base_url` makes page addresses absolute ("https://host").
std::string government_service(const content::Content& c, const content::Service& s, Lang lang,
                               const std::string& base_url);

// schema.org GovernmentOffice with address, position, phone, e-mail and the weekly
// hours as openingHoursSpecification (public holidays as closed special days).
std::string government_office(const content::Content& c, const content::ContactPoint& cp, Lang lang,
                               const std::string& base_url);

// A <script type="application/ld+json"> element; <, > and & are written as \u
// escapes so no text in the data can end the element early.
std::string script_element(const std::string& json);

// sitemap.xml for every HTML page, with the language alternates each page declares
// in its <link rel="alternate" hreflang> elements.
std::string sitemap(const std::vector<Page>& pages, const std::string& base_url);

}  // namespace pietura::site::structured
