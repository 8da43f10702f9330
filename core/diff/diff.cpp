#include "diff/diff.hpp"

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>


namespace pietura::diff {

namespace {

struct Table {
    std::vector<std::string> columns;
    std::map<std::string, std::vector<std::optional<std::string>>> rows;  // key → values
};

// The snapshot's rows keyed by their primary key, composite keys joined with " / ".
Table read_table(const snapshot::Catalogue& cat, const std::string& name) {
    auto raw = cat.table(name);
    Table t;
    t.columns = std::move(raw.columns);
    for (auto& values : raw.rows) {
        std::string key;
        for (int k : raw.key) key += (key.empty() ? "" : " / ") + values[size_t(k)].value_or("NULL");
        t.rows[key] = std::move(values);
    }
    return t;
}

TableDiff compare_table(const std::string& name, const Table& a, const Table& b) {
    TableDiff d;
    d.table = name;
    std::map<std::string, int> col_a, col_b;
    for (size_t i = 0; i < a.columns.size(); ++i) col_a[a.columns[i]] = int(i);
    for (size_t i = 0; i < b.columns.size(); ++i) col_b[b.columns[i]] = int(i);
    std::vector<std::string> all = a.columns;
    for (auto& c : b.columns)
        if (!col_a.count(c)) all.push_back(c);
    for (auto& [key, va] : a.rows) {
        auto it = b.rows.find(key);
        if (it == b.rows.end()) {
            d.removed.push_back(key);
            continue;
        }
        const auto& vb = it->second;
        RowChange rc{key, {}};
        for (auto& c : all) {
            std::optional<std::string> x, y;
            if (auto ia = col_a.find(c); ia != col_a.end()) x = va[size_t(ia->second)];
            if (auto ib = col_b.find(c); ib != col_b.end()) y = vb[size_t(ib->second)];
            if (x != y) rc.fields.push_back({c, x, y});
        }
        if (!rc.fields.empty()) d.changed.push_back(std::move(rc));
    }
    for (auto& [key, vb] : b.rows)
        if (!a.rows.count(key)) d.added.push_back(key);
    return d;
}

std::string shorten(const std::optional<std::string>& v) {
    if (!v) return "null";
    std::string s = *v;
    for (char& c : s)
        if (c == '\n') c = ' ';
    if (s.size() > 80) {
        size_t cut = 77;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
        s = s.substr(0, cut) + "...";
    }
    return "\"" + s + "\"";
}

}  // namespace

Diff compare(const snapshot::Catalogue& before, const snapshot::Catalogue& after) {
    Diff d;
    d.old_version = before.meta("content_version");
    d.new_version = after.meta("content_version");
    auto la = before.tables(), lb = after.tables();
    std::set<std::string> ta(la.begin(), la.end()), tb(lb.begin(), lb.end());
    std::set<std::string> names = ta;
    names.insert(tb.begin(), tb.end());
    for (auto& name : names) {
        TableDiff td;
        if (!tb.count(name)) {
            td.table = name, td.only_old = true;
        } else if (!ta.count(name)) {
            td.table = name, td.only_new = true;
        } else {
            td = compare_table(name, read_table(before, name), read_table(after, name));
        }
        if (name == "meta") {
            // generator and SQLite version change with every tool upgrade; only the
            // content version says something about the content.
            auto keep = [](const std::string& key) { return key == "content_version" || key == "format"; };
            std::erase_if(td.added, [&](auto& k) { return !keep(k); });
            std::erase_if(td.removed, [&](auto& k) { return !keep(k); });
            std::erase_if(td.changed, [&](auto& r) { return !keep(r.key); });
        }
        if (!td.empty()) d.tables.push_back(std::move(td));
    }
    return d;
}

Diff compare(const std::filesystem::path& before, const std::filesystem::path& after) {
    auto a = snapshot::Catalogue::open(before);
    auto b = snapshot::Catalogue::open(after);
    return compare(a, b);
}

nlohmann::ordered_json Diff::to_json() const {
    nlohmann::ordered_json j;
    j["old_version"] = old_version;
    j["new_version"] = new_version;
    j["tables"] = nlohmann::ordered_json::array();
    auto val = [](const std::optional<std::string>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
    for (auto& t : tables) {
        nlohmann::ordered_json tj;
        tj["table"] = t.table;
        if (t.only_old) tj["only_in_old"] = true;
        if (t.only_new) tj["only_in_new"] = true;
        tj["added"] = t.added;
        tj["removed"] = t.removed;
        tj["changed"] = nlohmann::ordered_json::array();
        for (auto& r : t.changed) {
            nlohmann::ordered_json fs = nlohmann::ordered_json::array();
            for (auto& f : r.fields) fs.push_back({{"field", f.field}, {"old", val(f.before)}, {"new", val(f.after)}});
            tj["changed"].push_back({{"key", r.key}, {"fields", fs}});
        }
        j["tables"].push_back(tj);
    }
    return j;
}

std::string Diff::to_text() const {
    std::ostringstream o;
    o << "content version " << old_version << " → " << new_version << "\n";
    if (tables.empty()) o << "no changes\n";
    for (auto& t : tables) {
        o << "== " << t.table;
        if (t.only_old) o << ": table removed";
        if (t.only_new) o << ": table added";
        o << " (" << t.added.size() << " added, " << t.removed.size() << " removed, " << t.changed.size() << " changed)\n";
        for (auto& k : t.added) o << "  + " << k << "\n";
        for (auto& k : t.removed) o << "  - " << k << "\n";
        for (auto& r : t.changed) {
            o << "  ~ " << r.key << "\n";
            for (auto& f : r.fields) o << "      " << f.field << ": " << shorten(f.before) << " → " << shorten(f.after) << "\n";
        }
    }
    return o.str();
}

}  // namespace pietura::diff
