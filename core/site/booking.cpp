// Booking pages: step 1 (static, and again from the server with answers kept or errors),
// the day-and-time and details steps, the check page and the confirmation (rendered by
// the reference server). Plain forms first; booking.js adds the nearest-first order,
// step 1's error summary without a round trip, the outbox and the status messages.
// Every question page has a back link to the previous step and a step count above its
// heading (the frame's above_title, as GOV.UK's question pages have them); the
// language switch leads to the same step in the other language (site.hpp).
//
// Issue 12: a shared library PC keeps its history, favicons, session files and
// autofill whatever a page does, so no page here puts the booking's reference or
// token in an address (the confirmation, its calendar file and its cancel step are
// reached through the server's confirmation view), and in shared-computer mode the
// personal fields say autocomplete="off" so they are neither saved nor restored.
#include <algorithm>
#include <cctype>
#include <map>

#include "hours/hours.hpp"
#include "site/collate.hpp"
#include "site/components/error_summary/error_summary.hpp"
#include "site/components/slot_list/slot_list.hpp"
#include "site/html.hpp"
#include "site/site.hpp"

namespace pietura::site {

namespace {

using html::esc;

struct View {
    const Strings& s;
    Lang lang;
    std::string t(const std::string& key) const { return esc(s.get(lang, key)); }
    bool lv() const { return lang == Lang::lv; }
};

// The questions of the journey: topic and place, day and time, details. The check page
// and the confirmation are not questions and are not counted.
constexpr int kSteps = 3;

// The caption above the question's heading (GOV.UK's "Step 1 of 3").
std::string step_count(const View& v, int n) {
    return "<p class=\"step-count\">" +
           esc(v.s.format(v.lang, "book.step", {{"n", std::to_string(n)}, {"total", std::to_string(kSteps)}})) + "</p>\n";
}

// GOV.UK question pages: a back link to the previous step, first on the page — above the
// heading, in the frame's above_title (a link: it leads somewhere, it submits nothing).
std::string back_link(const View& v, const std::string& url) {
    return "<p><a href=\"" + esc(url) + "\" class=\"back-link\">" + v.t("book.back") + "</a></p>\n";
}

// A field's message in the page's language: validate() writes it in the consultation's
// language (Request::lang), which may not be the page's.
std::vector<booking::FieldError> in_page_language(std::vector<booking::FieldError> errors, Lang lang) {
    for (auto& e : errors)
        if (auto m = booking::field_message(e.code, lang); m != e.code) e.message = m;
    return errors;
}

// A query value as typed into an address: ids and "institution:topic" pass as they are,
// anything else (an address someone made up) is percent-encoded.
std::string query_value(std::string_view v) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : v) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == ':') out += char(ch);
        else out += std::string("%") + hex[ch >> 4] + hex[ch & 15];
    }
    return out;
}

std::string choice_query(const std::string& institution, const std::string& topic, const std::string& contact_point) {
    return "?choice=" + institution + ":" + topic + "&contact_point=" + contact_point;
}

std::string time_url(Lang lang, const booking::Request& r, bool with_start) {
    return booking_url(lang, "time") + choice_query(r.institution, r.topic, r.contact_point) +
           (with_start && r.start > 0 ? "&start=" + std::to_string(r.start) : "");
}

std::string details_url(Lang lang, const booking::Request& r) {
    return booking_url(lang, "details") + choice_query(r.institution, r.topic, r.contact_point) +
           "&start=" + std::to_string(r.start);
}

// When the consultation is, in words: "pirmdien, 2026. gada 21. decembrī, plkst. 9.00–9.30"
// (every Latvian weekday is "…diena", said "…dien" for "on") / "Monday 21 December 2026, 9:00–9:30".
std::string long_when(std::int64_t start, std::int64_t end, Lang lang) {
    auto a = hours::to_riga(start), b = hours::to_riga(end);
    std::string day = components::day_label(a.date, lang), year = std::to_string(a.date.year);
    std::string times = hours::format_minutes(a.minute_of_day(), lang) + "–" + hours::format_minutes(b.minute_of_day(), lang);
    if (lang == Lang::lv) {
        auto comma = day.find(", ");
        std::string weekday = day.substr(0, comma);
        if (!weekday.empty() && weekday.back() == 'a') weekday.pop_back();
        return weekday + ", " + year + ". gada " + day.substr(comma + 2) + ", plkst. " + times;
    }
    return day + " " + year + ", " + times;
}

