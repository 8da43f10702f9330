// content/schema.hpp — checks content against the JSON Schemas in content/schema/.
//
// The schemas are the editors' contract, so the build enforces them directly
// instead of re-stating the rules in C++. This validator implements the part of
// JSON Schema (draft 2020-12) those files use: type, required, properties,
// additionalProperties, items, minItems, maxItems, uniqueItems, enum, const,
// pattern, minLength, maxLength, minimum, maximum, and $ref to "#/$defs/…" or
// "<file>#/$defs/…" within the same folder. Unknown keywords are ignored, as the
// specification says; the tests keep the schema files inside this subset.
//
//   SchemaSet schemas = SchemaSet::load("content/schema");
//   for (auto& v : schemas.validate("services", instance)) ...  // v.pointer, v.message
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pietura::content {

struct Violation {
    std::string pointer;  // JSON Pointer into the instance
    std::string message;
};

class SchemaSet {
public:
    SchemaSet();

    // Reads every "<name>.schema.json" in `dir`; throws std::runtime_error on I/O or
    // JSON errors (a broken schema is a developer error, not an editor's).
    static SchemaSet load(const std::filesystem::path& dir);

    void add(const std::string& name, nlohmann::json schema);
    bool has(const std::string& name) const { return schemas_.count(name) != 0; }

    // Validates `instance` against schema `name` (without ".schema.json").
    std::vector<Violation> validate(const std::string& name, const nlohmann::json& instance) const;

private:
    std::map<std::string, nlohmann::json> schemas_;
    // Each "pattern" compiled once for all the records checked (issue 13: compiling one
    // per record was a quarter of loading the national catalogue). Shared by copies.
    struct Patterns;
    std::shared_ptr<Patterns> patterns_;
};

}  // namespace pietura::content
