#define BOOST_TEST_MODULE booking
#include <boost/test/unit_test.hpp>

#include <set>

#include "booking/booking.hpp"
#include "content/content.hpp"
#include "fixture.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

using namespace pietura;
using namespace pietura::booking;
using hours::Date;
using hours::Schedule;

namespace pietura::hours {
std::ostream& boost_test_print_type(std::ostream& os, const Date& d) { return os << d.iso(); }
}  // namespace pietura::hours

namespace {

Schedule spec(const char* s) {
    auto sch = Schedule::parse(s);
    BOOST_REQUIRE_MESSAGE(sch, s);
    return *sch;
}

Date date(const char* s) { return *Date::parse(s); }
hours::Instant at(const char* s) { return *hours::parse_instant(s); }

// "09:00" style Riga wall-clock starts of the slots on one date.
std::vector<std::string> starts_on(const std::vector<Slot>& slots, const char* day) {
    std::vector<std::string> out;
    for (auto& s : slots) {
        auto t = hours::to_riga(s.start);
        if (t.date.iso() != day) continue;
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
        out.push_back(buf);
    }
    return out;
}

const hours::Calendar kLaw;

// One VSAA schedule in the fixture's content; the layout is fixed so that error
// positions (line 4: windows, line 5: contact points) can be asserted.
void write_consultation(const fixture::fs::path& dir, const std::string& windows, const std::string& contact_points,
                        const std::string& topics, const std::string& bring) {
    fixture::write(dir / "consultations/vsaa.json", "{\n  \"id\": \"vsaa\", \"institution\": \"vsaa\",\n"
                   "  \"title\": {\"lv\": \"VSAA konsultācija\", \"en\": \"SSIA consultation\"},\n"
                   "  \"slot_minutes\": 30, \"windows\": \"" + windows + "\", \"seats\": 1,\n"
                   "  \"notice_working_days\": 1, \"horizon_days\": 30, \"contact_points\": [" + contact_points + "],\n"
                   "  \"topics\": [" + topics + "],\n  \"bring\": " + bring + "\n}\n");
}  // statutory holidays and their shortened eves

}  // namespace

BOOST_AUTO_TEST_CASE(slots_lie_inside_windows_and_opening_hours_around_lunch) {
    auto windows = spec("Mo-Fr 09:00-16:00; PH off");
    auto cp = spec("Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00; PH off");
    Rules r{30, 1, 0, 60};
    auto slots = booking::slots(windows, cp, kLaw, r, date("2026-11-09"), 5, at("2026-11-01T12:00+02:00"));
    auto mon = starts_on(slots, "2026-11-09");
    std::vector<std::string> want{"09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:30", "13:00",
                                  "13:30", "14:00", "14:30", "15:00", "15:30"};
    BOOST_TEST(mon == want, boost::test_tools::per_element());
    // Friday: the contact point closes at 14:00, so the last slot is 13:30.
    auto fri = starts_on(slots, "2026-11-13");
    BOOST_REQUIRE(!fri.empty());
    BOOST_TEST(fri.front() == "09:00");
    BOOST_TEST(fri.back() == "13:30");
    // In Latvian time whatever the machine's zone: 09:00 in November is 07:00 UTC.
    BOOST_TEST(slots.front().start == at("2026-11-09T07:00Z"));
    BOOST_TEST(slots.front().end - slots.front().start == 1800);
}

BOOST_AUTO_TEST_CASE(no_slots_on_a_public_holiday_and_an_hour_less_on_its_eve) {
    auto windows = spec("Mo-Fr 09:00-17:00; PH off");
    auto cp = spec("Mo-Fr 08:00-17:00; PH off");
    Rules r{60, 1, 0, 60};
    auto slots = booking::slots(windows, cp, kLaw, r, date("2026-11-16"), 3, at("2026-11-01T12:00+02:00"));
    // 18 November 2026 (Wednesday) is Proclamation Day.
    BOOST_TEST(starts_on(slots, "2026-11-18").empty());
    // 17 November is a shortened pre-holiday day: both close at 16:00.
    auto eve = starts_on(slots, "2026-11-17");
    BOOST_REQUIRE(!eve.empty());
    BOOST_TEST(eve.back() == "15:00");
    BOOST_TEST(starts_on(slots, "2026-11-16").back() == "16:00");
}

