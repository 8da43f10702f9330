// The page pack (content.hpp, issue 13): the checked content as JSON Lines, and back.
// The reader takes bytes nobody has checked (a cache can hold a half-written file, a
// disk can flip a bit), so every line is parsed on its own, every record goes through
// records.hpp's readers (which throw on a missing or mistyped field), and every
// exception leaves as a std::runtime_error naming the line. The header counts the
// records, so a pack cut exactly at a line's end is refused too.
#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "content/content.hpp"
#include "content/records.hpp"

namespace pietura::content {

namespace {

using nlohmann::json;

// The content kinds, in the order they are written (the loader's folder names).
constexpr const char* kKinds[] = {"institutions", "audiences",      "services", "life-situations", "territories",
                                  "places",       "contact-points", "holidays", "consultations"};

bool is_content_kind(std::string_view kind) {
    for (const char* k : kKinds)
        if (kind == k) return true;
    return false;
}

// "[json.exception.out_of_range.403] key 'title' not found" → "key 'title' not found".
std::string reason(const std::exception& e) {
    std::string m = e.what();
    if (m.rfind("[json.exception.", 0) == 0)
        if (auto end = m.find("] "); end != std::string::npos) m.erase(0, end + 2);
    return m;
}

[[noreturn]] void fail(int line, const std::string& message) {
    throw std::runtime_error("page pack line " + std::to_string(line) + ": " + message);
}

std::string line_of(std::string_view kind, const json& record) {
    // strict: text that is not UTF-8 cannot be in a checked content; fail loudly if it is.
    return json{{"kind", kind}, {"record", record}}.dump(-1, ' ', false, json::error_handler_t::strict) + "\n";
}

template <class T>
void write_all(std::vector<std::string>& lines, const char* kind, const std::vector<T>& items) {
    for (auto& x : items) lines.push_back(line_of(kind, records::write(x)));
}

json bus_stop(const ContactPoint& cp) { return json{{"id", cp.bus_stop_id}, {"name", cp.bus_stop_name}, {"m", cp.bus_stop_m}}; }

// Records of one kind must come in the order Content::load sorts them (the lookups
// by id are binary searches), each key once.
class Order {
public:
    void check(int line, const std::string& kind, const std::string& key) {
        auto [it, first] = last_.emplace(kind, key);
        if (!first) {
            if (!(it->second < key)) fail(line, kind + ": \"" + key + "\" is out of order or repeated (after \"" + it->second + "\")");
            it->second = key;
        }
    }

private:
    std::map<std::string, std::string> last_;
};

void read_record(Content& c, int line, const std::string& kind, const json& r, Order& order) {
    auto keep = [&](auto& list, auto item) {
        order.check(line, kind, item.id);
        list.push_back(std::move(item));
    };
    if (kind == "institutions") keep(c.institutions, records::institution(r));
    else if (kind == "audiences") keep(c.audiences, records::audience(r));
    else if (kind == "services") keep(c.services, records::service(r));
    else if (kind == "life-situations") keep(c.life_situations, records::life_situation(r));
    else if (kind == "territories") keep(c.territories, records::territory(r));
    else if (kind == "places") keep(c.places, records::place(r));
    else if (kind == "consultations") keep(c.consultations, records::consultation(r));
    else if (kind == "contact-points") {
        ContactPoint cp = records::contact_point(r);
        if (r.contains("bus_stop")) {
            const json& b = r["bus_stop"];
            cp.bus_stop_id = b.at("id").get<std::string>();
            cp.bus_stop_name = b.at("name").get<std::string>();
            cp.bus_stop_m = b.at("m").get<double>();
        }
        keep(c.contact_points, std::move(cp));
    } else if (kind == "holidays") {
        HolidayYear y = records::holiday_year(r);
        // Years as zero-padded text so that their order is the text's order.
        char key[16];
        std::snprintf(key, sizeof key, "%+011d", y.year);
        order.check(line, kind, key);
        c.holidays.push_back(std::move(y));
    }
}

}  // namespace

std::string to_pack(const Content& c, std::string_view content_version, const std::vector<PackRecord>& extra) {
    std::vector<std::string> lines;
    write_all(lines, "institutions", c.institutions);
    write_all(lines, "audiences", c.audiences);
    write_all(lines, "services", c.services);
    write_all(lines, "life-situations", c.life_situations);
    write_all(lines, "territories", c.territories);
    write_all(lines, "places", c.places);
    for (auto& cp : c.contact_points) {
        json r = records::write(cp);
        if (!cp.bus_stop_id.empty() || !cp.bus_stop_name.empty() || cp.bus_stop_m != -1) r["bus_stop"] = bus_stop(cp);
        lines.push_back(line_of("contact-points", r));
    }
    write_all(lines, "holidays", c.holidays);
    write_all(lines, "consultations", c.consultations);
    for (auto& e : extra) {
        if (is_content_kind(e.kind) || e.kind.empty())
            throw std::invalid_argument("a page pack's extra record cannot be of the kind \"" + e.kind + "\"");
        json r = json::parse(e.json, nullptr, false);
        if (r.is_discarded()) throw std::invalid_argument("the page pack's \"" + e.kind + "\" record is not JSON");
        lines.push_back(line_of(e.kind, r));
    }
    nlohmann::ordered_json header{{"pietura_pack", kPackFormat}, {"content_version", content_version}, {"lines", lines.size()}};
    std::string out = header.dump(-1, ' ', false, json::error_handler_t::strict) + "\n";
    for (auto& l : lines) out += l;
    return out;
}

Pack read_pack(std::string_view text, const std::vector<std::string>& extra_kinds) {
    if (text.empty()) throw std::runtime_error("page pack: the file is empty, not a Pietura page pack");
    Pack pack;
    Order order;
    long long promised = -1;
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        ++line;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            fail(line, line == 1 ? "not a Pietura page pack (no complete header line)" : "the line is cut short (no end of line): the file is truncated");
        std::string_view body = text.substr(pos, end - pos);
        pos = end + 1;
        json j;
        try {
            j = json::parse(body);
        } catch (const json::exception& e) {
            if (line == 1) fail(line, "not a Pietura page pack (the first line is not its JSON header)");
            fail(line, "bad JSON: " + reason(e));
        }
        if (line == 1) {
            if (!j.is_object() || !j.contains("pietura_pack"))
                fail(line, "not a Pietura page pack (the header has no \"pietura_pack\")");
            const json& v = j["pietura_pack"];
            if (!v.is_number_integer() || v.get<long long>() != kPackFormat)
                fail(line, "page pack format " + v.dump() + ", but this reader reads format " + std::to_string(kPackFormat) +
                               " (the site and its pack come from different builds)");
            if (!j.contains("content_version") || !j["content_version"].is_string())
                fail(line, "the header has no content_version");
            if (!j.contains("lines") || !j["lines"].is_number_integer() || j["lines"].get<long long>() < 0)
                fail(line, "the header does not say how many lines follow");
            pack.content_version = j["content_version"].get<std::string>();
            promised = j["lines"].get<long long>();
            continue;
        }
        if (line - 1 > promised) fail(line, "more lines than the header's " + std::to_string(promised));
        if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string() || !j.contains("record"))
            fail(line, "not a record line ({\"kind\":…,\"record\":…})");
        std::string kind = j["kind"].get<std::string>();
        if (std::find(extra_kinds.begin(), extra_kinds.end(), kind) != extra_kinds.end()) {
            pack.extra.push_back(PackRecord{kind, j["record"].dump(), line});
            continue;
        }
        if (!is_content_kind(kind)) fail(line, "unknown kind \"" + kind + "\"");
        try {
            read_record(pack.content, line, kind, j["record"], order);
        } catch (const std::runtime_error&) {
            throw;  // fail() already named the line
        } catch (const std::exception& e) {
            fail(line, kind + ": " + reason(e));
        }
    }
    if (line - 1 != promised)
        throw std::runtime_error("page pack: the header promises " + std::to_string(promised) + " lines, the file has " +
                                 std::to_string(line - 1) + " (it is truncated)");
    return pack;
}

Content from_pack(std::string_view text) { return read_pack(text).content; }

}  // namespace pietura::content
