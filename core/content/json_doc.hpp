// content/json_doc.hpp — JSON that remembers where every value came from.
//
// Editors fix content from error messages, so every problem must point at a line
// and column. nlohmann/json (3.11, as Debian ships it) keeps no source positions,
// and silently keeps the last of two equal keys, so this small strict parser (RFC
// 8259: no comments, no trailing commas, a repeated key is an error at its line)
// builds an nlohmann::json and, beside it, a map from JSON Pointer
// ("/steps/2/title/en") to where that value starts. Columns count characters.
//
//   JsonError err;
//   auto doc = parse_json(text, &err);          // nullopt + err on bad syntax
//   doc->where("/steps/0/services/1")           // → {line, column}
//
// It does not validate shapes; that is schema.hpp's job.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace pietura::content {

struct Pos {
    int line = 1;
    int column = 1;
};

struct JsonError {
    Pos pos;
    std::string message;
};

struct JsonDoc {
    nlohmann::json value;
    std::map<std::string, Pos> positions;  // JSON Pointer → start of that value

    // Position of the value at `pointer`, or of its nearest ancestor that exists
    // (a missing field is reported where its parent object starts).
    Pos where(const std::string& pointer) const;
};

std::optional<JsonDoc> parse_json(std::string_view text, JsonError* err);

// Escapes one reference token of a JSON Pointer ("a/b" → "a~1b").
std::string pointer_token(std::string_view key);

}  // namespace pietura::content