std::string when_label(std::int64_t start, std::int64_t end, Lang lang) {
    auto a = hours::to_riga(start), b = hours::to_riga(end);
    return components::day_label(a.date, lang) + ", " + hours::format_minutes(a.minute_of_day(), lang) + "–" +
           hours::format_minutes(b.minute_of_day(), lang);
}

std::string title_of(const booking::Offer& o, Lang l) { return l == Lang::lv ? o.title_lv : o.title_en; }
std::string cp_name(const booking::Offer& o, Lang l) { return l == Lang::lv ? o.cp_name_lv : o.cp_name_en; }
std::string address(const booking::Offer& o, Lang l) { return l == Lang::lv ? o.address_lv : o.address_en; }

std::string topic_title(const booking::Offer& o, const std::string& id, Lang l) {
    auto* t = o.topic(id);
    return t ? t->title(l) : id;
}

const booking::FieldError* error_for(const std::vector<booking::FieldError>& errors, const std::string& field) {
    for (auto& e : errors)
        if (e.field == field) return &e;
    return nullptr;
}

// One labelled input with its hint and error message wired up for screen readers.
std::string field(const View& v, const std::vector<booking::FieldError>& errors, const std::string& name,
                  const std::string& label_key, const std::string& value, const std::string& type,
                  const std::string& autocomplete, const std::string& hint_key = "", bool textarea = false) {
    const booking::FieldError* e = error_for(errors, name);
    std::string id = "f-" + name, described;
    std::string h = std::string("<div class=\"field") + (e ? " field-error" : "") + "\">\n<label for=\"" + id + "\">" +
                    v.t(label_key) + "</label>\n";
    if (!hint_key.empty()) {
        h += "<p class=\"hint\" id=\"" + id + "-hint\">" + v.t(hint_key) + "</p>\n";
        described += id + "-hint";
    }
    if (e) {
        h += "<p class=\"error-message\" id=\"" + id + "-error\">" + esc(e->message) + "</p>\n";
        described += (described.empty() ? "" : " ") + id + "-error";
    }
    std::string attrs = " id=\"" + id + "\" name=\"" + name + "\"";
    if (!described.empty()) attrs += " aria-describedby=\"" + described + "\"";
    if (e) attrs += " aria-invalid=\"true\"";
    if (!autocomplete.empty()) attrs += " autocomplete=\"" + autocomplete + "\"";
    if (textarea) h += "<textarea" + attrs + " rows=\"3\" maxlength=\"500\">" + esc(value) + "</textarea>\n";
    else h += "<input type=\"" + type + "\"" + attrs + " value=\"" + esc(value) + "\"" +
              (name == "name" ? " maxlength=\"100\"" : "") + ">\n";
    return h + "</div>\n";
}

std::string hidden(const std::string& name, const std::string& value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">\n";
}

std::string offer_hidden(const booking::Offer& o, const booking::Request& r, Lang page_lang) {
    return hidden("institution", o.institution) + hidden("contact_point", o.contact_point) + hidden("topic", r.topic) +
           hidden("page_lang", std::string(code(page_lang)));
}

std::string summary_list(const View& v, const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string h = "<dl class=\"facts summary-list\">\n";
    for (auto& [k, val] : rows) h += "<div><dt>" + v.t(k) + "</dt><dd>" + val + "</dd></div>\n";
    return h + "</dl>\n";
}

// "Check your answers" rows: each answer has its own change link (GOV.UK summary list),
// named for screen readers ("Change phone"), that leads to the question that asked it.
struct CheckRow {
    std::string label_key, value, change;
};
std::string check_list(const View& v, const std::vector<CheckRow>& rows) {
    std::string h = "<dl class=\"facts summary-list\">\n";
    for (auto& row : rows) {
        if (row.value.empty()) continue;  // an optional answer left out is not a row
        h += "<div><dt>" + v.t(row.label_key) + "</dt><dd>" + row.value + "</dd><dd class=\"change\"><a href=\"" +
             esc(row.change) + "\">" + v.t("book.change") + "<span class=\"visually-hidden\"> " + v.t(row.label_key) +
             "</span></a></dd></div>\n";
    }
    return h + "</dl>\n";
}

// What is being booked, where: the first line of the time and details steps.
std::string offer_lead(const booking::Offer& o, const booking::Request& r, Lang lang) {
    return "<p class=\"lead\">" + esc(title_of(o, lang)) + " — " + esc(topic_title(o, r.topic, lang)) + "<br>" +
           esc(cp_name(o, lang)) + ", " + esc(address(o, lang)) + "</p>\n";
}

