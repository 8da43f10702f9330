// site/site.hpp — the pre-rendered static site: every page in both languages.
//
// `render()` turns checked content plus the UI strings of i18n/lv.json and
// i18n/en.json into complete HTML pages (home, life situations as step-by-step
// guides, services, contact points, audiences, lists and the A–Z index). Every
// page works without JavaScript; web/assets/app.js only enhances it (search as
// you type through the wasm core, instant filtering of steps), reading the
// strings it needs from data- attributes so no text is ever hard-coded in JS.
// `url_for()` is the one place page addresses are made, shared with the snapshot
// so search results link to the same stable URLs. Inside: site/frame.cpp (the frame),
// site/pages/<type>.cpp (one file a page type), site/components/<name>/ (markup,
// styles, script and notes of one component each), site/render.cpp (all pages).
// render() is reentrant: what it caches lives in the call. `pack()` and `Pages`
// (site/pages_pack.cpp, issue 13) carry the content and strings to the browser as one
// file and render any single page from it there, byte for byte as render() does.
//
// It does no file I/O except `Strings::load`: `pietura build` writes the pages
// and copies web/ into dist/. Output is deterministic (no timestamps, stable
// order), so rebuilding unchanged content gives byte-identical pages.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "booking/booking.hpp"
#include "content/content.hpp"
#include "hours/hours.hpp"
#include "i18n/lang.hpp"
#include "rating/rating.hpp"
#include "urls/urls.hpp"

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
    rating::Summary ratings;      // published figures (`pietura build --ratings`); averages from 5 ratings
    // A page the server renders for a PC in shared-computer mode (the pietura_shared
    // cookie): the shared bar shows without JavaScript. Static pages never set it.
    bool shared_pc = false;
    // The day pages call "today" (a contact point's coming holidays); unset: the build's
    // (components::build_today(): SOURCE_DATE_EPOCH or the clock). A page pack carries its
    // build's day, so that a page rendered offline weeks later is the page the build made.
    std::optional<hours::Date> today = {};
};

// "How satisfied were you?" — the rating form of a service, contact point or
// consultation page (site/components/rating_form/), with the published average when there is one.
// `about` is "service", "contact-point" or "consultation"; `back` is this page's URL.
std::string rating_block(const Strings& s, const Options& o, Lang lang, const std::string& about,
                         const std::string& target, const std::string& back);

struct Page {
    std::string path;  // relative to dist/, e.g. "lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html"
    std::string html;
};

// Throws std::runtime_error only when a UI string is missing; content must already
// be free of errors (unknown references are skipped, never crash).
std::vector<Page> render(const content::Content& c, const Strings& s, const Options& o);

// Page addresses live in urls/ (the snapshot names pages too, and must not depend on
// the renderer); the site uses them under its own names.
using urls::Kind;
using urls::path_for;
using urls::url_for;

// A page made outside render() (the booking steps the server renders), as the frame
// takes it. `above_title` is what stands above the <h1>: on a GOV.UK question page the
// back link and the step count come before the question, so that the way back is the
// first thing in the page's content and the caption says where the citizen is before
// the heading asks anything (issue 15).
struct FramedPage {
    Kind kind = Kind::home;
    std::string title;            // plain text: the <h1> and the start of <title>
    std::string main_html;        // everything below the <h1>
    std::string above_title = {}; // HTML between the start of <main> and the <h1>
    std::string alternate = {};   // where the language switch leads; "" → the same page type's address
};
std::string frame(const Strings& s, const Options& o, Lang lang, const FramedPage& page);

// The frame every page shares (header, search, breadcrumbs, footer) around
// `main_html`, for pages made outside render(): the booking steps the server renders.
std::string frame(const Strings& s, const Options& o, Lang lang, Kind kind, const std::string& title,
                  const std::string& main_html);
// frame() whose language switch and hreflang alternate lead to `alternate` (the same
// step in the other language) instead of that language's step 1 (site/frame.cpp).
std::string frame_to(const Strings& s, const Options& o, Lang lang, Kind kind, const std::string& title,
                     const std::string& main_html, const std::string& alternate);

// --- booking a remote consultation (site/booking.cpp) -------------------------------
// Step 1 is static (topic and contact point); the next steps need live seats, so the
// reference server renders them with these functions. Every step is a plain form
// that works without JavaScript, with a GOV.UK-style error summary and field messages.
// render() includes them (so the sitemap lists them); on their own for tests.
std::vector<Page> booking_pages(const content::Content& c, const Strings& s, const Options& o);

// "/lv/konsultacija/laiks/" for step "time", ".../dati/" for "details", ".../parbaude/" for
// "check", ".../apstiprinajums/" for "done"; "" → step 1.
// Through the confirmation view (no secret in the address): "cancel" is the "are you
// sure?" page (.../apstiprinajums/atcelt/), "ics" the calendar download (.../apstiprinajums/ics).
std::string booking_url(Lang lang, std::string_view step = {});

