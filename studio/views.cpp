// The studio's views: map, hours heatmap, record, quality report, diff.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "studio.hpp"
#include "text/text.hpp"

namespace pietura::studio {

void Model::set_date(hours::Date d) {
    date = d;
    heatmap = atlas::heatmap(atlas, d);
}

namespace {

ImU32 kind_colour(const std::string& kind) {
    if (kind == "vpvkac") return IM_COL32(25, 85, 200, 255);
    if (kind == "library") return IM_COL32(140, 40, 170, 255);
    return IM_COL32(60, 60, 60, 255);  // an institution's own centre
}

// Settlements by distance to the nearest contact point: the 5/10/20 km bands of the report.
ImU32 distance_colour(double km) {
    if (km <= 5) return IM_COL32(40, 160, 70, 255);
    if (km <= 10) return IM_COL32(200, 190, 30, 255);
    if (km <= 20) return IM_COL32(235, 130, 20, 255);
    return IM_COL32(210, 40, 40, 255);
}

void legend_dot(ImU32 c, const char* label) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled({p.x + h / 2, p.y + h / 2}, h / 3, c);
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0, 14);
}

void select(UiState& ui, const std::string& kind, const std::string& id) {
    ui.selected = id;
    ui.selected_kind = kind;
    ui.jump_to_record = true;
}

void map_view(Model& m, UiState& ui) {
    legend_dot(kind_colour("vpvkac"), "VPVKAC");
    legend_dot(kind_colour("library"), "library");
    legend_dot(kind_colour("institution"), "institution");
    ImGui::NewLine();
    legend_dot(distance_colour(1), "settlement ≤5 km");
    legend_dot(distance_colour(8), "≤10 km");
    legend_dot(distance_colour(15), "≤20 km");
    legend_dot(distance_colour(30), ">20 km from a contact point");
    ImGui::NewLine();

    ImVec2 avail = ImGui::GetContentRegionAvail();
    float w = avail.x, h = w / float(atlas::aspect());
    if (h > avail.y) h = avail.y, w = h * float(atlas::aspect());
    ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("map", {std::max(w, 1.0f), std::max(h, 1.0f)});
    bool clicked = ImGui::IsItemClicked();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, {o.x + w, o.y + h}, IM_COL32(232, 240, 248, 255));
    // A graticule every degree, so distances can be judged (1° latitude ≈ 111 km).
    for (int lon = int(std::ceil(atlas::kWest)); lon <= int(atlas::kEast); ++lon) {
        auto a = atlas::project(atlas::kNorth, lon);
        dl->AddLine({o.x + float(a.x) * w, o.y}, {o.x + float(a.x) * w, o.y + h}, IM_COL32(200, 210, 225, 255));
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d°E", lon);
        dl->AddText({o.x + float(a.x) * w + 2, o.y + h - 16}, IM_COL32(120, 130, 150, 255), buf);
    }
    for (int lat = int(std::ceil(atlas::kSouth)); lat <= int(atlas::kNorth); ++lat) {
        auto a = atlas::project(lat, atlas::kWest);
        dl->AddLine({o.x, o.y + float(a.y) * h}, {o.x + w, o.y + float(a.y) * h}, IM_COL32(200, 210, 225, 255));
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d°N", lat);
        dl->AddText({o.x + 2, o.y + float(a.y) * h + 1}, IM_COL32(120, 130, 150, 255), buf);
    }
    auto at = [&](const atlas::Point& p) {
        auto xy = atlas::project(p.lat, p.lon);
        return ImVec2{o.x + float(xy.x) * w, o.y + float(xy.y) * h};
    };
    ImVec2 mouse = ImGui::GetMousePos();
    const atlas::Point* hover = nullptr;
    float hover_d = 8 * 8;
    auto consider = [&](const atlas::Point& p) {
        ImVec2 q = at(p);
        float d = (q.x - mouse.x) * (q.x - mouse.x) + (q.y - mouse.y) * (q.y - mouse.y);
        if (d < hover_d) hover_d = d, hover = &p;
    };
    // Settlements under contact points: a settlement with its own point hides behind it.
    for (auto& p : m.atlas.places) {
        dl->AddCircleFilled(at(p), 3.5f, distance_colour(p.nearest_km));
        consider(p);
    }
    for (auto& p : m.atlas.contact_points) {
        ImVec2 q = at(p);
        dl->AddRectFilled({q.x - 4, q.y - 4}, {q.x + 4, q.y + 4}, kind_colour(p.kind));
        dl->AddRect({q.x - 4, q.y - 4}, {q.x + 4, q.y + 4}, IM_COL32(255, 255, 255, 255));
        consider(p);
    }
    if (auto* sel = m.atlas.find(ui.selected)) dl->AddCircle(at(*sel), 9, IM_COL32(0, 0, 0, 255), 0, 2.5f);
    if (hover && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(hover->name.c_str());
        if (hover->kind == "place") ImGui::Text("%.1f km to %s", hover->nearest_km, hover->nearest.c_str());
        else ImGui::TextUnformatted(hover->hours.c_str());
        ImGui::EndTooltip();
        if (clicked) select(ui, hover->kind == "place" ? "places" : "contact-points", hover->id);
    }
}

