// site/collate.hpp — alphabetical order for lists and the A–Z index (internal).
//
// Byte order would put "Ārsta" after "Zeme" and "Čeks" after everything. Latvian
// has its own alphabet: Č Ģ Ķ Ļ Ņ Š Ž are letters of their own (after C G K L N S
// Z), while the long vowels Ā Ē Ī Ū sort with A E I U. English folds every accent
// into its base letter. This is just enough collation for titles; it is not ICU.
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