struct BookingForm {
    Lang lang = Lang::lv;
    const booking::Offer* offer = nullptr;
    booking::Request values;                   // what was typed (re-shown after errors)
    std::vector<booking::Slot> slots;          // free slots to choose from
    std::vector<booking::FieldError> errors;   // empty on first view
    bool slot_taken = false;                   // the chosen slot went while they typed
    std::string idempotency_key;               // carried by the check page's confirm form
    // Shared-computer mode: personal fields get autocomplete="off" instead of their
    // WCAG 1.3.5 purpose (name, tel, email), so the browser neither offers, saves nor
    // restores them on Back for the next visitor.
    bool shared = false;
};
// Step 2: the day and time (a GET form to step 3, so it works without JavaScript).
std::string booking_time_page(const Strings& s, const Options& o, const BookingForm& f);
// Step 3: name and how to reach you, for the time chosen in step 2 (posts step=check).
std::string booking_details_page(const Strings& s, const Options& o, const BookingForm& f);
// Without JavaScript step 1 lets any pair through: when the contact point does not host
// the institution, list the ones that do (url, name) with an error summary.
std::string booking_wrong_place_page(const Strings& s, const Options& o, Lang lang,
                                     const std::vector<std::pair<std::string, std::string>>& hosts);
std::string booking_check_page(const Strings& s, const Options& o, const BookingForm& f);

// The confirmation. It never carries the booking's token, in no link and no form:
// the server finds the booking through the browser's confirmation-view cookie, and
// the calendar download and the cancel step go through that view as well
// (booking_url(lang, "ics"), booking_url(lang, "cancel")).
struct BookingDone {
    Lang lang = Lang::lv;
    const booking::Offer* offer = nullptr;
    std::string reference, topic;
    std::int64_t start = 0, end = 0;
    bool cancelled = false;
    bool shared = false;  // shared-computer mode: the calendar file has no cancel link
};
std::string booking_confirmation_page(const Strings& s, const Options& o, const BookingDone& d);
// "Are you sure?" before cancelling: a plain POST form to the cancel step, and a way back.
std::string booking_cancel_page(const Strings& s, const Options& o, const BookingDone& d);
// The confirmation address without a view (another visitor, an expired or finished
// session): no booking, and where the citizen's own copy is.
std::string booking_no_view_page(const Strings& s, const Options& o, Lang lang);
// The page the cancel link in a calendar file opens on the citizen's own device: the
// server has made a view, and this page moves on to the plain confirmation address
// (a same-site navigation, so the SameSite=Strict view cookie goes along).
std::string booking_open_page(const Strings& s, const Options& o, Lang lang);

// Step 1 rendered by the server: a missing answer must come back with the error summary,
// and "Back" from the time step must keep the topic and the contact point, which without
// JavaScript only the server can do (from booking::step_one_choices(), same renderer as
// the static page). Every question page says "1. solis no 3" / "Step 1 of 3" and has a
// back link (GOV.UK question pages); a step's language switch carries only its own
// non-personal address (topic, contact point, time) or goes through the server's draft or
// confirmation view, never a name, phone, reference or token (issue 12).
// Step 1 as the citizen left it: the answers so far and what is missing.
struct BookingStart {
    Lang lang = Lang::lv;
    std::string choice;         // "institution:topic" as the radios send it; "" when none
    std::string contact_point;  // "" when none
    std::vector<booking::FieldError> errors;  // fields "choice" and "contact_point"
};

// The field errors of step 1 for what is missing, in the page's language.
std::vector<booking::FieldError> booking_start_errors(const Strings& s, Lang lang, bool no_topic, bool no_contact_point);

// Step 1 rendered by the server (its address: booking_url(lang, "start"), or the time
// step's when an answer is missing), from the content step 1 reads.
std::string booking_start_page(const content::Content& c, const Strings& s, const Options& o, const BookingStart& f);

// Where step 1 with these answers is, for back and change links: the server's copy
// when there are answers to keep, the static page otherwise.
std::string booking_start_url(Lang lang, const std::string& choice, const std::string& contact_point);

// --- issue 13: the page pack (site/pages_pack.cpp) -----------------------------------
// The offline copy holds no page the citizen has not visited: the service worker renders
// it from the pack with these same page functions, compiled to wasm. The pack is
// content::to_pack()'s file plus a "strings" line per language and one "options" line
// (with_wasm, base_url, ratings, today; the content version is in the header; shared_pc
// never: static pages never set it). Pages gives, for a page's address, byte for byte
// the page render() writes there.
std::string pack(const content::Content& c, const Strings& s, const Options& o);

// Whether the offline copy leaves the page render() writes at `path` to Pages, fetching
// it only on a visit: every HTML page but the three home pages (index.html, lv/ and en/),
// which the service worker keeps as the fallback while the pack is not yet loaded.
bool on_visit(std::string_view path);

class Pages {
public:
    // Throws std::runtime_error naming the line for a pack that is not one, of another
    // format, cut short or damaged (content::read_pack()), or whose UI strings miss a
    // key in one language or a word the content needs.
    static Pages from_pack(std::string_view text);

    // The page render() makes at `url` ("/lv/pakalpojumi/x/", also without the last "/"
    // or with "index.html"; "/" is the root page), std::nullopt for an address the site
    // has no page at (queries and fragments are the caller's to strip). Only that page is
    // rendered: what needs every record (how many contact points take each service) was
    // counted once by from_pack(). Not for two threads at once (a sort-key cache).
    std::optional<Page> render(std::string_view url) const;

    const std::string& content_version() const;
    const content::Content& content() const;

    Pages(Pages&&) noexcept;
    Pages& operator=(Pages&&) noexcept;
    ~Pages();

private:
    struct State;
    explicit Pages(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;  // on the heap: the sort-key cache holds addresses into its content
};

// Text → HTML that shows exactly that text; safe in element content and in
// attribute values quoted with " or '.
std::string escape_html(std::string_view text);

}  // namespace pietura::site
