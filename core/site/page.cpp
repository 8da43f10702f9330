// What the page types share (site/page.hpp): ordering, lists, small pieces.
#include "site/page.hpp"

#include "site/components/page_feedback/page_feedback.hpp"

namespace pietura::site::internal {

const std::vector<int>& SortKeys::get(Lang lang, const std::string& title) {
    auto& m = by_lang_[lang == Lang::lv ? 0 : 1];
    auto it = m.find(&title);
    if (it == m.end()) it = m.emplace(&title, collate::sort_key(lang, title)).first;
    return it->second;
}

std::string link(const std::string& url, const std::string& text_html, const std::string& attrs) {
    return "<a href=\"" + esc(url) + "\"" + attrs + ">" + text_html + "</a>";
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Every page of the site asks whether it helped (issue 15).
Page page(const Ctx& x, const PageSpec& p, const std::string& main_html) {
    std::string self = x.url(p.kind, p.id);
    return {path_for(self), shell(x, p, main_html + components::page_feedback(x.s, x.lang, self))};
}

std::string inst_abbr(const Ctx& x, const std::string& inst_id) {
    const Institution* inst = x.c.institution(inst_id);
    if (!inst) return "";
    return "<abbr class=\"inst\" title=\"" + esc(inst->name[x.lang]) + "\">" + esc(inst->abbr[x.lang]) + "</abbr>";
}

std::string channels(const Ctx& x, const Service& s) {
    std::string h;
    if (html::is_web_url(s.channels.eservice))
        h += "<li class=\"channel channel-online\"><strong>" + x.e("channel.eservice.label") + "</strong> " +
             link(s.channels.eservice, x.e("channel.eservice.link"), " class=\"external\"") + "</li>\n";
    if (s.channels.contact_point)
        h += "<li class=\"channel channel-office\"><strong>" + x.e("channel.contact_point.label") + "</strong> " +
             x.e("channel.contact_point.text") + "</li>\n";
    if (s.channels.remote_consultation)
        h += "<li class=\"channel channel-remote\"><strong>" + x.e("channel.remote.label") + "</strong> " +
             x.e("channel.remote.text") + " " + link(booking_url(x.lang), x.e("book.link")) + "</li>\n";
    // Level 3 (passports, eID cards, residence permits: fingerprints and a photo are
    // taken at the institution's own office): a contact point can only point the way
    // (issue 14), so say where it is done rather than leave the citizen guessing.
    // A local government is not "<abbr> office": its card names the place itself.
    if (s.contact_point_level == 3) {
        const Institution* inst = x.c.institution(s.institution);
        std::string office = inst && !inst->office[x.lang].empty()
                                 ? esc(inst->office[x.lang])
                                 : x.f("channel.institution.office", {{"abbr", "\x01"}});
        if (auto at = office.find('\x01'); at != std::string::npos) office.replace(at, 1, inst_abbr(x, s.institution));
        h += "<li class=\"channel channel-institution\"><strong>" + x.e("channel.institution.label") + "</strong> " +
             office + "; " + x.e("channel.institution.help") + "</li>\n";
    }
    if (h.empty()) return "<p>" + x.e("channel.none") + "</p>\n";
    return "<ul class=\"channels\">\n" + h + "</ul>\n";
}

std::string documents(const Ctx& x, const Service& s) {
    // An empty list means nobody has recorded the documents, not that none are needed
    // (issue 14): say nothing rather than something that may be false.
    const auto& docs = s.documents[x.lang];
    if (docs.empty()) return "";
    std::string h = "<ul class=\"documents\">\n";
    for (auto& d : docs) h += "<li>" + esc(d) + "</li>\n";
    return h + "</ul>\n";
}

std::string audience_links(const Ctx& x, const std::vector<std::string>& ids) {
    std::vector<const Audience*> list;
    for (auto& id : ids)
        if (auto* a = x.c.audience(id)) list.push_back(a);
    if (list.empty()) return "";
    list = by_title(x, list, [&](const Audience& a) -> const std::string& { return a.title[x.lang]; });
    std::string h = "<p class=\"audiences\"><strong>" + x.e("audiences.for") + "</strong> ";
    for (size_t i = 0; i < list.size(); ++i) {
        if (i) h += ", ";
        h += link(x.url(Kind::audience, list[i]->id), esc(list[i]->title[x.lang]));
    }
    return h + "</p>\n";
}

std::string link_list(const std::vector<std::pair<std::string, std::string>>& url_and_text_html, const std::string& cls) {
    std::string h = "<ul class=\"" + cls + "\">\n";
    for (auto& [url, text] : url_and_text_html) h += "<li>" + link(url, text) + "</li>\n";
    return h + "</ul>\n";
}

std::string empty_note(const Ctx& x) { return "<p>" + x.e("list.empty") + "</p>\n"; }

std::string card_list(const std::vector<Entry>& entries, const std::string& cls) {
    std::string h = "<ul class=\"" + cls + "\">\n";
    for (auto& e : entries) {
        h += "<li>" + link(e.url, esc(e.title));
        if (!e.meta_html.empty()) h += " " + e.meta_html;
        if (!e.summary.empty()) h += "<p>" + esc(e.summary) + "</p>";
        h += "</li>\n";
    }
    return h + "</ul>\n";
}

Entry entry(const Ctx& x, const Service& s) {
    return {x.url(Kind::service, s.id), s.title[x.lang], s.summary[x.lang], inst_abbr(x, s.institution)};
}
Entry entry(const Ctx& x, const LifeSituation& ls) {
    return {x.url(Kind::situation, ls.id), ls.title[x.lang], ls.summary[x.lang], ""};
}

std::vector<const Service*> by_popularity(std::vector<const Service*> list) {
    std::stable_sort(list.begin(), list.end(), [](const Service* a, const Service* b) {
        if (a->popularity != b->popularity) return a->popularity > b->popularity;
        return a->id < b->id;
    });
    return list;
}

std::string territory_name(const Ctx& x, const std::string& id) {
    const Territory* t = x.c.territory(id);
    return t ? t->name[x.lang] : id;
}

std::string grouped(const Ctx& x, const std::vector<Group>& groups, const std::string& nav_label_key) {
    if (groups.empty()) return empty_note(x);
    std::string h = "<nav class=\"jump\" aria-label=\"" + x.e(nav_label_key) + "\">\n<ul>\n";
    for (auto& g : groups) h += "<li>" + link("#" + g.anchor, esc(g.heading)) + "</li>\n";
    h += "</ul>\n</nav>\n";
    for (auto& g : groups)
        h += "<section class=\"group\">\n<h2 id=\"" + esc(g.anchor) + "\">" + esc(g.heading) + "</h2>\n" +
             card_list(g.entries) + "</section>\n";
    return h;
}

}  // namespace pietura::site::internal
