// Target 6: what citizens type into the booking and rating forms — validation,
// phone and e-mail checks, comment masking, the calendar file. Input: a JSON object
// as the form posts it ({"name": ..., "phone": ..., "comment": ..., "score": 4, ...});
// anything else is used as one text for every field.
//
// Promises checked (booking.hpp, rating.hpp): a validated request's phone is
// +371 and 8 digits; a masked comment keeps no run of 7 digits and no e-mail address.
#include <cstdint>
#include <string_view>

#include "booking/booking.hpp"
#include "fuzz_common.hpp"
#include "rating/rating.hpp"

namespace booking = pietura::booking;
namespace rating = pietura::rating;

namespace {

std::string field(const nlohmann::json& j, const char* key, const std::string& fallback) {
    if (!j.is_object() || !j.contains(key)) return fallback;
    const auto& v = j[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
}

void check_masked(const std::string& masked, const std::string& input) {
    int run = 0;
    for (char c : masked) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run >= 7) fuzz::broken("mask() leaves no run of 7 digits", input + " -> " + masked);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string raw(reinterpret_cast<const char*>(data), size);
    nlohmann::json j = nlohmann::json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) j = nlohmann::json();

    (void)booking::normalize_phone(raw);
    (void)booking::valid_email(raw);
    (void)booking::utf8_length(raw);
    check_masked(rating::mask(raw), raw);

    booking::Request r;
    r.institution = field(j, "institution", "vid");
    r.topic = field(j, "topic", "deklaracija");
    r.contact_point = field(j, "contact_point", "biblioteka-adazi");
    r.name = field(j, "name", raw);
    r.phone = field(j, "phone", raw);
    r.email = field(j, "email", raw);
    r.lang = field(j, "lang", "lv");
    r.note = field(j, "note", raw);
    r.accessibility = field(j, "accessibility", "");
    auto errors = booking::validate(r);
    for (auto& e : errors) {
        if (e.field.empty() || e.code.empty() || e.message.empty()) fuzz::broken("a field error names field, code and message", raw);
        (void)booking::field_message(e.code, pietura::Lang::en);
    }
    if (errors.empty() && !r.phone.empty()) {
        auto again = booking::normalize_phone(r.phone);
        if (r.phone.size() != 12 || r.phone.rfind("+371", 0) != 0 || !again || *again != r.phone)
            fuzz::broken("a valid request's phone is +371 and 8 digits", raw + " -> " + r.phone);
    }

    rating::Rating rt;
    rt.about = field(j, "about", "service");
    rt.target = field(j, "target", "vid-deklaracija");
    rt.comment = field(j, "comment", raw);
    rt.lang = field(j, "lang", "lv");
    rt.score = j.is_object() && j.contains("score") && j["score"].is_number_integer() ? j["score"].get<int>() : 3;
    auto rerrors = rating::validate(rt);
    if (rerrors.empty()) check_masked(rt.comment, raw);

    booking::Event ev;
    ev.uid = "fuzz@pietura";
    ev.start = 1798014600;
    ev.end = ev.start + 1800;
    ev.stamp = ev.start - 86400;
    ev.summary = r.name;
    ev.location = field(j, "location", raw);
    ev.description = r.note;
    ev.url = field(j, "url", "https://pietura.example.lv/");
    std::string cal = booking::ics(ev);
    // RFC 5545: every line ends in CRLF and is at most 75 octets.
    size_t start = 0;
    while (start < cal.size()) {
        size_t end = cal.find("\r\n", start);
        if (end == std::string::npos) fuzz::broken("an ics file ends its lines with CRLF", raw);
        if (end - start > 75) fuzz::broken("ics lines are folded at 75 octets", cal.substr(start, end - start));
        start = end + 2;
    }
    return 0;
}
