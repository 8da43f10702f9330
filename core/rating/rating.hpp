// rating/rating.hpp — what citizens tell the portal: whether a page helped them,
// and how satisfied they were with a service or a consultation they had.
//
// Two questions, kept apart (issue 15). `PageFeedback` is the page-feedback pattern
// of the EU Single Digital Gateway tool and GOV.UK's "Is this page useful?": on every
// page "Did you find what you were looking for? Yes / No", and after "No" an optional
// "what were you looking for" of at most 500 characters. `Rating` is the satisfaction
// of someone who has used a service (or had a consultation), on the 1–10 scale of the
// national monitoring (`kScale`), so the published averages compare with it; records
// made on the old 1–5 form keep `scale` 5 and never enter a 10-point average.
// Free text is typed on shared library PCs, so `mask()` removes what identifies a
// person — phone numbers, e-mail addresses, Latvian personal codes (old DDMMYY-NNNNN
// and new 32NNNN-NNNNN) — and the server masks again before storing. `Summary` is
// what is published: an average only where there are at least `kMinPublished` ratings.
// A consultation is rated through a one-time rating token, only after it has started
// (`consultation_rating()`). Shared by the wasm core, the server and `pietura build --ratings`.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "form/form.hpp"
#include "text/text.hpp"

namespace pietura::rating {

constexpr std::size_t kMaxComment = 500;  // also the longest "what were you looking for"
constexpr int kMinPublished = 5;
constexpr int kScale = 10;  // the national monitoring's satisfaction scale, 1..10
constexpr int kOldScale = 5;  // ratings stored before issue 15

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
    int score = 0;       // 1..scale
    std::string comment;
    std::string lang = "lv";
    int scale = kScale;  // kOldScale only for records read back from before issue 15
};

// Checks and normalises in place (trims and masks the comment). Empty: well-formed.
// The score must be 1..kScale (a new rating is always on the 10-point scale: `scale`
// is set to kScale). Text that is not UTF-8 is a field error "encoding" (and is
// replaced by valid UTF-8, so that echoing it back is safe); a bidi override or
// isolate in the comment is "bidi", a control character "text".
std::vector<form::FieldError> validate(Rating& r);

// True for an address of this site a form may name as "the page I was on" and a
// thank-you page may link back to: a path that starts with one "/", at most 512
// bytes of printable ASCII, no backslash, no "//" anywhere (so never another site,
// whatever a browser makes of it), no query or fragment. Everything else is refused
// rather than guessed at: it would be an open redirect.
bool is_site_path(std::string_view path);

// "Did you find what you were looking for?" on one page.
struct PageFeedback {
    std::string page;     // the page's own path, e.g. "/lv/pakalpojumi/vsaa-slimibas-pabalsts/"
    std::string found;    // "yes" | "no"
    std::string missing;  // "what were you looking for", only after "no"; optional
    std::string lang = "lv";
};

// Checks and normalises in place, as validate(Rating&) does for the comment: the
// missing text is trimmed and masked, at most kMaxComment characters. `page` must be
// is_site_path() ("choice"), `found` "yes" or "no" ("required" when empty, "choice"
// otherwise); missing text with "yes" is a "choice" error (the question was not asked).
std::vector<form::FieldError> validate(PageFeedback& f);

// The follow-up text for a "no" already sent: `missing` must not be empty after
// trimming ("required"); otherwise as above. `page` is not checked (it is not stored).
std::vector<form::FieldError> validate_missing(PageFeedback& f);

struct Average {
    int count = 0;
    double average = 0;  // meaningful only when published()
    bool published() const { return count >= kMinPublished; }
};

// about → target → average.
using Summary = std::map<std::string, std::map<std::string, Average>>;

// Adds one stored rating to a summary. Only ratings on the 10-point scale count:
// an old 1–5 rating averaged in would make the figure incomparable with the
// national monitoring, so it is left out (the export still lists it).
void add(Summary& s, const Rating& r);

// A consultation's rating link holds a random token made with the booking (never
// the booking's cancel secret, nothing personal): 32 lowercase hex digits.
bool is_rating_token(std::string_view token);

// Whether the consultation a rating token stands for may be rated now. `start` is
// the consultation's start (Unix seconds), `used` whether the token has rated once.
enum class ConsultationRating { open, unknown, already_rated, not_yet, cancelled };
struct ConsultationState {
    bool found = false;  // the token names a booking
    bool used = false;
    bool cancelled = false;
    std::int64_t start = 0;
};
ConsultationRating consultation_rating(const ConsultationState& c, std::int64_t now);

}  // namespace pietura::rating