BOOST_AUTO_TEST_CASE(daylight_saving_days_offer_only_real_length_slots) {
    auto windows = spec("Su 01:00-06:00");
    auto cp = spec("Su 00:00-24:00");
    Rules r{60, 1, 0, 400};
    hours::Instant now = at("2026-01-01T00:00Z");
    auto normal = booking::slots(windows, cp, kLaw, r, date("2026-03-22"), 1, now);
    BOOST_TEST(normal.size() == 5u);
    for (const char* day : {"2026-03-29", "2026-10-25"}) {
        auto slots = booking::slots(windows, cp, kLaw, r, date(day), 1, now);
        BOOST_TEST_CONTEXT(day) {
            // One wall-clock hour is skipped (spring) or ambiguous (autumn): 4 slots, not 5.
            BOOST_TEST(slots.size() == 4u);
            std::set<hours::Instant> starts;
            for (auto& s : slots) {
                BOOST_TEST(s.end - s.start == 3600);
                starts.insert(s.start);
            }
            BOOST_TEST(starts.size() == slots.size());
        }
    }
}

BOOST_AUTO_TEST_CASE(notice_counts_working_days_over_weekends_and_holidays) {
    // Friday afternoon, one working day's notice: Monday.
    BOOST_TEST(earliest_date(at("2026-11-20T15:00+02:00"), 1, kLaw) == date("2026-11-23"));
    BOOST_TEST(earliest_date(at("2026-11-20T15:00+02:00"), 2, kLaw) == date("2026-11-24"));
    // Thursday 30 April: 1 May (Fri) and 4 May (Mon) are holidays, so Tuesday 5 May.
    BOOST_TEST(earliest_date(at("2026-04-30T10:00+03:00"), 1, kLaw) == date("2026-05-05"));
    // Late Friday evening in UTC is already Saturday in Riga.
    BOOST_TEST(earliest_date(at("2026-11-20T22:30Z"), 0, kLaw) == date("2026-11-21"));

    auto windows = spec("Mo-Fr 09:00-12:00");
    auto cp = spec("Mo-Fr 08:00-17:00; PH off");
    Rules r{60, 1, 1, 30};
    auto slots = booking::slots(windows, cp, kLaw, r, date("2026-11-20"), 7, at("2026-11-20T08:00+02:00"));
    BOOST_REQUIRE(!slots.empty());
    BOOST_TEST(hours::to_riga(slots.front().start).date == date("2026-11-23"));
}

BOOST_AUTO_TEST_CASE(horizon_notice_zero_and_seats) {
    auto windows = spec("Mo-Fr 09:00-11:00");
    auto cp = spec("Mo-Fr 08:00-17:00");
    Rules r{60, 2, 0, 10};
    hours::Instant now = at("2026-11-09T09:30+02:00");
    Taken taken{{at("2026-11-10T09:00+02:00"), 2}, {at("2026-11-10T10:00+02:00"), 1}};
    auto slots = booking::slots(windows, cp, kLaw, r, date("2026-11-09"), 60, now, taken);
    // No notice: the 10:00 slot today is still bookable, the 09:00 one has started.
    BOOST_TEST((starts_on(slots, "2026-11-09") == std::vector<std::string>{"10:00"}));
    // Full slots are left out, half-full ones say how many seats are free.
    auto tue = starts_on(slots, "2026-11-10");
    BOOST_TEST((tue == std::vector<std::string>{"10:00"}));
    for (auto& s : slots)
        if (s.start == at("2026-11-10T10:00+02:00")) BOOST_TEST(s.free == 1);
    // Horizon of 10 days: nothing after 19 November.
    BOOST_TEST(hours::to_riga(slots.back().start).date == date("2026-11-19"));
}

