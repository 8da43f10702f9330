// site/collate.hpp — alphabetical order for lists and the A–Z index (internal).
//
// Byte order would put "Ārsta" after "Zeme" and "Čeks" after everything. Latvian
// has its own alphabet: Č Ģ Ķ Ļ Ņ Š Ž are letters of their own (after C G K L N S
// Z), while the long vowels Ā Ē Ī Ū sort with A E I U. English folds every accent
// into its base letter. Spaces and punctuation only break ties ("E-paraksts" sorts
// as "Eparaksts"). Hand-written because the library that does this, ICU, brings
// ~30 MB of collation data, and the core is one library for the native tools and
// the wasm download (where components render too): far too much for one sort of
// titles. collate_icu_test holds this order to ICU's `lv` collator (root for
// English; alternate=shifted) over a written word list and every title in content/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"

namespace pietura::site::collate {

// Compare keys with < to sort titles; equal keys mean identical text.
std::vector<int> sort_key(Lang lang, std::string_view text);

struct Letter {
    int order = 0;       // position in the alphabet, for sorting groups
    std::string label;   // "A", "Č", "0–9", "#"
    std::string anchor;  // ASCII fragment id: "az-a", "az-ch", "az-0-9", "az-other"
};

// The A–Z group a title belongs to (its first letter or digit).
Letter first_letter(Lang lang, std::string_view text);

}  // namespace pietura::site::collate
