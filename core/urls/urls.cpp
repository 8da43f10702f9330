#include "urls/urls.hpp"

namespace pietura::urls {

namespace {

// Latvian addresses use Latvian words without diacritics, so people can type and
// read them aloud; the English ones mirror them.
std::string_view section(Lang lang, Kind kind) {
    bool lv = lang == Lang::lv;
    switch (kind) {
    case Kind::home: return "";
    case Kind::situations:
    case Kind::situation: return lv ? "dzives-situacijas" : "life-situations";
    case Kind::services:
    case Kind::service: return lv ? "pakalpojumi" : "services";
    case Kind::contact_points:
    case Kind::contact_point: return lv ? "klientu-centri" : "contact-points";
    case Kind::audiences:
    case Kind::audience: return lv ? "auditorijas" : "audiences";
    case Kind::search:
    case Kind::az_letter: return lv ? "meklet" : "search";
    case Kind::territory: return lv ? "tuvakie" : "nearest";
    case Kind::accessibility: return lv ? "pieklustamiba" : "accessibility";
    case Kind::settings: return lv ? "iestatijumi" : "settings";
    case Kind::consultation: return lv ? "konsultacija" : "consultation";
    case Kind::institution: return lv ? "iestades" : "institutions";
    }
    return "";
}

bool is_single_page(Kind kind) {
    return kind == Kind::home || kind == Kind::situations || kind == Kind::services ||
           kind == Kind::contact_points || kind == Kind::audiences || kind == Kind::search ||
           kind == Kind::accessibility || kind == Kind::settings || kind == Kind::consultation;
}

}  // namespace

std::string url_for(Lang lang, Kind kind, std::string_view id) {
    std::string url = "/";
    url += code(lang);
    url += '/';
    std::string_view sec = section(lang, kind);
    if (!sec.empty()) {
        url += sec;
        url += '/';
    }
    if (!is_single_page(kind) && !id.empty()) {
        url += id;
        url += '/';
    }
    return url;
}

std::string path_for(std::string_view url) {
    std::string p(url);
    while (!p.empty() && p.front() == '/') p.erase(p.begin());
    if (!p.empty() && p.back() != '/') p += '/';
    return p + "index.html";
}

}  // namespace pietura::urls
