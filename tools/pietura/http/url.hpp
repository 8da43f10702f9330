// tools/pietura/http/url.hpp — the few URL rules the reference server needs.
//
// Percent-decoding of request paths, query strings and HTML form bodies
// (application/x-www-form-urlencoded), and a UTF-8 check. They are kept apart from
// the transport so that the static-file resolver (cmd_serve.cpp) decodes a path one
// segment at a time with exactly the rules the router uses for `Request::path`.
//
// Two decoders, on purpose: `decode_lenient` keeps a malformed escape ("%zz", a
// lone "%") as it is, as browsers and the former transport did for paths and
// queries; `decode_strict` refuses it, for places where a guess would be unsafe
// (a file name). Neither treats "%uXXXX" as anything but text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pietura::http {

using Params = std::multimap<std::string, std::string>;

// "%41" → "A"; with plus_is_space, "+" → " " (query strings and form bodies only).
std::string decode_lenient(std::string_view s, bool plus_is_space = false);

// As decode_lenient, but nullopt when an escape is malformed.
std::optional<std::string> decode_strict(std::string_view s, bool plus_is_space = false);

// "a=1&b=x+y&c" → {a:1, b:"x y", c:""}; empty pairs are skipped, repeated keys kept.
void parse_query(std::string_view query, Params& into);


}  // namespace pietura::http
