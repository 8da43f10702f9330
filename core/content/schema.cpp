#include "content/schema.hpp"

#include <cmath>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "content/json_doc.hpp"
#include "text/text.hpp"

namespace pietura::content {

namespace {

using nlohmann::json;

std::string type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "integer";
        case json::value_t::number_float: return "number";
        case json::value_t::string: return "string";
        case json::value_t::array: return "array";
        case json::value_t::object: return "object";
        default: return "value";
    }
}

bool has_type(const json& v, const std::string& t) {
    if (t == "number") return v.is_number();
    if (t == "integer") {
        if (v.is_number_integer()) return true;
        if (v.is_number_float()) {
            // Whole, and within what the content's readers take as an integer: a cast of a
            // value outside that range is undefined (fuzz_content: "year": 2.2e25).
            double d = v.get<double>();
            return std::isfinite(d) && std::trunc(d) == d && d >= -9.0e18 && d <= 9.0e18;
        }
        return false;
    }
    return type_name(v) == t;
}

// Counts characters, not bytes: "maxLength": 500 means 500 letters of Latvian text.
size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string short_json(const json& v) {
    std::string s = v.dump();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

using PatternCache = std::map<std::string, std::regex, std::less<>>;

class Validator {
public:
    Validator(const std::map<std::string, json>& schemas, PatternCache& patterns, std::mutex& patterns_mutex,
              std::vector<Violation>& out)
        : schemas_(schemas), regex_cache_(patterns), regex_mutex_(patterns_mutex), out_(out) {}

    void check(const json& schema, const std::string& file, const json& v, const std::string& ptr, int depth = 0) {
        if (depth > 32) throw std::runtime_error("schema $ref recursion too deep in " + file);
        if (!schema.is_object()) return;
        if (auto it = schema.find("$ref"); it != schema.end()) {
            std::string target_file = file;
            const json& target = resolve(it->get<std::string>(), target_file);
            check(target, target_file, v, ptr, depth + 1);
        }
        if (auto it = schema.find("type"); it != schema.end()) {
            bool ok = false;
            std::string names;
            if (it->is_string()) {
                ok = has_type(v, it->get<std::string>());
                names = it->get<std::string>();
            } else {
                for (auto& t : *it) {
                    ok = ok || has_type(v, t.get<std::string>());
                    names += (names.empty() ? "" : " or ") + t.get<std::string>();
                }
            }
            if (!ok) {
                report(ptr, "expected " + names + ", found " + type_name(v));
                return;  // the other keywords would only repeat the same problem
            }
        }
        if (auto it = schema.find("enum"); it != schema.end()) {
            bool found = false;
            for (auto& e : *it) found = found || e == v;
            if (!found) {
                std::string allowed;
                for (auto& e : *it) allowed += (allowed.empty() ? "" : ", ") + e.dump();
                report(ptr, short_json(v) + " is not one of the allowed values: " + allowed);
            }
        }
        if (auto it = schema.find("const"); it != schema.end() && *it != v)
            report(ptr, "must be " + it->dump());
        if (v.is_string()) string_keywords(schema, v.get<std::string>(), ptr);
        if (v.is_number()) number_keywords(schema, v.get<double>(), ptr);
        if (v.is_object()) object_keywords(schema, file, v, ptr, depth);
        if (v.is_array()) array_keywords(schema, file, v, ptr, depth);
    }

private:
    const std::map<std::string, json>& schemas_;
    PatternCache& regex_cache_;
    std::mutex& regex_mutex_;
    std::vector<Violation>& out_;

    const std::regex& pattern(const std::string& p) {
        std::lock_guard<std::mutex> lock(regex_mutex_);  // a map node never moves once made
        auto it = regex_cache_.find(p);
        if (it == regex_cache_.end()) it = regex_cache_.emplace(p, std::regex(p, std::regex::ECMAScript)).first;
        return it->second;
    }

    void report(const std::string& ptr, std::string msg) { out_.push_back({ptr, std::move(msg)}); }

    const json& resolve(const std::string& ref, std::string& file) {
        auto hash = ref.find('#');
        std::string f = ref.substr(0, hash);
        if (!f.empty()) {
            const std::string suffix = ".schema.json";
            if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0)
                f.resize(f.size() - suffix.size());
            file = f;
        }
        auto sit = schemas_.find(file);
        if (sit == schemas_.end()) throw std::runtime_error("schema $ref to unknown file: " + ref);
        std::string frag = hash == std::string::npos ? "" : ref.substr(hash + 1);
        try {
            return frag.empty() ? sit->second : sit->second.at(json::json_pointer(frag));
        } catch (const std::exception&) {
            throw std::runtime_error("schema $ref not found: " + ref);
        }
    }

    void string_keywords(const json& schema, const std::string& s, const std::string& ptr) {
        size_t len = utf8_length(s);
        if (auto it = schema.find("minLength"); it != schema.end() && len < it->get<size_t>())
            report(ptr, it->get<size_t>() == 1 ? "must not be empty"
                                               : "must be at least " + std::to_string(it->get<size_t>()) + " characters");
        if (auto it = schema.find("maxLength"); it != schema.end() && len > it->get<size_t>())
            report(ptr, "must be at most " + std::to_string(it->get<size_t>()) + " characters (has " +
                            std::to_string(len) + ")");
        if (auto it = schema.find("pattern"); it != schema.end()) {
            const std::string& p = it->get_ref<const std::string&>();
            if (!std::regex_search(s, pattern(p))) {
                std::string hint = schema.value("patternDescription", "must match " + p);
                report(ptr, "\"" + s + "\" " + hint);
            }
        }
    }

    void number_keywords(const json& schema, double d, const std::string& ptr) {
        if (auto it = schema.find("minimum"); it != schema.end() && d < it->get<double>())
            report(ptr, "must be at least " + it->dump() + " (is " + short_json(json(d)) + ")");
        if (auto it = schema.find("maximum"); it != schema.end() && d > it->get<double>())
            report(ptr, "must be at most " + it->dump() + " (is " + short_json(json(d)) + ")");
    }

    void object_keywords(const json& schema, const std::string& file, const json& v, const std::string& ptr,
                         int depth) {
        if (auto it = schema.find("required"); it != schema.end())
            for (auto& r : *it)
                if (!v.contains(r.get<std::string>()))
                    report(ptr, "missing required field \"" + r.get<std::string>() + "\"");
        const json* props = nullptr;
        if (auto it = schema.find("properties"); it != schema.end()) props = &*it;
        auto extra = schema.find("additionalProperties");
        for (auto& [key, val] : v.items()) {
            std::string child = ptr + "/" + pointer_token(key);
            if (props && props->contains(key)) {
                check((*props)[key], file, val, child, depth + 1);
            } else if (extra != schema.end()) {
                if (extra->is_boolean() && !extra->get<bool>())
                    report(child, "unknown field \"" + key + "\" (check the spelling against content/README.md)");
                else if (extra->is_object())
                    check(*extra, file, val, child, depth + 1);
            }
        }
    }

    void array_keywords(const json& schema, const std::string& file, const json& v, const std::string& ptr,
                        int depth) {
        if (auto it = schema.find("minItems"); it != schema.end() && v.size() < it->get<size_t>())
            report(ptr, "must have at least " + std::to_string(it->get<size_t>()) + " item(s)");
        if (auto it = schema.find("maxItems"); it != schema.end() && v.size() > it->get<size_t>())
            report(ptr, "must have at most " + std::to_string(it->get<size_t>()) + " item(s)");
        if (auto it = schema.find("uniqueItems"); it != schema.end() && it->get<bool>())
            for (size_t a = 0; a < v.size(); ++a)
                for (size_t b = a + 1; b < v.size(); ++b)
                    if (v[a] == v[b]) report(ptr + "/" + std::to_string(b), short_json(v[b]) + " is listed twice");
        if (auto it = schema.find("items"); it != schema.end())
            for (size_t k = 0; k < v.size(); ++k) check(*it, file, v[k], ptr + "/" + std::to_string(k), depth + 1);
    }
};

}  // namespace