void heatmap_view(Model& m, UiState& ui) {
    if (ImGui::Button("< week")) {
        m.set_date(m.date.plus(-7));
        std::snprintf(ui.date_text, sizeof ui.date_text, "%s", m.date.iso().c_str());
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    if (ImGui::InputText("##date", ui.date_text, sizeof ui.date_text, ImGuiInputTextFlags_EnterReturnsTrue))
        if (auto d = hours::Date::parse(ui.date_text)) m.set_date(*d);
    ImGui::SameLine();
    if (ImGui::Button("week >")) {
        m.set_date(m.date.plus(7));
        std::snprintf(ui.date_text, sizeof ui.date_text, "%s", m.date.iso().c_str());
    }
    ImGui::SameLine();
    ImGui::Text("contact points open, of %d (week of %s)", m.heatmap.contact_points, m.heatmap.monday.iso().c_str());

    const auto& hm = m.heatmap;
    const int first = 6, last = 21;  // offices open between 6:00 and 22:00; the rest is empty
    ImVec2 o = ImGui::GetCursorScreenPos();
    float label = 235, cw = (ImGui::GetContentRegionAvail().x - label) / float(last - first + 1), ch = 22;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int hr = first; hr <= last; ++hr) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d", hr);
        dl->AddText({o.x + label + float(hr - first) * cw + 2, o.y}, ImGui::GetColorU32(ImGuiCol_Text), buf);
    }
    for (int d = 0; d < 7; ++d) {
        float y = o.y + 18 + float(d) * ch;
        std::string day = std::string(hours::weekday_abbr(hours::Weekday(d), Lang::en)) + " " +
                          hm.monday.plus(d).iso().substr(5);
        ImU32 tc = hm.note[size_t(d)].empty() ? ImGui::GetColorU32(ImGuiCol_Text) : IM_COL32(200, 40, 40, 255);
        dl->AddText({o.x, y + 3}, tc, day.c_str());
        for (int hr = first; hr <= last; ++hr) {
            double v = hm.open[size_t(d)][size_t(hr)];
            float t = hm.max > 0 ? float(v / hm.max) : 0;
            ImU32 c = IM_COL32(int(245 - 225 * t), int(245 - 165 * t), int(250 - 70 * t), 255);
            ImVec2 a{o.x + label + float(hr - first) * cw, y}, b{a.x + cw - 1, y + ch - 1};
            dl->AddRectFilled(a, b, c);
            if (ImGui::IsMouseHoveringRect(a, b)) {
                ImGui::BeginTooltip();
                ImGui::Text("%s %02d:00–%02d:00: %.1f open", day.c_str(), hr, hr + 1, v);
                if (!hm.note[size_t(d)].empty()) ImGui::TextUnformatted(hm.note[size_t(d)].c_str());
                ImGui::EndTooltip();
            }
        }
        if (!hm.note[size_t(d)].empty())
            dl->AddText({o.x + 78, y + 3}, tc, hm.note[size_t(d)].substr(0, 19).c_str());
    }
    ImGui::Dummy({1, 18 + 7 * ch});
}

