// tests/core/booking_fixture.hpp — one consultation offer and one citizen's answers, for
// the suites that render the booking pages (site_booking_test, booking_pages_test).
//
// The offer is VSAA's at Zilupe (an invented contact point, id "aaa-zilupe", so that it
// sorts first by id and last by name); the request books its pension topic for Monday
// 21 December 2026, 9.00 in Riga, with a name, a phone and an e-mail. Both are plain
// values: a test changes what it needs (the language, a missing answer) on its copy.
#pragma once

#include "booking/booking.hpp"

namespace booking_fixture {

using namespace pietura;

inline booking::Offer offer() {
    booking::Offer o;
    o.consultation = o.institution = "vsaa";
    o.contact_point = "aaa-zilupe";
    o.title_lv = "VSAA konsultācija";
    o.title_en = "SSIA consultation";
    o.hours = "Mo-Fr 08:00-17:00";
    o.topics = {{"pensijas", "Pensijas", "Pensions"}};
    o.bring_lv = {"Pase"};
    o.bring_en = {"Passport"};
    o.cp_name_lv = "Zilupes VPVKAC";
    o.cp_name_en = "Zilupe one-stop centre";
    o.address_lv = o.address_en = "Raiņa iela 13, Zilupe";
    o.phone = "+371 65700000";
    o.email = "zilupe@example.lv";
    return o;
}

inline booking::Request request() {
    booking::Request r;
    r.institution = "vsaa";
    r.topic = "pensijas";
    r.contact_point = "aaa-zilupe";
    r.start = 1797836400;  // Monday 21 December 2026, 9.00 in Riga
    r.name = "Zelma Testiņa";
    r.phone = "+37129123456";
    r.email = "zelma@example.lv";
    r.lang = "lv";
    return r;
}

}  // namespace booking_fixture
