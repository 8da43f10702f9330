// tools/pietura/booking_fields.hpp — the booking request's fields and the slot-days cap,
// named once for the server, its store and the command line.
//
// A booking request crosses the JSON API, the no-JavaScript form posts, the
// idempotency fingerprint, the store's table and the CSV export. Each of them walks
// kRequestTextFields instead of naming the fields again, so a new field is added here
// (and to booking::Request) and nowhere else in tools/pietura. The start time is not
// text and is handled beside the table.
//
// Both belong in core/booking/booking.hpp, beside booking::Request, so that the wasm
// bindings and the page renderer use them too; until the core has them they live
// here, and this header is the one place in tools/pietura to change.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "booking/booking.hpp"

namespace pietura::cli {

struct RequestTextField {
    std::string_view name;  // the JSON key, the form field and the store's column
    std::string booking::Request::*member;
};

inline constexpr std::array<RequestTextField, 9> kRequestTextFields{{
    {"institution", &booking::Request::institution},
    {"topic", &booking::Request::topic},
    {"contact_point", &booking::Request::contact_point},
    {"name", &booking::Request::name},
    {"phone", &booking::Request::phone},
    {"email", &booking::Request::email},
    {"lang", &booking::Request::lang},
    {"note", &booking::Request::note},
    {"accessibility", &booking::Request::accessibility},
}};

// The most days of slots one question may ask for (GET /api/slots?days=, pietura
// slots --days): the longest booking horizon a consultation may have.
inline constexpr int kMaxSlotDays = 120;

}  // namespace pietura::cli