std::string hours_text(const booking::Offer& o, Lang lang) {
    auto sch = hours::Schedule::parse(o.hours);
    return sch ? sch->describe_in_words(lang) : o.hours;
}

// Name, phone or e-mail, language, note and accessibility needs: all the booking asks.
// On a shared PC every personal field is autocomplete="off"; elsewhere name, phone and
// e-mail keep their input purpose (WCAG 1.3.5) so a person's own browser can fill them.
std::string details_fields(const View& v, const std::vector<booking::FieldError>& errors, const booking::Request& r,
                           Lang lang, bool shared) {
    auto purpose = [shared](const char* token) { return std::string(shared ? "off" : token); };
    std::string free_text = shared ? "off" : "";
    std::string m;
    m += "<fieldset class=\"details\">\n<legend><h2>" + v.t("book.details.legend") + "</h2></legend>\n";
    m += field(v, errors, "name", "book.name", r.name, "text", purpose("name"));
    m += field(v, errors, "phone", "book.phone", r.phone, "tel", purpose("tel"), "book.phone.hint");
    m += field(v, errors, "email", "book.email", r.email, "email", purpose("email"));
    m += "<fieldset class=\"field\" id=\"f-lang\"><legend>" + v.t("book.lang") + "</legend>\n<div class=\"radios\">\n";
    for (const char* l : {"lv", "en"}) {
        bool checked = r.lang.empty() ? l == code(lang) : r.lang == l;
        m += std::string("<label class=\"radio\"><input type=\"radio\" name=\"lang\" value=\"") + l + "\"" +
             (checked ? " checked" : "") + "> " + v.t(std::string("book.lang.") + l) + "</label>\n";
    }
    m += "</div>\n</fieldset>\n";
    m += field(v, errors, "note", "book.note", r.note, "", free_text, "", true);
    m += field(v, errors, "accessibility", "book.accessibility", r.accessibility, "", free_text, "book.accessibility.hint", true);
    return m;
}

// The request's fields, for booking.js: the list is booking::kRequestTextFields, not a
// copy in the script.
// With the time step's address, which a refusal of the queued request links to
// (outbox.js, on whatever page it is answered).
std::string fields_attr(Lang lang) {
    std::string names;
    for (auto& f : booking::kRequestTextFields) names += (names.empty() ? "" : " ") + std::string(f.name);
    return " data-fields=\"" + names + "\" data-time=\"" + esc(booking_url(lang, "time")) + "\"";
}

