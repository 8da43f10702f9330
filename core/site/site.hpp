// site/site.hpp — the pre-rendered static site: every page in both languages.
//
// `render()` turns checked content plus the UI strings of i18n/lv.json and
// i18n/en.json into complete HTML pages (home, life situations as step-by-step
// guides, services, contact points, audiences, lists and the A–Z index). Every
// page works without JavaScript; web/assets/app.js only enhances it (search as
// you type through the wasm core, instant filtering of steps), reading the
// strings it needs from data- attributes so no text is ever hard-coded in JS.
// `url_for()` is the one place page addresses are made, shared with the snapshot
// so search results link to the same stable URLs.
//
// It does no file I/O except `Strings::load`: `pietura build` writes the pages
// and copies web/ into dist/. Output is deterministic (no timestamps, stable
// order), so rebuilding unchanged content gives byte-identical pages.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/content.hpp"
#include "i18n/lang.hpp"

namespace pietura::site {

// UI strings, one flat key → text map per language. Both files must have the same
// keys: a string that exists in one language only would show up as a hole on a page.
class Strings {
public:
    // Throws std::runtime_error listing every problem as "file:line:column: message"
    // (bad JSON, a value that is not a string, a key missing in one language).
    static Strings load(const std::filesystem::path& i18n_dir);

    // Throws std::runtime_error on an unknown key: a missing UI string is a bug.
    const std::string& get(Lang lang, const std::string& key) const;

    // get() with "{name}" placeholders replaced by the given values.
    std::string format(Lang lang, const std::string& key,
                       const std::vector<std::pair<std::string, std::string>>& values) const;

    std::vector<std::string> keys(Lang lang) const;  // sorted

    // For tests and tools that build strings in code; no key-set check.
    static Strings from_maps(std::map<std::string, std::string> lv, std::map<std::string, std::string> en);

private:
    std::map<std::string, std::string> lv_, en_;
};

struct Options {
    std::string content_version;  // shown in the footer and in a <meta> for the service worker
    bool with_wasm = true;        // false: no <script> at all, pages stay fully static
    std::string base_url = "http://localhost:8080";  // absolute addresses in sitemap.xml and JSON-LD
};

struct Page {
    std::string path;  // relative to dist/, e.g. "lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html"
    std::string html;
};

// Throws std::runtime_error only when a UI string is missing; content must already
// be free of errors (unknown references are skipped, never crash).
std::vector<Page> render(const content::Content& c, const Strings& s, const Options& o);

enum class Kind {
    home,
    situations, situation,
    services, service,
    contact_points, contact_point,
    audiences, audience,
    search,  // the search page, which is the A–Z index without JavaScript
    territory,  // contact points nearest to one municipality (id: territory id)
    accessibility,  // the accessibility statement
    settings,       // text size, contrast and shared-computer mode for this PC
};

// Site-absolute URL of a page, always ending in "/": url_for(lv, service, "x") →
// "/lv/pakalpojumi/x/". Ids are published in addresses, so these never change.
// `id` is ignored for kinds that are a single page (home, lists, search).
std::string url_for(Lang lang, Kind kind, std::string_view id = {});

// Where the page for `url` is written inside dist/ ("/lv/x/" → "lv/x/index.html").
std::string path_for(std::string_view url);

// Text → HTML that shows exactly that text; safe in element content and in
// attribute values quoted with " or '.
std::string escape_html(std::string_view text);

}  // namespace pietura::site