void record_view(Model& m, UiState& ui) {
    if (ui.selected.empty()) {
        ImGui::TextWrapped("Click a point on the map or an item of the quality report.");
        return;
    }
    ImGui::Text("%s/%s", ui.selected_kind.c_str(), ui.selected.c_str());
    ImGui::Separator();
    // Anything that is not on the map (a service, a life situation, ...): its row.
    static const std::map<std::string, std::string> tables = {
        {"services", "services"}, {"life-situations", "life_situations"}, {"institutions", "institutions"},
        {"audiences", "audiences"}, {"territories", "territories"}};
    if (auto t = tables.find(ui.selected_kind); t != tables.end() && m.catalogue) {
        auto row = m.catalogue->row(t->second, ui.selected);
        if (row.empty()) ImGui::TextUnformatted("Not in this snapshot.");
        for (auto& [column, value] : row)
            if (!value.empty() && column != "id") ImGui::TextWrapped("%s: %s", column.c_str(), value.c_str());
    }
    if (auto* p = m.atlas.find(ui.selected)) {
        ImGui::Text("Name: %s", p->name.c_str());
        ImGui::Text("Kind: %s   Territory: %s", p->kind.c_str(), p->territory.c_str());
        ImGui::Text("Coordinates: %.5f, %.5f", p->lat, p->lon);
        if (p->kind == "place") {
            ImGui::Text("Nearest contact point: %s, %.1f km", p->nearest.c_str(), p->nearest_km);
        } else {
            ImGui::Text("Hours: %s", p->hours.c_str());
            if (auto s = hours::Schedule::parse(p->hours)) ImGui::TextWrapped("%s", s->describe(Lang::lv).c_str());
        }
    }
    if (m.report.is_object()) {
        ImGui::Separator();
        int n = 0;
        for (auto& it : m.report["items"])
            if (it["id"] == ui.selected) {
                ImGui::Bullet();
                ImGui::TextWrapped("[%s] %s %s", it["check"].get<std::string>().c_str(), it["field"].get<std::string>().c_str(),
                                   it["message"].get<std::string>().c_str());
                ++n;
            }
        for (auto& g : m.report["duplicates"]) {
            bool in = g["canonical"] == ui.selected;
            for (auto& o : g["others"]) in |= o["id"] == ui.selected;
            if (in) {
                ImGui::BulletText("[duplicates] group kept as %s:", g["canonical"].get<std::string>().c_str());
                for (auto& o : g["others"])
                    ImGui::BulletText("   %s (%.0f%% alike)", o["id"].get<std::string>().c_str(), o["score"].get<double>() * 100);
                ++n;
            }
        }
        if (!n) ImGui::TextUnformatted("No quality report items.");
    }
}