// Step 1: the topic and the contact point. Nothing is chosen for the citizen: a
// preselected topic or centre (the first in the list) is an answer they did not give.
// `with_script_errors`: the static page carries the error summary and the inline
// messages hidden, rendered here, for booking.js to show when an answer is missing —
// the one rendering of these errors, with and without JavaScript.
std::string step_one_main(const content::Content& c, const Strings& s, const BookingStart& f, bool with_script_errors) {
    Lang lang = f.lang;
    View v{s, lang};
    const booking::FieldError* choice_error = error_for(f.errors, "choice");
    const booking::FieldError* cp_error = error_for(f.errors, "contact_point");
    std::string m = components::error_summary(s, lang, f.errors, false);
    if (with_script_errors)
        m += "<template id=\"booking-start-errors\">" +
             components::error_summary(s, lang, booking_start_errors(s, lang, true, true), false) + "</template>\n";
    m += "<p class=\"lead\">" + v.t("book.intro") + "</p>\n";
    m += "<form method=\"get\" action=\"" + esc(booking_url(lang, "time")) + "\" class=\"booking\" id=\"booking-start\" data-offline=\"" +
         esc(booking_url(lang, "offline")) + "\" novalidate>\n";
    // An inline message: shown when the server found the answer missing; hidden, for
    // booking.js, on the static page.
    auto inline_error = [&](const char* field, const booking::FieldError* e, bool no_topic) {
        if (e) return "<p class=\"error-message\" id=\"f-" + std::string(field) + "-error\">" + esc(e->message) + "</p>\n";
        if (!with_script_errors) return std::string();
        auto all = booking_start_errors(s, lang, no_topic, !no_topic);
        return "<p class=\"error-message\" id=\"f-" + std::string(field) + "-error\" hidden>" + esc(all.front().message) + "</p>\n";
    };
    m += std::string("<fieldset class=\"topics") + (choice_error ? " field-error" : "") + "\" id=\"f-choice\"" +
         (choice_error ? " aria-describedby=\"f-choice-error\"" : "") + ">\n<legend><h2>" + v.t("book.topic.legend") + "</h2></legend>\n";
    m += inline_error("choice", choice_error, true);
    std::map<std::string, std::vector<std::string>> hosts;  // contact point → institutions
    for (auto& k : c.consultations) {
        const auto* inst = c.institution(k.institution);
        m += "<h3>" + esc(inst ? inst->name[lang] + " (" + inst->abbr[lang] + ")" : k.institution) + "</h3>\n<div class=\"radios\">\n";
        for (auto& t : k.topics) {
            std::string id = "t-" + k.institution + "-" + t.id, value = k.institution + ":" + t.id;
            m += "<label class=\"radio\" for=\"" + esc(id) + "\"><input type=\"radio\" name=\"choice\" id=\"" + esc(id) +
                 "\" value=\"" + esc(value) + "\" data-institution=\"" + esc(k.institution) + "\"" +
                 (value == f.choice ? " checked" : "") + "> " + esc(t.title[lang]) + "</label>\n";
        }
        m += "</div>\n";
        for (auto& cp : k.contact_points) hosts[cp].push_back(k.institution);
    }
    m += "</fieldset>\n";
    // Every hosting contact point; data-institutions lets booking.js hide the others
    // and sort by distance. Without JavaScript the server checks the pair.
    std::vector<std::pair<std::vector<int>, const content::ContactPoint*>> cps;
    for (auto& [id, insts] : hosts)
        if (auto* cp = c.contact_point(id)) cps.emplace_back(collate::sort_key(lang, cp->name[lang]), cp);
    std::sort(cps.begin(), cps.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first < b.first : a.second->id < b.second->id; });
    m += std::string("<div class=\"field") + (cp_error ? " field-error" : "") + "\">\n<label for=\"f-contact_point\">" +
         v.t("book.cp.label") + "</label>\n";
    m += "<p class=\"hint\" id=\"f-contact_point-hint\">" + v.t("book.cp.hint") + "</p>\n";
    m += inline_error("contact_point", cp_error, false);
    m += std::string("<select id=\"f-contact_point\" name=\"contact_point\" aria-describedby=\"f-contact_point-hint") +
         (cp_error ? " f-contact_point-error\" aria-invalid=\"true" : "") + "\" required>\n";
    // A first option that is no answer, so no centre is chosen until the citizen chooses one.
    m += "<option value=\"\">" + v.t("book.cp.none") + "</option>\n";
    for (auto& [key, cp] : cps) {
        std::string insts;
        for (auto& i : hosts[cp->id]) insts += (insts.empty() ? "" : " ") + i;
        m += "<option value=\"" + esc(cp->id) + "\" data-institutions=\"" + esc(insts) + "\" data-lat=\"" +
             html::fixed(cp->lat, 5) + "\" data-lon=\"" + html::fixed(cp->lon, 5) + "\" data-phone=\"" + esc(cp->phone) +
             "\" data-email=\"" + esc(cp->email) + "\"" + (cp->id == f.contact_point ? " selected" : "") + ">" +
             esc(cp->name[lang]) + "</option>\n";
    }
    m += "</select>\n<button type=\"button\" id=\"nearest-first\" class=\"button-secondary\" hidden>" + v.t("book.cp.nearest") +
         "</button>\n</div>\n";
    m += "<p id=\"booking-fallback\" class=\"fallback\" hidden data-text=\"" + v.t("book.fallback") + "\" data-subject=\"" +
         v.t("book.fallback.subject") + "\"></p>\n";
    m += "<button type=\"submit\">" + v.t("book.continue") + "</button>\n</form>\n";
    return m;
}

// Step 1 in the frame; `alternate` is where its language switch leads ("" → the other
// language's static step 1).
std::string step_one_page(const content::Content& c, const Strings& s, const Options& o, const BookingStart& f,
                          bool with_script_errors, const std::string& alternate) {
    View v{s, f.lang};
    return frame(s, o, f.lang,
                 FramedPage{Kind::consultation, s.get(f.lang, "book.title"), step_one_main(c, s, f, with_script_errors),
                            back_link(v, url_for(f.lang, Kind::home)) + step_count(v, 1), alternate});
}

Page step_one(const content::Content& c, const Strings& s, const Options& o, Lang lang) {
    BookingStart f;
    f.lang = lang;
    return {path_for(url_for(lang, Kind::consultation)), step_one_page(c, s, o, f, true, "")};
}

