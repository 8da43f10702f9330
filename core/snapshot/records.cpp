// The snapshot's record questions: single rows and counts for tools, existence
// checks for the server, consultations for booking/, points on the map for atlas/
// and whole tables for diff/. Each reads with sqlite::Statement, so a damaged file
// or a runaway query is a std::runtime_error naming the snapshot.
#include <algorithm>
#include <stdexcept>

#include "snapshot/detail.hpp"
#include "sqlite/statement.hpp"

namespace pietura::snapshot {

namespace {


// The snapshot keeps short lists one item per line (write()).
std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string quote_ident(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string Catalogue::meta(const std::string& key) const {
    sqlite::Statement st(db_, "SELECT value FROM meta WHERE key=?", "snapshot meta");
    st.bind(1, key);
    return st.step() ? st.text(0) : std::string();
}

namespace {
// Entity tables a caller may name; anything else never reaches SQL text.
void check_entity_table(const std::string& table) {
    static const char* allowed[] = {"institutions", "audiences", "services", "life_situations",
                                    "territories", "places", "contact_points", "holidays",
                                    "consultations", "consultation_topics", "consultation_hosts", "ratings"};
    for (auto* a : allowed)
        if (table == a) return;
    throw std::invalid_argument("unknown table " + table);
}
}  // namespace

std::vector<std::pair<std::string, std::string>> Catalogue::row(const std::string& table, const std::string& id) const {
    check_entity_table(table);
    std::vector<std::pair<std::string, std::string>> out;
    // Tables keyed by something else than "id" have no single-row lookup here.
    sqlite::Statement st(db_, "SELECT * FROM " + table + " WHERE id=?", "snapshot", std::nothrow);
    if (!st.ok()) return out;
    st.bind(1, id);
    if (st.step())
        for (int k = 0; k < st.columns(); ++k) out.emplace_back(st.column_name(k), st.text(k));
    return out;
}

int Catalogue::count(const std::string& table) const {
    check_entity_table(table);
    sqlite::Statement st(db_, "SELECT count(*) FROM " + table, "snapshot");
    return st.step() ? int(st.integer(0)) : -1;
}

bool Catalogue::exists(std::string_view kind, const std::string& id) const {
    const char* sql = kind == "service"          ? "SELECT 1 FROM services WHERE id=?1"
                      : kind == "contact-point"  ? "SELECT 1 FROM contact_points WHERE id=?1"
                      : kind == "institution"    ? "SELECT 1 FROM institutions WHERE id=?1"
                      : kind == "life-situation" ? "SELECT 1 FROM life_situations WHERE id=?1"
                      : kind == "consultation"   ? "SELECT 1 FROM consultations WHERE institution=?1"
                                                 : nullptr;
    if (!sql) throw std::invalid_argument("unknown kind of entity \"" + std::string(kind) + "\"");
    sqlite::Statement st(db_, sql, "snapshot");
    st.bind(1, id);
    return st.step();
}

std::optional<Catalogue::Consultation> Catalogue::consultation(const std::string& institution,
                                                               const std::string& contact_point) const {
    Consultation o;
    {
        auto q = detail::query(db_,
                "SELECT k.id, k.institution, k.title_lv, k.title_en, k.windows, k.slot_minutes, k.seats, "
                "k.notice_working_days, k.horizon_days, k.bring_lv, k.bring_en, c.name_lv, c.name_en, c.address_lv, "
                "c.address_en, c.phone, c.email, c.hours FROM consultations k "
                "JOIN consultation_hosts h ON h.consultation = k.id JOIN contact_points c ON c.id = h.contact_point "
                "WHERE k.institution = ?1 AND h.contact_point = ?2");
        q.bind(1, institution).bind(2, contact_point);
        if (!q.step()) return std::nullopt;
        o.id = q.text(0);
        o.institution = q.text(1);
        o.title_lv = q.text(2);
        o.title_en = q.text(3);
        o.windows = q.text(4);
        o.slot_minutes = q.integer(5);
        o.seats = q.integer(6);
        o.notice_working_days = q.integer(7);
        o.horizon_days = q.integer(8);
        o.bring_lv = lines(q.text(9));
        o.bring_en = lines(q.text(10));
        o.cp_name_lv = q.text(11);
        o.cp_name_en = q.text(12);
        o.address_lv = q.text(13);
        o.address_en = q.text(14);
        o.phone = q.text(15);
        o.email = q.text(16);
        o.hours = q.text(17);
        if (o.windows.size() > kMaxHoursSpec || o.hours.size() > kMaxHoursSpec)
            throw std::runtime_error("snapshot: consultation " + o.id.substr(0, 100) +
                                     ": its windows or the contact point's hours are longer than any real ones");
    }
    auto t = detail::query(db_, "SELECT id, title_lv, title_en FROM consultation_topics WHERE consultation = ?1 ORDER BY position");
    t.bind(1, o.id);
    while (t.step()) o.topics.push_back(Consultation::Topic{t.text(0), t.text(1), t.text(2)});
    return o;
}

std::vector<std::string> Catalogue::consultation_hosts(const std::string& institution) const {
    auto q = detail::query(db_,
            "SELECT h.contact_point FROM consultation_hosts h JOIN consultations k ON k.id = h.consultation "
            "WHERE k.institution = ?1 ORDER BY h.contact_point");
    q.bind(1, institution);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
}

std::vector<Catalogue::MapPoint> Catalogue::contact_points_on_map() const {
    std::vector<MapPoint> out;
    auto q = detail::query(db_, "SELECT id, kind, name_lv, territory, hours, lat, lon FROM contact_points ORDER BY id");
    while (q.step()) {
        if (q.text(4).size() > kMaxHoursSpec)
            throw std::runtime_error("snapshot: contact point " + q.text(0).substr(0, 100) +
                                     ": opening hours longer than any real ones");
        if (!q.is_null(5) && !q.is_null(6) && geo::on_earth({q.real(5), q.real(6)}))
            out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), {q.real(5), q.real(6)}});
    }
    return out;
}

