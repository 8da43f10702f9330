// What step 1 of booking offers, read back from a snapshot: the server renders step 1
// again (with the answers kept, or with the error summary) and has only the snapshot,
// while `pietura build` renders the static step 1 from the content. Both go through
// the same renderer, so this returns the part of content::Content that step 1 reads;
// tests/core/booking_pages_test.cpp checks that the two render the same page.
#include <algorithm>

#include "booking/booking.hpp"
#include "content/content.hpp"
#include "snapshot/snapshot.hpp"

namespace pietura::booking {

namespace {

// One column of a snapshot table by name: the reader does not assume column order.
std::size_t column(const snapshot::Catalogue::Table& t, const char* name) {
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    if (it == t.columns.end()) throw std::runtime_error(std::string("Pietura snapshot rejected: no column ") + name);
    return std::size_t(it - t.columns.begin());
}

std::string value(const std::vector<std::pair<std::string, std::string>>& row, const char* name) {
    for (auto& [k, v] : row)
        if (k == name) return v;
    return "";
}

}  // namespace

content::Content step_one_choices(const snapshot::Catalogue& cat) {
    content::Content c;
    auto table = cat.table("consultations");
    std::size_t id_col = column(table, "id"), inst_col = column(table, "institution");
    std::map<std::string, geo::Point> where;
    for (auto& p : cat.contact_points_on_map()) where[p.id] = p.at;
    std::map<std::string, content::ContactPoint> cps;
    for (auto& row : table.rows) {
        if (!row[id_col] || !row[inst_col]) continue;
        content::Consultation k;
        k.id = *row[id_col];
        k.institution = *row[inst_col];
        k.contact_points = cat.consultation_hosts(k.institution);
        bool topics = false;
        for (auto& host : k.contact_points) {
            auto on = cat.consultation(k.institution, host);
            if (!on) continue;
            if (!topics) {
                for (auto& t : on->topics) k.topics.push_back({t.id, {t.title_lv, t.title_en}, {}});
                k.title = {on->title_lv, on->title_en};
                topics = true;
            }
            if (cps.count(host)) continue;
            content::ContactPoint cp;
            cp.id = host;
            cp.name = {on->cp_name_lv, on->cp_name_en};
            cp.address = {on->address_lv, on->address_en};
            cp.phone = on->phone;
            cp.email = on->email;
            if (auto at = where.find(host); at != where.end()) {
                cp.lat = at->second.lat;
                cp.lon = at->second.lon;
            }
            cps.emplace(host, std::move(cp));
        }
        auto inst = cat.row("institutions", k.institution);
        if (!inst.empty() && std::none_of(c.institutions.begin(), c.institutions.end(),
                                          [&](auto& i) { return i.id == k.institution; })) {
            content::Institution i;
            i.id = k.institution;
            i.abbr = {value(inst, "abbr_lv"), value(inst, "abbr_en")};
            i.name = {value(inst, "name_lv"), value(inst, "name_en")};
            c.institutions.push_back(std::move(i));
        }
        c.consultations.push_back(std::move(k));
    }
    // Content::load's order: by id.
    std::sort(c.consultations.begin(), c.consultations.end(), [](auto& a, auto& b) { return a.id < b.id; });
    std::sort(c.institutions.begin(), c.institutions.end(), [](auto& a, auto& b) { return a.id < b.id; });
    for (auto& [id, cp] : cps) c.contact_points.push_back(std::move(cp));
    return c;
}

}  // namespace pietura::booking