// The time-and-details step without the server, for when the connection is gone:
// booking.js fills the times from the wasm core (the same slot rules and the same
// slot_list the server uses), checks the answers with the core's validation and sends the request
// through the outbox, which keeps it until the connection is back.
Page offline_time_page(const Strings& s, const Options& o, Lang lang) {
    View v{s, lang};
    // Back to step 1; booking.js adds the topic and contact point this page was opened with.
    std::string above = back_link(v, booking_url(lang)) + "<p class=\"step-count\">" +
                        esc(s.format(lang, "book.steps", {{"n", "2"}, {"m", "3"}, {"total", std::to_string(kSteps)}})) +
                        "</p>\n";
    std::string m = "<p class=\"lead\" id=\"offline-offer\"></p>\n";
    m += "<p class=\"notice\">" + v.t("book.offline.notice") + "</p>\n";
    m += "<noscript><p>" + v.t("book.offline.nojs") + "</p></noscript>\n";
    // booking.js puts the core's error summary here (components/error_summary, rendered by
    // the wasm core with the labels in the form's data-error-strings).
    m += "<div id=\"offline-errors\" hidden></div>\n";
    m += "<form method=\"post\" action=\"/api/bookings\" class=\"booking\" id=\"booking-offline\" data-done=\"" +
         esc(booking_url(lang, "done")) + "\" data-waiting=\"" + v.t("book.status.waiting") + "\" data-waiting-shared=\"" +
         v.t("book.status.waiting_shared") + "\" data-print=\"" + v.t("book.status.print") + "\" data-sent=\"" +
         v.t("book.status.sent") + "\" data-taken=\"" + v.t("book.status.taken") + "\" data-error=\"" +
         v.t("book.status.error") + "\" data-none=\"" + v.t("book.offline.none") + "\" data-error-strings=\"" +
         html::strings_json(s, lang, components::error_summary_keys()) + "\"" + fields_attr(lang) + " novalidate hidden>\n";
    m += hidden("institution", "") + hidden("topic", "") + hidden("contact_point", "");
    m += "<fieldset class=\"slots\" id=\"f-start\">\n<legend><h2>" + v.t("book.time.legend") +
         "</h2></legend>\n<div id=\"offline-slots\"></div>\n</fieldset>\n";
    // Static, so the same for every PC: app.js turns autocomplete off here in shared mode.
    m += details_fields(v, {}, booking::Request{}, lang, false);
    m += "</fieldset>\n<p id=\"booking-status\" class=\"booking-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    m += "<button type=\"submit\">" + v.t("book.offline.send") + "</button>\n</form>\n";
    return {path_for(booking_url(lang, "offline")),
            frame(s, o, lang, FramedPage{Kind::consultation, s.get(lang, "book.offline.title"), m, above})};
}

}  // namespace

std::string booking_url(Lang lang, std::string_view step) {
    std::string base = url_for(lang, Kind::consultation);
    if (step == "time") return base + (lang == Lang::lv ? "laiks/" : "time/");
    if (step == "done") return base + (lang == Lang::lv ? "apstiprinajums/" : "confirmation/");
    if (step == "offline") return base + (lang == Lang::lv ? "bezsaiste/" : "offline/");
    if (step == "cancel") return base + (lang == Lang::lv ? "apstiprinajums/atcelt/" : "confirmation/cancel/");
    if (step == "ics") return base + (lang == Lang::lv ? "apstiprinajums/ics" : "confirmation/ics");
    if (step == "details") return base + (lang == Lang::lv ? "dati/" : "details/");
    if (step == "check") return base + (lang == Lang::lv ? "parbaude/" : "check/");
    if (step == "start") return base + (lang == Lang::lv ? "izvele/" : "choose/");
    return base;
}

std::vector<booking::FieldError> booking_start_errors(const Strings& s, Lang lang, bool no_topic, bool no_contact_point) {
    std::vector<booking::FieldError> errors;
    if (no_topic) errors.push_back({"choice", "required", s.get(lang, "book.topic.missing")});
    if (no_contact_point) errors.push_back({"contact_point", "required", s.get(lang, "book.cp.missing")});
    return errors;
}

std::string booking_start_url(Lang lang, const std::string& choice, const std::string& contact_point) {
    if (choice.empty() && contact_point.empty()) return booking_url(lang);
    return booking_url(lang, "start") + "?choice=" + query_value(choice) + "&contact_point=" + query_value(contact_point);
}

std::string booking_start_page(const content::Content& c, const Strings& s, const Options& o, const BookingStart& f) {
    return step_one_page(c, s, o, f, false, booking_start_url(other(f.lang), f.choice, f.contact_point));
}

