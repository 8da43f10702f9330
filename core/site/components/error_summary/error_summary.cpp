#include "site/components/error_summary/error_summary.hpp"

#include <map>

#include "site/html.hpp"

namespace pietura::site::components {

using html::esc;

namespace {

// The field each label names, so "Fill in this field." is never ambiguous.
const std::map<std::string, std::string>& labels() {
    static const std::map<std::string, std::string> m = {
        {"choice", "book.topic"}, {"topic", "book.topic"}, {"contact_point", "book.cp"},
        {"start", "book.time.legend"}, {"name", "book.name"}, {"phone", "book.phone"}, {"email", "book.email"},
        {"lang", "book.lang"}, {"note", "book.note"}, {"accessibility", "book.accessibility"}};
    return m;
}

}  // namespace

const std::vector<std::string>& error_summary_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k = {"book.errors.title", "book.slot_taken"};
        for (auto& [field, key] : labels()) k.push_back(key);
        return k;
    }();
    return keys;
}

std::string error_summary(const Strings& s, Lang lang, const std::vector<booking::FieldError>& errors, bool slot_taken) {
    if (errors.empty() && !slot_taken) return "";
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
                    "<h2 id=\"error-summary-title\">" + t("book.errors.title") + "</h2>\n<ul>\n";
    if (slot_taken) h += "<li><a href=\"#f-start\">" + t("book.slot_taken") + "</a></li>\n";
    std::map<std::string, bool> seen;
    for (auto& e : errors) {
        if (seen[e.field] || (slot_taken && e.field == "start")) continue;
        seen[e.field] = true;
        auto label = labels().find(e.field);
        std::string prefix = label != labels().end() ? t(label->second) + ": " : "";
        h += "<li><a href=\"#f-" + esc(e.field) + "\">" + prefix + esc(e.message) + "</a></li>\n";
    }
    return h + "</ul>\n</div>\n";
}

}  // namespace pietura::site::components