std::vector<Catalogue::MapPoint> Catalogue::places_on_map() const {
    std::vector<MapPoint> out;
    auto q = detail::query(db_, "SELECT id, name, territory, lat, lon FROM places ORDER BY id");
    while (q.step())
        if (!q.is_null(3) && !q.is_null(4) && geo::on_earth({q.real(3), q.real(4)}))
            out.push_back({q.text(0), "place", q.text(1), q.text(2), "", {q.real(3), q.real(4)}});
    return out;
}

std::vector<std::string> Catalogue::tables() const {
    std::vector<std::string> out;
    auto st = detail::query(db_, "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                  "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name");
    while (st.step()) out.push_back(st.text(0));
    return out;
}

Catalogue::Table Catalogue::table(const std::string& name) const {
    // Only names the file itself lists reach SQL text, quoted.
    auto all = tables();
    if (std::find(all.begin(), all.end(), name) == all.end())
        throw std::invalid_argument("no table " + name.substr(0, 100) + " in the snapshot");
    Table t;
    std::vector<std::pair<int, int>> pk;  // (pk order, column)
    {
        auto st = detail::query(db_, "PRAGMA table_info(" + quote_ident(name) + ")");
        while (st.step()) {
            t.columns.push_back(st.text(1));
            int order = int(st.integer(5));
            if (order > 0) pk.emplace_back(order, int(t.columns.size()) - 1);
        }
    }
    std::sort(pk.begin(), pk.end());
    for (auto& [o, col] : pk) t.key.push_back(col);
    if (t.key.empty())  // no declared key: the whole row is its identity
        for (size_t i = 0; i < t.columns.size(); ++i) t.key.push_back(int(i));
    auto st = detail::query(db_, "SELECT * FROM " + quote_ident(name));
    while (st.step()) {
        std::vector<std::optional<std::string>> values;
        for (size_t i = 0; i < t.columns.size(); ++i) {
            int col = int(i);
            // A blob is shown by its size: its bytes may not be text.
            if (st.type(col) == SQLITE_BLOB) values.push_back("<" + std::to_string(st.bytes(col).size()) + " bytes>");
            else values.push_back(st.text_or_null(col));
        }
        t.rows.push_back(std::move(values));
    }
    return t;
}

}  // namespace pietura::snapshot