void report_view(Model& m, UiState& ui) {
    if (!m.report.is_object()) {
        ImGui::TextWrapped("No quality report: open a content folder (--content), or give the JSON of "
                           "`pietura check --json` with --report.");
        return;
    }
    static const char* checks[] = {"all", "english", "unreached", "contact", "hours", "link", "bus-stop", "duplicates"};
    ImGui::SetNextItemWidth(130);
    ImGui::Combo("##check", &ui.check_filter, checks, IM_ARRAYSIZE(checks));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "filter by id or text", ui.filter, sizeof ui.filter);
    std::string needle = text::fold(ui.filter);
    std::string want = checks[ui.check_filter];
    auto match = [&](const std::string& s) { return needle.empty() || text::fold(s).find(needle) != std::string::npos; };
    ImGui::BeginChild("items");
    int shown = 0;
    if (want != "duplicates")
        for (auto& it : m.report["items"]) {
            std::string check = it["check"], id = it["id"], msg = it["message"], kind = it["kind"];
            if ((want != "all" && check != want) || !(match(id) || match(msg))) continue;
            std::string line = "[" + check + "] " + kind + "/" + id + ": " + msg;
            ImGui::PushID(shown++);
            if (ImGui::Selectable(line.c_str(), ui.selected == id)) select(ui, kind, id);
            ImGui::PopID();
        }
    if (want == "all" || want == "duplicates")
        for (auto& g : m.report["duplicates"]) {
            std::string canon = g["canonical"];
            std::string line = "[duplicates] keep " + canon + ", " + std::to_string(g["others"].size()) + " probable copies";
            if (!match(line)) continue;
            ImGui::PushID(shown++);
            if (ImGui::Selectable(line.c_str(), ui.selected == canon)) select(ui, "services", canon);
            ImGui::PopID();
        }
    if (!shown) ImGui::TextUnformatted("Nothing matches.");
    ImGui::EndChild();
}

void diff_view(Model& m) {
    if (!m.diff) {
        ImGui::TextWrapped("No diff: give the published snapshot with --old FILE to compare it with this one.");
        return;
    }
    ImGui::Text("content version %s → %s", m.diff->old_version.c_str(), m.diff->new_version.c_str());
    if (m.diff->empty()) ImGui::TextUnformatted("No changes.");
    ImGui::BeginChild("diff");
    for (auto& t : m.diff->tables) {
        char head[160];
        std::snprintf(head, sizeof head, "%s: %zu added, %zu removed, %zu changed", t.table.c_str(), t.added.size(),
                      t.removed.size(), t.changed.size());
        if (!ImGui::TreeNode(head)) continue;
        for (auto& k : t.added) ImGui::TextColored({0.1f, 0.55f, 0.2f, 1}, "+ %s", k.c_str());
        for (auto& k : t.removed) ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "- %s", k.c_str());
        for (auto& r : t.changed) {
            if (!ImGui::TreeNode(("~ " + r.key).c_str())) continue;
            for (auto& f : r.fields)
                ImGui::TextWrapped("%s: %s → %s", f.field.c_str(), f.before.value_or("null").c_str(),
                                   f.after.value_or("null").c_str());
            ImGui::TreePop();
        }
        ImGui::TreePop();
    }
    ImGui::EndChild();
}

}  // namespace

void draw(Model& m, UiState& ui, float width, float height) {
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
    float left = std::floor(width * 0.52f);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({left, height});
    ImGui::Begin(("Map — " + m.source).c_str(), nullptr, fixed);
    map_view(m, ui);
    ImGui::End();

    float top = 250;
    ImGui::SetNextWindowPos({left, 0});
    ImGui::SetNextWindowSize({width - left, top});
    ImGui::Begin("Hours heatmap", nullptr, fixed);
    heatmap_view(m, ui);
    ImGui::End();

    ImGui::SetNextWindowPos({left, top});
    ImGui::SetNextWindowSize({width - left, height - top});
    ImGui::Begin("Details", nullptr, fixed);
    if (ImGui::BeginTabBar("tabs")) {
        if (ImGui::BeginTabItem("Quality report")) {
            report_view(m, ui);
            ImGui::EndTabItem();
        }
        ImGuiTabItemFlags rec = ui.jump_to_record ? ImGuiTabItemFlags_SetSelected : 0;
        ui.jump_to_record = false;
        if (ImGui::BeginTabItem("Record", nullptr, rec)) {
            record_view(m, ui);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Diff")) {
            diff_view(m);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace pietura::studio
