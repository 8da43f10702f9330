// i18n/plural.hpp — which form of a word goes with a number, in Latvian and English.
//
// Latvian nouns take one of three forms after a number (CLDR plural categories,
// what the browser's Intl.PluralRules('lv') answers): "zero" after 0, 10–20, 30, …
// and every number ending in 11–19 ("11 pakalpojumu", "pēc 10 sekundēm"), "one"
// after 1, 21, 31, 101 but not 11 ("1 pakalpojums", "pēc 21 sekundes"), and
// "other" for the rest ("2 pakalpojumi"). English has "one" (exactly 1) and
// "other". This is the one place the portal decides it: pages, the CLI and the
// browser (through the wasm export in wasm/format_bindings.cpp) all ask here.
//
// UI strings keep one text per category under "<key>.zero", "<key>.one" and
// "<key>.other" in i18n/lv.json and en.json (English repeats its "other" text
// under "zero", because both files must hold the same keys): form_key() names the
// one to use, and the caller fills "{n}" as with any other string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "i18n/lang.hpp"

namespace pietura::i18n {

enum class Plural { zero, one, other };

// Integers only (counts of things, seconds, minutes): the portal never puts a
// fraction before a word it inflects. Negative numbers take the form of their
// absolute value, as CLDR's rules read n.
Plural plural(Lang lang, std::int64_t n);

std::string_view name(Plural p);  // "zero", "one", "other": the CLDR names

// "plural.services" and 21 in Latvian → "plural.services.one".
std::string form_key(Lang lang, std::string_view key, std::int64_t n);

}  // namespace pietura::i18n