BOOST_AUTO_TEST_CASE(offer_comes_from_the_snapshot) {
    auto dir = fixture::mini_content("booking");
    write_consultation(dir, "Mo-Fr 09:00-12:00; PH off", R"("vpvkac-cesis")",
                       R"({"id": "pensijas", "title": {"lv": "Pensijas", "en": "Pensions"}, "services": ["vsaa-vecuma-pensija"]})",
                       R"({"lv": ["Pase"], "en": ["Passport"]})");
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(dir, diags);
    BOOST_REQUIRE(!content::has_errors(diags));
    BOOST_REQUIRE(c.consultations.size() == 1u);
    auto file = dir.parent_path() / "snap.sqlite";
    snapshot::write(c, file, {"test"});
    auto cat = snapshot::Catalogue::open(file);
    BOOST_TEST(!Offer::load(cat, "vsaa", "no-such-point"));
    BOOST_TEST(!Offer::load(cat, "vid", "vpvkac-cesis"));
    auto offer = Offer::load(cat, "vsaa", "vpvkac-cesis");
    BOOST_REQUIRE(offer);
    BOOST_TEST(offer->topics.size() == 1u);
    BOOST_TEST(offer->topic("pensijas")->title_en == "Pensions");
    BOOST_TEST(offer->bring_en.front() == "Passport");
    auto slots = offer->slots(date("2026-11-23"), 1, at("2026-11-20T12:00+02:00"));
    BOOST_TEST(slots.size() == 6u);
    BOOST_TEST(offer->offers(at("2026-11-23T09:30+02:00"), at("2026-11-20T12:00+02:00")));
    BOOST_TEST(!offer->offers(at("2026-11-23T09:15+02:00"), at("2026-11-20T12:00+02:00")));
    BOOST_TEST(!offer->offers(at("2026-11-23T12:00+02:00"), at("2026-11-20T12:00+02:00")));
    BOOST_TEST((Offer::hosts(cat, "vsaa") == std::vector<std::string>{"vpvkac-cesis"}));
}