std::vector<Page> booking_pages(const content::Content& c, const Strings& s, const Options& o) {
    if (c.consultations.empty()) return {};
    return {step_one(c, s, o, Lang::lv), step_one(c, s, o, Lang::en), offline_time_page(s, o, Lang::lv),
            offline_time_page(s, o, Lang::en)};
}

// One thing per page: the day and time first, then the details.
std::string booking_time_page(const Strings& s, const Options& o, const BookingForm& f) {
    View v{s, f.lang};
    const auto& r = f.values;
    auto errors = in_page_language(f.errors, f.lang);
    std::string above =
        back_link(v, booking_start_url(f.lang, f.offer->institution + ":" + r.topic, f.offer->contact_point)) + step_count(v, 2);
    std::string m = components::error_summary(s, f.lang, errors, f.slot_taken);
    m += offer_lead(*f.offer, r, f.lang);
    m += "<form method=\"get\" action=\"" + esc(booking_url(f.lang, "details")) +
         "\" class=\"booking\" id=\"booking-time\" novalidate>\n";
    m += hidden("choice", f.offer->institution + ":" + r.topic) + hidden("contact_point", f.offer->contact_point);
    const booking::FieldError* se = error_for(errors, "start");
    m += std::string("<fieldset class=\"slots") + (se || f.slot_taken ? " field-error" : "") + "\" id=\"f-start\">\n<legend><h2>" +
         v.t("book.time.legend") + "</h2></legend>\n";
    if (se) m += "<p class=\"error-message\">" + esc(se->message) + "</p>\n";
    if (f.slots.empty()) m += "<p>" + esc(s.format(f.lang, "book.time.none", {{"phone", f.offer->phone}})) + "</p>\n";
    m += components::slot_list(f.lang, f.slots, r.start);
    m += "</fieldset>\n<button type=\"submit\">" + v.t("book.continue") + "</button>\n</form>\n";
    booking::Request here = r;
    here.institution = f.offer->institution;
    here.contact_point = f.offer->contact_point;
    return frame(s, o, f.lang,
                 FramedPage{Kind::consultation, s.get(f.lang, "book.time.title"), m, above, time_url(other(f.lang), here, true)});
}

std::string booking_details_page(const Strings& s, const Options& o, const BookingForm& f) {
    View v{s, f.lang};
    booking::Request r = f.values;
    r.institution = f.offer->institution;
    r.contact_point = f.offer->contact_point;
    auto errors = in_page_language(f.errors, f.lang);
    std::string change = time_url(f.lang, r, true);
    std::string above = back_link(v, change) + step_count(v, 3);
    std::string m = components::error_summary(s, f.lang, errors, f.slot_taken);
    m += offer_lead(*f.offer, r, f.lang);
    m += "<p><strong>" + v.t("book.when") + ":</strong> " +
         esc(when_label(r.start, r.start + f.offer->rules.slot_minutes * 60, f.lang)) + " <a href=\"" + esc(change) + "\">" +
         v.t("book.details.change_time") + "</a></p>\n";
    m += "<form method=\"post\" action=\"/api/bookings\" class=\"booking\" id=\"booking-details\"" +
         std::string(f.shared ? " autocomplete=\"off\"" : "") + " novalidate>\n";
    m += offer_hidden(*f.offer, r, f.lang) + hidden("step", "check") + hidden("start", std::to_string(r.start));
    m += details_fields(v, errors, r, f.lang, f.shared);
    m += "</fieldset>\n<button type=\"submit\">" + v.t("book.check") + "</button>\n</form>\n";
    // The other language's details step shows the same answers, from the server's draft.
    return frame(s, o, f.lang,
                 FramedPage{Kind::consultation, s.get(f.lang, "book.details.title"), m, above, details_url(other(f.lang), r)});
}

std::string booking_wrong_place_page(const Strings& s, const Options& o, Lang lang,
                                     const std::vector<std::pair<std::string, std::string>>& hosts) {
    View v{s, lang};
    std::string m = "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
                    "<h2 id=\"error-summary-title\">" + v.t("book.errors.title") + "</h2>\n<p>" + v.t("book.cp.wrong") +
                    "</p>\n</div>\n<ul class=\"links\">\n";
    for (auto& [url, name] : hosts) m += "<li><a href=\"" + esc(url) + "\">" + esc(name) + "</a></li>\n";
    m += "</ul>\n<p><a href=\"" + esc(booking_url(lang)) + "\">" + v.t("book.change") + "</a></p>\n";
    return frame(s, o, lang, Kind::consultation, s.get(lang, "book.cp.label"), m);
}

