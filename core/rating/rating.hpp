// rating/rating.hpp — "How was it?": satisfaction ratings of services, contact points
// and consultations.
//
// A rating is a score on a labelled 1–5 scale, what it was about (a service, a
// contact point or a consultation, by id) and an optional comment of at most 500
// characters. Comments are free text typed on shared library PCs, so `mask()`
// removes what identifies a person — phone numbers, e-mail addresses, Latvian
// personal codes (old DDMMYY-NNNNN and new 32NNNN-NNNNN) — before a comment leaves
// the browser, and the server masks again. `Summary` is what is published: an
// average only where there are at least `kMinPublished` ratings.
// Shared by the wasm core, the server and `pietura build --ratings`.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "form/form.hpp"
#include "text/text.hpp"

namespace pietura::rating {

constexpr std::size_t kMaxComment = 500;
constexpr int kMinPublished = 5;

// Replaces with "***" every e-mail address (letters with diacritics count, in the
// local part and in the domain: "jānis.bērziņš@inbox.lv") and every number of 7 or
// more digits: phones however they are written ("+371 29 123 456", "(+371) 29123456",
// "29.123.456", "29/123/456"), personal codes with any dash ("010190–12345",
// "010190 — 12345"). A leading "+" or "(" belongs to the number. Left alone, because
// they are not personal: dates (24.12.2026, 2026-12-24), times (8.30, 9:30), amounts
// (4,27 EUR), years and year ranges (2025–2026), short numbers. Never throws; bytes
// that are not UTF-8 pass through unchanged.
std::string mask(std::string_view text);

// True when `text` holds a Latvian personal code as mask() finds them: DDMMYY-NNNNN
// with a real day and month, or 32NNNN-NNNNN, with or without the dash. Booking
// notes are refused for it rather than masked (see booking::validate).
bool has_personal_code(std::string_view text);

struct Rating {
    std::string about;   // "service" | "contact-point" | "consultation"
    std::string target;  // the id of what was rated
    int score = 0;       // 1..5
    std::string comment;
    std::string lang = "lv";
};

// Checks and normalises in place (trims and masks the comment). Empty: well-formed.
// Text that is not UTF-8 is a field error "encoding" (and is replaced by valid
// UTF-8, so that echoing it back is safe); a bidi override or isolate in the
// comment is "bidi", a control character "text".
std::vector<form::FieldError> validate(Rating& r);

struct Average {
    int count = 0;
    double average = 0;  // meaningful only when published()
    bool published() const { return count >= kMinPublished; }
};

// about → target → average.
using Summary = std::map<std::string, std::map<std::string, Average>>;

}  // namespace pietura::rating
