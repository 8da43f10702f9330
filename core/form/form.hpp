// form/form.hpp — what is wrong with a field someone typed, in words for them.
//
// Booking requests (booking::validate) and ratings (rating::validate) check what
// citizens type and answer with the same errors: a field name, a stable code and a
// message in the person's language. They live here, below both, so that neither
// module needs the other for its errors and the browser, the no-JavaScript pages
// and the server show one wording for one problem.
#pragma once

#include <string>

#include "i18n/lang.hpp"

namespace pietura::form {

// A problem with one field: `code` is stable ("required", "too_long", "phone",
// "email", "contact", "choice", "slot"; for typed text "encoding" — not UTF-8,
// "text" — control characters, "bidi" — direction overrides/isolates, "invisible" —
// nothing visible, "personal_code" — a personal code in a note), `message` is for
// people in the request's language.
struct FieldError {
    std::string field, code, message;
};

// The message for a code; the code itself for one it does not know.
std::string field_message(const std::string& code, Lang lang);

}  // namespace pietura::form