struct SchemaSet::Patterns {
    PatternCache compiled;
    std::mutex mutex;
};

SchemaSet::SchemaSet() : patterns_(std::make_shared<Patterns>()) {}

SchemaSet SchemaSet::load(const std::filesystem::path& dir) {
    SchemaSet set;
    const std::string suffix = ".schema.json";
    std::vector<std::filesystem::path> files;
    for (auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& p : files) {
        std::string name = p.filename().string();
        if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        auto bytes = text::read_file(p);
        if (!bytes) throw std::runtime_error(p.string() + ": cannot read the file");
        JsonError err;
        auto doc = parse_json(*bytes, &err);
        if (!doc)
            throw std::runtime_error(p.string() + ":" + std::to_string(err.pos.line) + ":" +
                                     std::to_string(err.pos.column) + ": " + err.message);
        set.add(name.substr(0, name.size() - suffix.size()), std::move(doc->value));
    }
    return set;
}

void SchemaSet::add(const std::string& name, nlohmann::json schema) { schemas_[name] = std::move(schema); }

std::vector<Violation> SchemaSet::validate(const std::string& name, const nlohmann::json& instance) const {
    std::vector<Violation> out;
    auto it = schemas_.find(name);
    if (it == schemas_.end()) throw std::runtime_error("no schema named " + name);
    Validator(schemas_, patterns_->compiled, patterns_->mutex, out).check(it->second, name, instance, "");
    return out;
}

}  // namespace pietura::content
