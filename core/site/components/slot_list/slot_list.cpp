#include "site/components/slot_list/slot_list.hpp"

#include "site/html.hpp"

namespace pietura::site::components {

namespace {

std::string month_name(int m, Lang lang) {
    static const char* const kLv[12] = {"janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā",
                                        "jūlijā", "augustā", "septembrī", "oktobrī", "novembrī", "decembrī"};
    static const char* const kEn[12] = {"January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November", "December"};
    int i = m < 1 ? 0 : m > 12 ? 11 : m - 1;
    return lang == Lang::lv ? kLv[i] : kEn[i];
}

}  // namespace

// "pirmdiena, 21. decembrī" / "Monday 21 December"
std::string day_label(hours::Date d, Lang lang) {
    std::string wd(hours::weekday_name(d.weekday(), lang));
    if (lang == Lang::lv) return wd + ", " + std::to_string(d.day) + ". " + month_name(d.month, lang);
    return wd + " " + std::to_string(d.day) + " " + month_name(d.month, lang);
}

std::string slot_list(Lang lang, const std::vector<booking::Slot>& slots, std::int64_t checked) {
    using html::esc;
    std::string m, day;
    for (auto& slot : slots) {
        auto t = hours::to_riga(slot.start);
        if (t.date.iso() != day) {
            if (!day.empty()) m += "</div>\n</fieldset>\n";
            day = t.date.iso();
            m += "<fieldset class=\"day\"><legend>" + esc(day_label(t.date, lang)) + "</legend>\n<div class=\"radios slot-times\">\n";
        }
        std::string id = "s-" + std::to_string(slot.start);
        m += "<label class=\"radio\" for=\"" + id + "\"><input type=\"radio\" name=\"start\" id=\"" + id + "\" value=\"" +
             std::to_string(slot.start) + "\"" + (slot.start == checked ? " checked" : "") + "> " +
             esc(hours::format_minutes(t.minute_of_day(), lang)) + "</label>\n";
    }
    if (!day.empty()) m += "</div>\n</fieldset>\n";
    return m;
}

}  // namespace pietura::site::components
