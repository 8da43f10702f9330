// A compact English stemmer in the manner of M. F. Porter's 1980 algorithm: five
// steps of suffix rules, each guarded by the "measure" (how many vowel-consonant
// sequences) of what would remain. Two additions for a service catalogue: a
// handful of irregular plurals and past forms that people really type ("children",
// "paid"), Porter2's rule for a final y, and "-str" → "-st" so that "registration" and "administration" (which
// Porter leaves as "registr") meet "register" and "administer" ("regist").
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "text/text.hpp"

namespace pietura::text {
namespace {

constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
    {"children", "child"}, {"feet", "foot"},     {"knives", "knife"}, {"lives", "life"},
    {"men", "man"},        {"paid", "pay"},      {"people", "person"}, {"teeth", "tooth"},
    {"wives", "wife"},     {"women", "woman"},
};

struct Rule {
    std::string_view from, to;
};

class Porter {
public:
    explicit Porter(std::string w) : w_(std::move(w)) {}

    std::string run() {
        step1a();
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        if (ends("str")) w_.pop_back();
        return std::move(w_);
    }

private:
    std::string w_;

    bool cons(std::size_t i) const {
        switch (w_[i]) {
            case 'a': case 'e': case 'i': case 'o': case 'u': return false;
            case 'y': return i == 0 || !cons(i - 1);
            default: return true;
        }
    }
    // m in [C](VC)^m[V] over the first n letters.
    int measure(std::size_t n) const {
        int m = 0;
        std::size_t i = 0;
        while (i < n && cons(i)) ++i;
        while (i < n) {
            while (i < n && !cons(i)) ++i;
            if (i >= n) break;
            while (i < n && cons(i)) ++i;
            ++m;
        }
        return m;
    }
    bool has_vowel(std::size_t n) const {
        for (std::size_t i = 0; i < n; ++i)
            if (!cons(i)) return true;
        return false;
    }
    bool double_cons(std::size_t n) const { return n >= 2 && w_[n - 1] == w_[n - 2] && cons(n - 1); }
    // consonant-vowel-consonant, the last not w, x or y: "hop" (→ "hope"), not "snow"
    bool cvc(std::size_t n) const {
        if (n < 3 || !cons(n - 3) || cons(n - 2) || !cons(n - 1)) return false;
        char c = w_[n - 1];
        return c != 'w' && c != 'x' && c != 'y';
    }
    bool ends(std::string_view s) const {
        return w_.size() >= s.size() && w_.compare(w_.size() - s.size(), s.size(), s) == 0;
    }
    std::size_t stem_len(std::string_view suffix) const { return w_.size() - suffix.size(); }
    void replace(std::string_view suffix, std::string_view with) {
        w_.erase(stem_len(suffix));
        w_.append(with);
    }

    void step1a() {
        if (ends("sses")) replace("sses", "ss");
        else if (ends("ies")) replace("ies", "i");
        else if (ends("ss")) return;
        else if (ends("s")) w_.pop_back();
    }
    void step1b() {
        if (ends("eed")) {
            if (measure(stem_len("eed")) > 0) w_.pop_back();
            return;
        }
        std::string_view suf = ends("ed") ? "ed" : ends("ing") ? "ing" : "";
        if (suf.empty() || !has_vowel(stem_len(suf))) return;
        w_.erase(stem_len(suf));
        if (ends("at") || ends("bl") || ends("iz")) {
            w_ += 'e';
        } else if (double_cons(w_.size())) {
            char c = w_.back();
            if (c != 'l' && c != 's' && c != 'z') w_.pop_back();
        } else if (measure(w_.size()) == 1 && cvc(w_.size())) {
            w_ += 'e';
        }
    }
    // Porter2's version: only after a consonant that is not the first letter ("cry" →
    // "cri", "employ" stays), which keeps "employed" and "employment" together.
    void step1c() {
        std::size_t n = w_.size();
        if (n > 2 && w_[n - 1] == 'y' && cons(n - 2)) w_.back() = 'i';
    }
    // Longest matching suffix of the table; rewritten only if what stays has measure > min.
    template <std::size_t N>
    void rules(const Rule (&table)[N], int min) {
        const Rule* best = nullptr;
        for (const Rule& r : table)
            if (ends(r.from) && (!best || r.from.size() > best->from.size())) best = &r;
        if (best && measure(stem_len(best->from)) > min) replace(best->from, best->to);
    }
    void step2() {
        static constexpr Rule kRules[] = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},
            {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"},
            {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
            {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
            {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},   {"biliti", "ble"},
            {"logi", "log"},
        };
        rules(kRules, 0);
    }
    void step3() {
        static constexpr Rule kRules[] = {
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
            {"ical", "ic"},  {"ful", ""},   {"ness", ""},
        };
        rules(kRules, 0);
    }
    void step4() {
        static constexpr std::string_view kSuffixes[] = {
            "al",  "ance", "ence", "er",  "ic",  "able", "ible", "ant", "ement", "ment",
            "ent", "ion",  "ou",   "ism", "ate", "iti",  "ous",  "ive", "ize",
        };
        std::string_view best;
        for (auto s : kSuffixes)
            if (ends(s) && s.size() > best.size()) best = s;
        if (best.empty()) return;
        std::size_t n = stem_len(best);
        if (measure(n) <= 1) return;
        if (best == "ion" && (n == 0 || (w_[n - 1] != 's' && w_[n - 1] != 't'))) return;
        w_.erase(n);
    }
    void step5() {
        if (ends("e")) {
            std::size_t n = w_.size() - 1;
            int m = measure(n);
            if (m > 1 || (m == 1 && !cvc(n))) w_.pop_back();
        }
        if (ends("ll") && measure(w_.size()) > 1) w_.pop_back();
    }
};

}  // namespace

std::string stem_en(std::string_view folded) {
    for (auto& [from, to] : kIrregular)
        if (folded == from) folded = to;
    if (folded.size() <= 2 ||
        !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return std::string(folded);
    return Porter(std::string(folded)).run();
}

}  // namespace pietura::text
