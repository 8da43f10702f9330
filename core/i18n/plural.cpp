#include "i18n/plural.hpp"

namespace pietura::i18n {

Plural plural(Lang lang, std::int64_t n) {
    // Magnitude as unsigned, so INT64_MIN has one too.
    std::uint64_t a = n < 0 ? std::uint64_t(0) - std::uint64_t(n) : std::uint64_t(n);
    if (lang == Lang::en) return a == 1 ? Plural::one : Plural::other;
    std::uint64_t d10 = a % 10, d100 = a % 100;
    // CLDR lv: zero = n % 10 = 0 or n % 100 = 11..19; one = n % 10 = 1 and n % 100 != 11.
    if (d10 == 0 || (d100 >= 11 && d100 <= 19)) return Plural::zero;
    if (d10 == 1) return Plural::one;  // 11 is already zero
    return Plural::other;
}

std::string_view name(Plural p) {
    switch (p) {
        case Plural::zero: return "zero";
        case Plural::one: return "one";
        case Plural::other: return "other";
    }
    return "other";
}

std::string form_key(Lang lang, std::string_view key, std::int64_t n) {
    return std::string(key) + "." + std::string(name(plural(lang, n)));
}

}  // namespace pietura::i18n
