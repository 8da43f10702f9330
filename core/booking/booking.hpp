// booking/booking.hpp — remote consultations: bookable slots, booking requests, calendar files.
//
// The fourth product question, "can I talk to a specialist?", in one place shared
// by the browser (wasm), the `pietura slots` command and the reference server:
//
//   * `slots()` — when a citizen may book: inside the institution's consultation
//     windows AND the contact point's opening hours (lunch breaks, holidays,
//     shortened pre-holiday days), in Riga time, no earlier than the minimum notice
//     in working days and no later than the booking horizon, with the seats that
//     are still free. It is pure: the caller passes `now` and the seats taken.
//   * `validate()` — what a booking request must hold: a name, a Latvian phone
//     (+371 and 8 digits) or an e-mail, a language, short optional notes. Never a
//     personal code.
//   * `ics()` — an RFC 5545 calendar file for the confirmation.
//   * `kRequestTextFields` and `kMaxSlotDays` — a request's fields and the most days of
//     slots one question may ask for, named once for the server, its store, the page
//     renderer (which hands the field list to booking.js in the form) and the wasm core.
//
// `Offer::load()` reads one institution's schedule at one contact point from a
// snapshot. Nothing here does HTTP, storage or Emscripten.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "form/form.hpp"
#include "hours/hours.hpp"
#include "i18n/lang.hpp"
#include "text/text.hpp"

namespace pietura::snapshot {
class Catalogue;
}
namespace pietura::content {
struct Content;
}

namespace pietura::booking {

using hours::Instant;

// The most days of slots one question may ask for (GET /api/slots?days=, `pietura slots
// --days`, the wasm core's slots): the longest booking horizon a consultation may have.
inline constexpr int kMaxSlotDays = 120;

struct Rules {
    int slot_minutes = 30;
    int seats = 1;                // parallel consultations per slot (across all contact points)
    int notice_working_days = 1;  // 0: any slot that has not started yet
    int horizon_days = 30;        // the last bookable day is today + horizon (Riga dates)
};

struct Slot {
    Instant start = 0, end = 0;
    int free = 0;  // seats still free
};

// Seats already booked, by slot start.
using Taken = std::map<Instant, int>;

// First Riga date a slot may fall on: today with no notice, otherwise the N-th
// working day after today (so a Friday request with one day's notice gets Monday,
// or Tuesday when Monday is a holiday).
hours::Date earliest_date(Instant now, int notice_working_days, const hours::Calendar& cal);
hours::Date last_date(Instant now, int horizon_days);

// Bookable slots on the Riga dates [from, from + days), with at least one free
// seat, sorted by start. Slots are laid from the start of each stretch where the
// windows and the opening hours overlap; a slot whose real length differs from
// its wall-clock length (the daylight-saving changes) is not offered.
std::vector<Slot> slots(const hours::Schedule& windows, const hours::Schedule& contact_point_hours,
                        const hours::Calendar& cal, const Rules& rules, hours::Date from, int days, Instant now,
                        const Taken& taken = {});

// One institution's consultation schedule at one contact point, as the snapshot has it.
struct Topic {
    std::string id, title_lv, title_en;
    const std::string& title(Lang l) const { return l == Lang::lv ? title_lv : title_en; }
};

struct Offer {
    std::string consultation, institution, contact_point;
    std::string title_lv, title_en;
    std::string windows, hours;  // opening_hours specs
    Rules rules;
    std::vector<Topic> topics;
    std::vector<std::string> bring_lv, bring_en;
    std::string cp_name_lv, cp_name_en, address_lv, address_en, phone, email;
    hours::Calendar calendar;

    // nullopt when the institution has no schedule or does not consult at that point.
    static std::optional<Offer> load(const snapshot::Catalogue& cat, const std::string& institution,
                                     const std::string& contact_point);
    // Contact points that host the institution's consultations, sorted by id.
    static std::vector<std::string> hosts(const snapshot::Catalogue& cat, const std::string& institution);

    const Topic* topic(const std::string& id) const;
    std::vector<Slot> slots(hours::Date from, int days, Instant now, const Taken& taken = {}) const;
    // Is `start` the start of a slot bookable at `now` (ignoring seats)?
    bool offers(Instant start, Instant now) const;
};

// What step 1 of booking offers (the consultations with their topics and hosts, the
// consulting institutions, the hosting contact points), read back from a snapshot in
// the shape content::Content has, so that the server renders step 1 again (answers
// kept, or with errors) through the renderer `pietura build` used for the static one.
content::Content step_one_choices(const snapshot::Catalogue& cat);

// --- booking requests -----------------------------------------------------------------

struct Request {
    std::string institution, topic, contact_point;
    Instant start = 0;
    std::string name, phone, email, lang = "lv", note, accessibility;
};

// A request's text fields, in the order operators' spreadsheets know. The JSON API, the
// form posts, the idempotency fingerprint, the store's columns, the CSV export, the
// check page's hidden fields and booking.js (through the form's data-fields) walk this
// list instead of naming the fields again: a new field is added here and to Request.
// The start time is not text and is handled beside it.
struct RequestTextField {
    std::string_view name;  // the JSON key, the form field and the store's column
    std::string Request::*member;
};
inline constexpr std::array<RequestTextField, 9> kRequestTextFields{{
    {"institution", &Request::institution},
    {"topic", &Request::topic},
    {"contact_point", &Request::contact_point},
    {"name", &Request::name},
    {"phone", &Request::phone},
    {"email", &Request::email},
    {"lang", &Request::lang},
    {"note", &Request::note},
    {"accessibility", &Request::accessibility},
}};

// Field errors are form/'s, shared with rating/ (booking:: names kept for callers).
using form::FieldError;
using form::field_message;

constexpr std::size_t kMaxName = 100, kMaxNote = 500, kMaxEmail = 254;

// Checks and normalises a request in place (trims text, writes the phone as
// +371XXXXXXXX, masks phones and e-mails in the note and accessibility text with
// rating::mask, replaces ill-formed UTF-8 it refused). A start outside
// hours::in_range is refused. Empty result: the request is well-formed.
std::vector<FieldError> validate(Request& r);

// "+371 29 123 456", "29123456", "00371 29123456" → "+37129123456"; nullopt when it
// is not a Latvian number (8 digits starting with 2, 6, 8 or 9).
std::optional<std::string> normalize_phone(std::string_view text);
bool valid_email(std::string_view text);
using text::utf8_length;  // characters, not bytes

// --- calendar file ----------------------------------------------------------------------

struct Event {
    std::string uid;  // globally unique, e.g. "<reference>@pietura"
    Instant start = 0, end = 0, stamp = 0;
    std::string summary, location, description, url;
};

// RFC 5545: CRLF line ends, TEXT escaping, lines folded at 75 octets without
// splitting a UTF-8 character, times in UTC.
std::string ics(const Event& e);

}  // namespace pietura::booking
