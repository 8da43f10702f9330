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

#include "booking/booking.hpp"

namespace pietura::rating {

constexpr std::size_t kMaxComment = 500;
constexpr int kMinPublished = 5;

// Replaces every run of 7 or more digits (spaces, hyphens and brackets may
// separate them; a leading + belongs to it) and every e-mail address with "***".
std::string mask(std::string_view text);

struct Rating {
    std::string about;   // "service" | "contact-point" | "consultation"
    std::string target;  // the id of what was rated
    int score = 0;       // 1..5
    std::string comment;
    std::string lang = "lv";
};

// Checks and normalises in place (trims and masks the comment). Empty: well-formed.
std::vector<booking::FieldError> validate(Rating& r);

struct Average {
    int count = 0;
    double average = 0;  // meaningful only when published()
    bool published() const { return count >= kMinPublished; }
};

// about → target → average.
using Summary = std::map<std::string, std::map<std::string, Average>>;

}  // namespace pietura::rating
