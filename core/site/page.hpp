// site/page.hpp — what the page files of site/ share (internal to site/).
//
// A page is made by one function in site/pages/<type>.cpp from a Ctx (the content,
// the UI strings, the options and the page's language) and wrapped by the frame
// (site/frame.cpp: head, header, bars, breadcrumbs, footer). Pieces used by more
// than one page live here; pieces with markup of their own and a life outside one
// page type are components (site/components/<name>/).
//
// Rendering is reentrant: nothing here is global. The sort keys of content titles
// are cached in a SortKeys that render() owns for one call and hands to every page
// through Ctx; without one (frame() for the server's pages, tests) keys are
// computed on each use.
#pragma once

#include <algorithm>
#include <string>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "site/collate.hpp"
#include "site/html.hpp"
#include "site/site.hpp"

namespace pietura::site::internal {

using html::esc;
// The content types every page file names (this namespace is site/'s own).
using content::Audience;
using content::ContactPoint;
using content::Institution;
using content::LifeSituation;
using content::Service;
using content::Step;
using content::Territory;

// Sort keys of content titles, computed once per render: a contact point page sorts
// every service it accepts, and thousands of pages would otherwise recompute them.
// Keyed by the title's address, which is stable while render() holds the content.
class SortKeys {
public:
    const std::vector<int>& get(Lang lang, const std::string& title);

private:
    std::unordered_map<const std::string*, std::vector<int>> by_lang_[2];
};

struct Ctx {
    const content::Content& c;
    const Strings& s;
    const Options& o;
    Lang lang;
    SortKeys* keys = nullptr;  // render()'s cache; nullptr: compute each time

    const std::string& t(const std::string& key) const { return s.get(lang, key); }
    std::string e(const std::string& key) const { return esc(t(key)); }
    std::string f(const std::string& key, const std::vector<std::pair<std::string, std::string>>& v) const {
        return esc(s.format(lang, key, v));
    }
    std::string url(Kind k, std::string_view id = {}) const { return url_for(lang, k, id); }
};

struct Crumb {
    std::string label, url;
};

struct PageSpec {
    Kind kind = Kind::home;
    std::string id;
    std::string title;        // plain text: the <h1> and the start of <title>
    std::string description;  // plain text, may be empty
    std::vector<Crumb> crumbs;  // ancestors below Home; the page itself is added last
    std::string json_ld = {};   // schema.org data for the page, "" for none
    std::string above_title = {};  // HTML above the <h1> (a question page's back link and step count)
    // The same page in the other language, when it is not the same kind and id there
    // (an A–Z letter the other alphabet does not have): "" for url_for(other, kind, id).
    std::string other_lang_url = {};
};

// The whole page around `main_html` (site/frame.cpp).
std::string shell(const Ctx& x, const PageSpec& p, const std::string& main_html);
// The page of `p`, written where its URL says.
Page page(const Ctx& x, const PageSpec& p, const std::string& main_html);

std::string link(const std::string& url, const std::string& text_html, const std::string& attrs = "");

// --- ordering ------------------------------------------------------------------------

// Items ordered by title in the page's language, the id as a tie-break.
template <class T, class TitleFn>
std::vector<const T*> by_title(const Ctx& x, const std::vector<const T*>& items, TitleFn title) {
    SortKeys local;
    SortKeys& keys = x.keys ? *x.keys : local;
    std::vector<std::pair<const std::vector<int>*, const T*>> keyed;
    keyed.reserve(items.size());
    for (const T* it : items) keyed.emplace_back(&keys.get(x.lang, title(*it)), it);
    std::sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) {
        if (*a.first != *b.first) return *a.first < *b.first;
        return a.second->id < b.second->id;
    });
    std::vector<const T*> out;
    for (auto& k : keyed) out.push_back(k.second);
    return out;
}

template <class T>
std::vector<const T*> all(const std::vector<T>& v) {
    std::vector<const T*> out;
    for (auto& x : v) out.push_back(&x);
    return out;
}

template <class T>
std::vector<const T*> sorted(const Ctx& x, const std::vector<T>& v) {
    return by_title(x, all(v), [&x](const T& it) -> const std::string& { return it.title[x.lang]; });
}

bool contains(const std::vector<std::string>& v, const std::string& x);
std::vector<const content::Service*> by_popularity(std::vector<const content::Service*> list);

// --- lists ---------------------------------------------------------------------------

// A list of things with a one-line summary each: the shape of most list pages.
struct Entry {
    std::string url, title, summary, meta_html;
};
std::string card_list(const std::vector<Entry>& entries, const std::string& cls = "cards");
Entry entry(const Ctx& x, const content::Service& s);
Entry entry(const Ctx& x, const content::LifeSituation& ls);

// A list page in groups (services by institution, contact points by territory),
// with jump links because a phone user should not scroll past 40 groups.
struct Group {
    std::string anchor, heading;
    std::vector<Entry> entries;
};
std::string grouped(const Ctx& x, const std::vector<Group>& groups, const std::string& nav_label_key);

std::string link_list(const std::vector<std::pair<std::string, std::string>>& url_and_text_html,
                      const std::string& cls = "links");
std::string empty_note(const Ctx& x);

// --- small pieces -------------------------------------------------------------------

std::string inst_abbr(const Ctx& x, const std::string& inst_id);
std::string territory_name(const Ctx& x, const std::string& id);
std::string audience_links(const Ctx& x, const std::vector<std::string>& ids);
std::string channels(const Ctx& x, const content::Service& s);
std::string documents(const Ctx& x, const content::Service& s);

// --- the page types (site/pages/*.cpp) -------------------------------------------------

Page home(const Ctx& x);
Page situation(const Ctx& x, const content::LifeSituation& ls);
Page service(const Ctx& x, const content::Service& s, int n_contact_points);
Page contact_point(const Ctx& x, const content::ContactPoint& cp);
Page territory_page(const Ctx& x, const content::Territory& t);
Page audience(const Ctx& x, const content::Audience& a);
Page audiences_list(const Ctx& x);
Page situations_list(const Ctx& x);
Page services_list(const Ctx& x);
Page contact_points_list(const Ctx& x);
// Past kServicesOnePage services (the national catalogue) the services list names the
// institutions, and each institution's services are a page of their own: the one list
// was 1.3 MB of HTML there (site/pages/lists.cpp).
constexpr std::size_t kServicesOnePage = 600;
// With the list split, an audience page shows its kAudienceOnePage most requested
// services and, for the rest, links to their institutions' pages with a count.
constexpr std::size_t kAudienceOnePage = 40;
bool services_split(const content::Content& c);
// Where "all services of this institution" are: its group on the services list, or its
// own page when the list is split.
std::string institution_services_url(const Ctx& x, const std::string& institution_id);
// The institution's page, when the list is split and the institution has services.
std::optional<Page> institution_page(const Ctx& x, const Institution& i);
Page search_page(const Ctx& x);
// The A–Z index one page per first letter, when the catalogue is too big for one
// (site/pages/search.cpp); none otherwise. One of them by its id, for the page pack.
std::vector<Page> az_letter_pages(const Ctx& x);
std::optional<Page> az_letter_page(const Ctx& x, std::string_view id);
Page accessibility_page(const Ctx& x);
Page settings_page(const Ctx& x);
Page root(const Strings& s, const Options& o);

}  // namespace pietura::site::internal