std::string booking_check_page(const Strings& s, const Options& o, const BookingForm& f) {
    View v{s, f.lang};
    const auto& r = f.values;
    std::string change = time_url(f.lang, r, true);
    // The details step shows the answers kept on the server (the draft) for this time, so
    // changing one answer keeps the others; submitting it comes back to this page.
    std::string details = details_url(f.lang, r);
    // Step 1 again from the server, with the topic and the contact point chosen.
    std::string start = booking_start_url(f.lang, r.institution + ":" + r.topic, r.contact_point);
    std::string m = check_list(v, {{"book.topic", esc(title_of(*f.offer, f.lang)) + " — " + esc(topic_title(*f.offer, r.topic, f.lang)), start},
                                   {"book.cp", esc(cp_name(*f.offer, f.lang)) + ", " + esc(address(*f.offer, f.lang)), start},
                                   {"book.when", esc(when_label(r.start, r.start + f.offer->rules.slot_minutes * 60, f.lang)), change},
                                   {"book.name", esc(r.name), details + "#f-name"},
                                   {"book.phone", esc(r.phone), details + "#f-phone"},
                                   {"book.email", esc(r.email), details + "#f-email"},
                                   {"book.lang", v.t("book.lang." + r.lang), details + "#f-lang"},
                                   {"book.note", esc(r.note), details + "#f-note"},
                                   {"book.accessibility", esc(r.accessibility), details + "#f-accessibility"}});
    m += "<form method=\"post\" action=\"/api/bookings\" class=\"booking\" id=\"booking-confirm\" data-done=\"" +
         esc(booking_url(f.lang, "done")) + "\" data-sending=\"" + v.t("book.status.sending") + "\" data-sent=\"" +
         v.t("book.status.sent") + "\" data-waiting=\"" + v.t("book.status.waiting") + "\" data-waiting-shared=\"" +
         v.t("book.status.waiting_shared") + "\" data-print=\"" + v.t("book.status.print") + "\" data-taken=\"" +
         v.t("book.status.taken") + "\" data-error=\"" + v.t("book.status.error") + "\" data-change=\"" + esc(change) + "\" data-change-label=\"" + v.t("book.change") + "\"" +
         fields_attr(f.lang) + (f.shared ? " autocomplete=\"off\"" : "") + ">\n";
    m += offer_hidden(*f.offer, r, f.lang) + hidden("step", "confirm") + hidden("start", std::to_string(r.start));
    // Every answer the check page shows goes back with the confirmation, as it was checked.
    for (auto& field : booking::kRequestTextFields)
        if (field.name != "institution" && field.name != "topic" && field.name != "contact_point")
            m += hidden(std::string(field.name), r.*field.member);
    m += hidden("idempotency_key", f.idempotency_key);
    m += "<p id=\"booking-status\" class=\"booking-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    m += "<button type=\"submit\">" + v.t("book.confirm") + "</button>\n</form>\n";
    return frame(s, o, f.lang,
                 FramedPage{Kind::consultation, s.get(f.lang, "book.check.title"), m, back_link(v, details),
                            booking_url(other(f.lang), "check")});
}

