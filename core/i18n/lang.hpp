// i18n/lang.hpp — the two languages Pietura speaks.
//
// Every citizen-facing text exists in Latvian and English. Code that needs to
// choose a language takes a `Lang`; content keeps both texts side by side
// (`content::Text`) and the caller indexes it: `service.title[lang]`. UI strings
// (button labels, headings) do not live here: they are in the top-level
// `i18n/lv.json` and `i18n/en.json` and are loaded by the site renderer.
#pragma once

#include <optional>
#include <string_view>

namespace pietura {

enum class Lang { lv, en };

constexpr std::string_view code(Lang l) { return l == Lang::lv ? "lv" : "en"; }

inline std::optional<Lang> parse_lang(std::string_view s) {
    if (s == "lv") return Lang::lv;
    if (s == "en") return Lang::en;
    return std::nullopt;
}

constexpr Lang other(Lang l) { return l == Lang::lv ? Lang::en : Lang::lv; }

}  // namespace pietura
