// The frame every page shares: head, skip link, app bars, header with the language
// switch and the search box, breadcrumbs, footer. Also the site root, which only
// sends people on to a language.
#include "site/components/search_form/search_form.hpp"
#include "site/components/shared_bar/shared_bar.hpp"
#include "site/page.hpp"
#include "site/structured.hpp"

namespace pietura::site {
namespace internal {

namespace {

// What app.js shows when it has something to say: a newer build is ready, or this PC
// is shared. Hidden until then, and absent from fully static builds. A page the server
// renders for a shared PC (Options::shared_pc) shows the shared bar without JavaScript.
std::string app_bars(const Ctx& x) {
    std::string h = "<div id=\"update-banner\" class=\"banner\" role=\"status\" hidden data-ready=\"" + x.e("update.ready") +
                    "\" data-failed=\"" + x.e("update.failed") + "\" data-stale=\"" + x.e("update.stale") +
                    "\"><div class=\"wrap\"><p class=\"banner-text\"></p><button type=\"button\" class=\"banner-reload\" hidden>" +
                    x.e("update.reload") + "</button></div></div>\n";
    // A booking or rating queued offline is sent from whatever page is open when the
    // connection is back (outbox.js); a refusal is said here, with the way forward.
    h += "<div id=\"outbox-notice\" class=\"banner\" role=\"alert\" hidden data-taken=\"" + x.e("book.outbox.taken") +
         "\" data-error=\"" + x.e("book.outbox.error") + "\" data-again=\"" + x.e("book.outbox.again") + "\" data-rating=\"" +
         x.e("book.outbox.rating") + "\"><div class=\"wrap\"><p class=\"banner-text\"></p></div></div>\n";
    return h + components::shared_bar(x.s, x.lang, x.o.shared_pc);
}

// The page; `alt` is where the language switch leads (the same page in the other language).
std::string shell_to(const Ctx& x, const PageSpec& p, const std::string& main_html, const std::string& alt) {
    Lang alt_lang = other(x.lang);
    std::string self = x.url(p.kind, p.id);
    std::string lang_code(code(x.lang));
    std::string alt_code(code(alt_lang));

    std::string h;
    h.reserve(main_html.size() + 4096);
    h += "<!doctype html>\n<html lang=\"" + lang_code + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + esc(p.title) + " – " + x.e("site.name") + "</title>\n";
    if (!p.description.empty()) h += "<meta name=\"description\" content=\"" + esc(p.description) + "\">\n";
    h += "<meta name=\"pietura-content-version\" content=\"" + esc(x.o.content_version) + "\">\n";
    for (Lang l : {Lang::lv, Lang::en})
        h += "<link rel=\"alternate\" hreflang=\"" + std::string(code(l)) + "\" href=\"" +
             esc(l == x.lang ? self : alt) + "\">\n";
    h += "<link rel=\"stylesheet\" href=\"/assets/pietura.css\">\n";
    h += "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n";
    h += "<noscript><link rel=\"stylesheet\" href=\"/assets/nojs.css\"></noscript>\n";
    h += "<link rel=\"manifest\" href=\"/app.webmanifest\">\n<meta name=\"theme-color\" content=\"#0b0c0c\">\n";
    if (x.o.with_wasm) h += "<script type=\"module\" src=\"/assets/app.js\"></script>\n";
    if (!p.json_ld.empty()) h += structured::script_element(p.json_ld);
    h += "</head>\n<body>\n";
    h += "<a class=\"skip-link\" href=\"#main\">" + x.e("skip") + "</a>\n";
    if (x.o.with_wasm) h += app_bars(x);

    h += "<header class=\"site-header\">\n<div class=\"wrap header-bar\">\n";
    h += "<a class=\"brand\" href=\"" + esc(x.url(Kind::home)) + "\"><span class=\"brand-name\">" + x.e("site.name") +
         "</span> <span class=\"brand-tag\">" + x.e("site.tagline") + "</span></a>\n";
    h += "<nav class=\"lang-switch\" aria-label=\"" + x.e("lang.label") + "\">" +
         link(alt, esc(x.s.get(alt_lang, "lang.name")), " lang=\"" + alt_code + "\" hreflang=\"" + alt_code + "\"") +
         "</nav>\n";
    h += "</div>\n<div class=\"wrap\">\n" + components::search_form(x.s, x.lang) + "</div>\n</header>\n";

    h += "<nav class=\"breadcrumbs wrap\" aria-label=\"" + x.e("breadcrumbs.label") + "\">\n<ol>\n";
    if (p.kind != Kind::home) h += "<li>" + link(x.url(Kind::home), x.e("nav.home")) + "</li>\n";
    for (auto& c : p.crumbs) h += "<li>" + link(c.url, esc(c.label)) + "</li>\n";
    h += "<li aria-current=\"page\">" + esc(p.kind == Kind::home ? x.t("nav.home") : p.title) + "</li>\n</ol>\n</nav>\n";

    // Inside <main>, not before it as GOV.UK's template has it: the skip link lands on the
    // back link, and no content stands outside a landmark (axe's "region" rule).
    h += "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n" + p.above_title + "<h1>" + esc(p.title) + "</h1>\n";
    h += main_html;
    h += "</main>\n";

    h += "<footer class=\"site-footer\">\n<div class=\"wrap\">\n<nav aria-label=\"" + x.e("footer.nav") + "\">\n<ul>\n";
    h += "<li>" + link(x.url(Kind::situations), x.e("situations.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::services), x.e("services.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::contact_points), x.e("cps.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::audiences), x.e("audiences.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::search), x.e("az.title")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::accessibility), x.e("footer.accessibility")) + "</li>\n";
    h += "<li>" + link(x.url(Kind::settings), x.e("footer.settings")) + "</li>\n";
    h += "</ul>\n</nav>\n<p>" + x.e("footer.about") + "</p>\n";
    // Without JavaScript a static page cannot know this PC is shared, so every page
    // offers "Finish and clear" at its foot (pages with the shared bar already have it).
    if (!x.o.shared_pc) {
        std::string f = "<div class=\"finish-nojs\"><p>" + x.e("shared.nojs") + "</p>" + components::finish_form(x.s, x.lang, "finish-clear-nojs") + "</div>\n";
        h += x.o.with_wasm ? "<noscript>" + f + "</noscript>\n" : f;
    }
    h += "<p class=\"content-version\">" + x.f("footer.content_version", {{"version", x.o.content_version}}) + "</p>\n";
    h += "</div>\n</footer>\n</body>\n</html>\n";
    return h;
}

}  // namespace

std::string shell(const Ctx& x, const PageSpec& p, const std::string& main_html) {
    return shell_to(x, p, main_html, p.other_lang_url.empty() ? url_for(other(x.lang), p.kind, p.id) : p.other_lang_url);
}

// The site root only sends people on to a language; it is not a real page.
Page root(const Strings& s, const Options& o) {
    std::string h = "<!doctype html>\n<html lang=\"lv\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta http-equiv=\"refresh\" content=\"0; url=/lv/\">\n";
    h += "<title>" + esc(s.get(Lang::lv, "site.name")) + "</title>\n";
    h += "<meta name=\"pietura-content-version\" content=\"" + esc(o.content_version) + "\">\n";
    for (Lang l : {Lang::lv, Lang::en})
        h += "<link rel=\"alternate\" hreflang=\"" + std::string(code(l)) + "\" href=\"" + url_for(l, Kind::home) + "\">\n";
    h += "<link rel=\"stylesheet\" href=\"/assets/pietura.css\">\n";
    h += "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n";
    h += "</head>\n<body>\n<main id=\"main\" class=\"wrap\">\n<h1>" + esc(s.get(Lang::lv, "site.name")) + "</h1>\n";
    h += "<ul class=\"links\">\n";
    for (Lang l : {Lang::lv, Lang::en}) {
        std::string c(code(l));
        h += "<li><a href=\"" + url_for(l, Kind::home) + "\" lang=\"" + c + "\" hreflang=\"" + c + "\">" +
             esc(s.get(l, "root.enter")) + "</a></li>\n";
    }
    h += "</ul>\n</main>\n</body>\n</html>\n";
    return {"index.html", h};
}

}  // namespace internal

std::string frame(const Strings& s, const Options& o, Lang lang, const FramedPage& page) {
    static const content::Content none;  // the frame names no content
    internal::Ctx x{none, s, o, lang};
    internal::PageSpec spec{page.kind, "", page.title, "", {}};
    spec.above_title = page.above_title;
    return internal::shell_to(x, spec, page.main_html,
                              page.alternate.empty() ? url_for(other(lang), page.kind, "") : page.alternate);
}

// A booking step's language switch keeps the booking: it leads to the same step (issue 15).
std::string frame_to(const Strings& s, const Options& o, Lang lang, Kind kind, const std::string& title,
                     const std::string& main_html, const std::string& alternate) {
    return frame(s, o, lang, FramedPage{kind, title, main_html, "", alternate});
}

// The same page type's address in the other language, as shell() would give it.
std::string frame(const Strings& s, const Options& o, Lang lang, Kind kind, const std::string& title,
                  const std::string& main_html) {
    return frame(s, o, lang, FramedPage{kind, title, main_html});
}

}  // namespace pietura::site