BOOST_AUTO_TEST_CASE(content_checks_consultation_references_and_windows) {
    auto dir = fixture::mini_content("booking-bad");
    write_consultation(dir, "Mo-Fr 09:00-25:00", R"("vpvkac-cesis", "nowhere")",
                       R"({"id": "a", "title": {"lv": "A", "en": "A"}, "services": ["no-service"]},
             {"id": "a", "title": {"lv": "B", "en": "B"}})",
                       R"({"lv": [], "en": []})");
    std::vector<content::Diagnostic> diags;
    content::Content::load(dir, diags);
    std::string all;
    for (auto& d : diags) all += d.format() + "\n";
    BOOST_TEST(all.find("consultations/vsaa.json:4:47: error: consultation windows: ") != std::string::npos, all);
    BOOST_TEST(all.find("consultations/vsaa.json:5:84: error: unknown contact-points id \"nowhere\"") != std::string::npos, all);
    BOOST_TEST(all.find("unknown services id \"no-service\"") != std::string::npos, all);
    BOOST_TEST(all.find("duplicate topic id \"a\"") != std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(requests_ask_only_what_is_needed) {
    Request ok{"vsaa", "pensijas", "vpvkac-cesis", 1800000000, "  Anna Bērziņa ", "+371 29 123 456", "", "lv", "", ""};
    BOOST_TEST(validate(ok).empty());
    BOOST_TEST(ok.name == "Anna Bērziņa");
    BOOST_TEST(ok.phone == "+37129123456");

    for (const char* p : {"29123456", "+37129123456", "00371 2912 3456", "+371 67 012 345", "(+371) 29-123-456"})
        BOOST_TEST(normalize_phone(p).has_value(), p);
    for (const char* p : {"2912345", "+372 5123 4567", "19123456", "+371 2912345a", "291234567", "+"})
        BOOST_TEST(!normalize_phone(p).has_value(), p);
    for (const char* e : {"anna@example.lv", "a.b+c@sub.example.com"}) BOOST_TEST(valid_email(e), e);
    for (const char* e : {"anna", "anna@lv", "@example.lv", "a@@b.lv", "a b@example.lv", "a@example.l1", "a@.lv"})
        BOOST_TEST(!valid_email(e), e);

    Request bad{"vsaa", "", "vpvkac-cesis", 0, "", "", "", "de", std::string(501, 'x'), ""};
    auto errors = validate(bad);
    std::set<std::string> fields;
    for (auto& e : errors) fields.insert(e.field + ":" + e.code);
    BOOST_TEST(fields.count("topic:required"));
    BOOST_TEST(fields.count("start:required"));
    BOOST_TEST(fields.count("name:required"));
    BOOST_TEST(fields.count("phone:contact"));
    BOOST_TEST(fields.count("lang:choice"));
    BOOST_TEST(fields.count("note:too_long"));

    Request mail{"vsaa", "t", "c", 1, std::string(100, 'a'), "", "anna@example", "en", "ā" + std::string(499, 'b'), ""};
    errors = validate(mail);
    BOOST_REQUIRE(errors.size() == 1u);  // 100 and 500 characters are allowed, even in UTF-8
    BOOST_TEST(errors[0].field == "email");
    BOOST_TEST(errors[0].message.find("e-mail") != std::string::npos);
    Request ctrl{"vsaa", "t", "c", 1, "Anna\x01", "29123456", "", "lv", "", ""};
    BOOST_TEST(validate(ctrl).size() == 1u);
}

BOOST_AUTO_TEST_CASE(calendar_file_follows_rfc_5545) {
    Event e{"PT-ABCD-1234@pietura", at("2026-11-23T09:30+02:00"), at("2026-11-23T10:00+02:00"),
            at("2026-11-20T12:00Z"), "VSAA konsultācija; pensijas, jautājumi",
            "Cēsu VPVKAC, Raunas iela 4, Cēsis",
            "Ņemiet līdzi pasi.\nAtcelt: https://example.lv/x " + std::string(120, 'z') + "ā",
            "https://example.lv/cancel?ref=PT-ABCD-1234"};
    std::string s = ics(e);
    BOOST_TEST(s.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    BOOST_TEST(s.find("DTSTART:20261123T073000Z\r\n") != std::string::npos);
    BOOST_TEST(s.find("DTEND:20261123T080000Z\r\n") != std::string::npos);
    BOOST_TEST(s.find("SUMMARY:VSAA konsultācija\\; pensijas\\, jautājumi\r\n") != std::string::npos);
    BOOST_TEST(s.find("pasi.\\nAtcelt") != std::string::npos);
    BOOST_TEST(s.find("END:VCALENDAR\r\n") == s.size() - 15);
    // Every line at most 75 octets, no bare LF, and folds never split a UTF-8 character.
    size_t pos = 0;
    while (pos < s.size()) {
        size_t end = s.find("\r\n", pos);
        BOOST_REQUIRE(end != std::string::npos);
        std::string line = s.substr(pos, end - pos);
        BOOST_TEST(line.size() <= 75u);
        BOOST_TEST(line.find('\n') == std::string::npos);
        if (!line.empty()) BOOST_TEST((static_cast<unsigned char>(line.back()) & 0xC0) != 0xC0);
        if (line.size() > 1 && line[0] == ' ') BOOST_TEST((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
        pos = end + 2;
    }
}

// --- issue 12: what a booking request may carry ----------------------------------------

namespace {

Request good_request() {
    return Request{"vsaa", "pensijas", "vpvkac-cesis", 1800000000, "Anna Bērziņa", "29123456", "", "lv", "", ""};
}

std::set<std::string> codes(const std::vector<FieldError>& errors) {
    std::set<std::string> out;
    for (auto& e : errors) out.insert(e.field + ":" + e.code);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue12_invalid_utf8_in_any_field_is_an_encoding_error) {
    const std::string bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\xF8\x88\x80\x80\x80", "\xF5\x80\x80\x80", "\x80"};
    std::string Request::*fields[] = {&Request::institution, &Request::topic, &Request::contact_point,
                                      &Request::name,        &Request::phone, &Request::email,
                                      &Request::lang,        &Request::note,  &Request::accessibility};
    const char* names[] = {"institution", "topic", "contact_point", "name", "phone", "email", "lang", "note", "accessibility"};
    for (auto& b : bad)
        for (size_t f = 0; f < std::size(fields); ++f) {
            Request r = good_request();
            r.*fields[f] = "Anna" + b;
            auto c = codes(validate(r));
            BOOST_TEST(c.count(std::string(names[f]) + ":encoding"), names[f]);
            BOOST_TEST(text::valid_utf8(r.*fields[f]), names[f]);  // replaced: safe to echo back
        }
}

BOOST_AUTO_TEST_CASE(issue12_invisible_names_bidi_and_controls_are_refused) {
    const char* invisible[] = {"\xE2\x80\x8B", "\xE2\x80\x8D\xE2\x80\x8C", "\xC2\xAD\xC2\xAD", "\xC2\xA0\xC2\xA0",
                               "\xEF\xBB\xBF", "\xE2\x81\xA0 \xE3\x80\x80"};
    for (const char* name : invisible) {
        Request r = good_request();
        r.name = name;
        auto errors = validate(r);
        BOOST_REQUIRE(errors.size() == 1u);
        BOOST_TEST(errors[0].code == "invisible");
        BOOST_TEST(errors[0].message.find("neredzamas") != std::string::npos);  // in the request's language
    }
    for (const char* bidi : {"\xE2\x80\xAA", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA9"}) {
        Request r = good_request();
        r.lang = "en";
        r.name = std::string("Anna ") + bidi + "nizrēB";
        auto errors = validate(r);
        BOOST_REQUIRE(errors.size() == 1u);
        BOOST_TEST(errors[0].code == "bidi");
        BOOST_TEST(errors[0].message.find("direction") != std::string::npos);
        r.name = "Anna";
        r.note = std::string("ok ") + bidi;
        BOOST_TEST(codes(validate(r)).count("note:bidi"));
    }
    for (const char* ctrl : {"Anna\x1b[2J", "Anna\xC2\x85", "Anna\x7f", "Anna\nBērziņa", "Anna\xE2\x80\xA8"}) {
        Request r = good_request();
        r.name = ctrl;
        BOOST_TEST(codes(validate(r)).count("name:text"), ctrl);
    }
    // Letters with diacritics and a joiner inside a word stay allowed.
    Request ok = good_request();
    ok.name = "Ēriks Kalniņš-\xE2\x80\x8DOzoliņš";
    BOOST_TEST(validate(ok).empty());
}

BOOST_AUTO_TEST_CASE(issue12_notes_are_masked_and_refuse_personal_codes) {
    Request r = good_request();
    r.note = "Zvaniet 29.123.456 vai rakstiet jānis.bērziņš@inbox.lv pēc 24.12.2026. plkst. 8.30";
    r.accessibility = "ratiņkrēsls; meita +371 29 123 457";
    BOOST_TEST(validate(r).empty());
    BOOST_TEST(r.note == "Zvaniet *** vai rakstiet *** pēc 24.12.2026. plkst. 8.30");
    BOOST_TEST(r.accessibility == "ratiņkrēsls; meita ***");

    for (const char* code : {"mans kods 010190-12345", "kods 010190–12345", "32123456789"}) {
        Request p = good_request();
        p.note = code;
        auto errors = validate(p);
        BOOST_REQUIRE(errors.size() == 1u);
        BOOST_TEST(errors[0].field == "note");
        BOOST_TEST(errors[0].code == "personal_code");
        BOOST_TEST(errors[0].message.find("personas kodu") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(issue12_start_outside_the_calendar_is_refused_not_overflowed) {
    for (Instant start : {Instant(9223372036854775807LL), hours::kMaxInstant + 1, Instant(-9223372036854775807LL - 1)}) {
        Request r = good_request();
        r.start = start;
        auto c = codes(validate(r));
        BOOST_TEST((c.count("start:slot") || c.count("start:required")));
    }
    auto offer = Offer{};
    offer.windows = "Mo-Fr 09:00-12:00";
    offer.hours = "Mo-Fr 08:00-17:00";
    BOOST_TEST(!offer.offers(9223372036854775807LL, 1800000000));
    BOOST_TEST(!offer.offers(-9223372036854775807LL - 1, 1800000000));
    BOOST_TEST(offer.slots(Date{9999, 12, 30}, 5, 9223372036854775807LL).empty());
    BOOST_TEST(earliest_date(9223372036854775807LL, 3, kLaw).year >= 9999);
    BOOST_TEST(last_date(-9223372036854775807LL - 1, 30).year == 1);
}

BOOST_AUTO_TEST_CASE(issue12_ics_never_lets_a_field_break_a_line) {
    Event e{"PT-1\r\nX-EVIL:1@pietura", 9223372036854775807LL, -9223372036854775807LL - 1, 0,
            "a\r\nATTENDEE:mailto:x@y.lv", "b\rLOCATION:x\n", "c\\;,\xE2\x80\xA8" "d\xC2\x85" "e\x01",
            "https://example.lv/x\r\nX-EVIL:2 y"};
    std::string s = ics(e);
    // Every CR is followed by LF and every CRLF ends a property or starts a fold (a space).
    size_t lines = 0;
    for (size_t pos = 0; pos < s.size();) {
        size_t end = s.find("\r\n", pos);
        BOOST_REQUIRE(end != std::string::npos);
        std::string line = s.substr(pos, end - pos);
        BOOST_TEST(line.find('\r') == std::string::npos);
        BOOST_TEST(line.find('\n') == std::string::npos);
        BOOST_TEST(line.size() <= 75u);
        bool known = line.empty() || line[0] == ' ' || line.rfind("BEGIN:", 0) == 0 || line.rfind("END:", 0) == 0 ||
                     line.find(':') < line.find_first_of(" \\");
        BOOST_TEST(line.rfind("X-EVIL", 0) != 0, line);
        BOOST_TEST(line.rfind("ATTENDEE", 0) != 0, line);
        BOOST_TEST(line.rfind("LOCATION:x", 0) != 0, line);
        BOOST_TEST(known);
        pos = end + 2;
        ++lines;
    }
    BOOST_TEST(s.find("SUMMARY:a\\nATTENDEE:mailto:x@y.lv\r\n") != std::string::npos);
    BOOST_TEST(s.find("LOCATION:b\\nLOCATION:x\\n\r\n") != std::string::npos);
    BOOST_TEST(s.find("DESCRIPTION:c\\\\\\;\\,\\nd\\ne\r\n") != std::string::npos);
    BOOST_TEST(s.find("URL:https://example.lv/x%0D%0AX-EVIL:2%20y\r\n") != std::string::npos);
    BOOST_TEST(s.find("UID:PT-1\\nX-EVIL:1@pietura\r\n") != std::string::npos);
    BOOST_TEST(s.find("DTSTART:99991231T235959Z\r\n") != std::string::npos);
    BOOST_TEST(s.find("DTEND:00010101T000000Z\r\n") != std::string::npos);
    BOOST_TEST(lines == 16u);
}