// The confirmation says what really happens next (issue 15): when and where to come,
// what to bring, that the specialist joins by video there, and the ways to cancel that
// work in this system. It asks for no rating: the consultation has not happened yet.
std::string booking_confirmation_page(const Strings& s, const Options& o, const BookingDone& d) {
    View v{s, d.lang};
    const auto& off = *d.offer;
    std::string m = "<div class=\"panel\"><p>" + v.t("book.reference") + "</p><p class=\"reference\"><strong id=\"reference\">" +
                    esc(d.reference) + "</strong></p></div>\n";
    std::string contact = esc(off.phone) + "<br>" + esc(off.email);
    m += summary_list(v, {{"book.topic", esc(title_of(off, d.lang)) + " — " + esc(topic_title(off, d.topic, d.lang))},
                          {"book.when", esc(long_when(d.start, d.end, d.lang))},
                          {"book.where", esc(cp_name(off, d.lang)) + "<br>" + esc(address(off, d.lang)) + "<br>" + contact},
                          {"book.hours", esc(hours_text(off, d.lang))}});
    if (!d.cancelled) {
        m += "<section class=\"next-steps\" aria-labelledby=\"next-title\">\n<h2 id=\"next-title\">" + v.t("book.next.title") +
             "</h2>\n";
        m += "<p id=\"next-come\">" +
             esc(s.format(d.lang, "book.next.come", {{"when", long_when(d.start, d.end, d.lang)},
                                                     {"place", cp_name(off, d.lang)},
                                                     {"address", address(off, d.lang)}})) + "</p>\n";
        m += "<p id=\"next-video\">" + v.t("book.next.video") + "</p>\n";
        m += "<h3>" + v.t("book.bring") + "</h3>\n<p>" + v.t("book.next.identity") + "</p>\n<ul id=\"next-bring\">";
        for (auto& b : d.lang == Lang::lv ? off.bring_lv : off.bring_en) m += "<li>" + esc(b) + "</li>";
        m += "</ul>\n";
        m += "<h3>" + v.t("book.next.cancel.title") + "</h3>\n<p id=\"next-cancel\">" +
             esc(s.format(d.lang, d.shared ? "book.keep.shared" : "book.keep", {{"phone", off.phone}})) + "</p>\n";
        // Through the view: the addresses are the same for every booking and every visitor.
        m += "<ul class=\"links\">\n<li><a href=\"" + esc(booking_url(d.lang, "cancel")) + "\" class=\"cancel-link\">" +
             v.t("book.cancel") + "</a></li>\n<li><a href=\"" + esc(booking_url(d.lang, "ics")) + "\" download>" + v.t("book.ics") +
             "</a></li>\n</ul>\n";
        m += "<p class=\"print-row\"><button type=\"button\" id=\"print-booking\" class=\"button-secondary\" hidden>" +
             v.t("book.print") + "</button></p>\n</section>\n";
    }
    return frame_to(s, o, d.lang, Kind::consultation, s.get(d.lang, d.cancelled ? "book.cancelled.title" : "book.done.title"), m,
                    booking_url(other(d.lang), "done"));
}

std::string booking_cancel_page(const Strings& s, const Options& o, const BookingDone& d) {
    View v{s, d.lang};
    const auto& off = *d.offer;
    std::string m = summary_list(v, {{"book.reference", esc(d.reference)},
                          {"book.topic", esc(title_of(off, d.lang)) + " — " + esc(topic_title(off, d.topic, d.lang))},
                          {"book.when", esc(long_when(d.start, d.end, d.lang))},
                          {"book.where", esc(cp_name(off, d.lang))}});
    m += "<p>" + v.t("book.cancel.text") + "</p>\n";
    // A plain form: without JavaScript too, and never a link a history entry could repeat.
    m += "<form method=\"post\" action=\"/api/confirmation/cancel\" class=\"cancel\" id=\"booking-cancel\">\n" +
         hidden("page_lang", std::string(code(d.lang))) + hidden("confirm", "yes") +
         "<button type=\"submit\" class=\"button-warning\">" + v.t("book.cancel.yes") + "</button>\n</form>\n";
    m += "<p><a href=\"" + esc(booking_url(d.lang, "done")) + "\">" + v.t("book.cancel.no") + "</a></p>\n";
    return frame(s, o, d.lang,
                 FramedPage{Kind::consultation, s.get(d.lang, "book.cancel.title"), m, back_link(v, booking_url(d.lang, "done")),
                            booking_url(other(d.lang), "cancel")});
}

std::string booking_no_view_page(const Strings& s, const Options& o, Lang lang) {
    View v{s, lang};
    std::string m = "<p class=\"lead\">" + v.t("book.none.text") + "</p>\n";
    m += "<p>" + v.t("book.none.help") + "</p>\n";
    m += "<p><a href=\"" + esc(booking_url(lang)) + "\">" + v.t("book.none.again") + "</a></p>\n";
    return frame_to(s, o, lang, Kind::consultation, s.get(lang, "book.none.title"), m, booking_url(other(lang), "done"));
}

std::string booking_open_page(const Strings& s, const Options& o, Lang lang) {
    View v{s, lang};
    std::string next = esc(booking_url(lang, "done"));
    std::string m = "<p><a href=\"" + next + "\" id=\"open-booking\">" + v.t("book.open.link") + "</a></p>\n";
    std::string h = frame(s, o, lang, Kind::consultation, s.get(lang, "book.open.title"), m);
    // A refresh is a navigation the site itself starts: the Strict view cookie goes with it,
    // which a redirect from a mail or calendar app would not carry.
    auto head = h.find("</head>");
    if (head != std::string::npos) h.insert(head, "<meta http-equiv=\"refresh\" content=\"0; url=" + next + "\">\n");
    return h;
}

}  // namespace pietura::site
