// studio/studio.hpp — the content editors' studio (Dear ImGui): a map of contact
// points and settlements, an hours heatmap, the quality report and a snapshot diff.
//
// Everything it shows comes through the core library: atlas/ (points, distances,
// heatmap counts), quality/ (the `pietura check` report), diff/ (`pietura diff`) and
// snapshot/ (the same file the browser gets). This folder only lays it out and
// draws; it holds no catalogue logic of its own, so what the studio shows is what
// the tools and the portal compute.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "atlas/atlas.hpp"
#include "diff/diff.hpp"
#include "hours/hours.hpp"
#include "snapshot/snapshot.hpp"

namespace pietura::studio {

struct Model {
    std::string source;  // what was opened, for the title bar
    std::unique_ptr<snapshot::Catalogue> catalogue;
    atlas::Atlas atlas;
    nlohmann::ordered_json report;  // quality::Report::to_json(), or null when not available
    std::optional<diff::Diff> diff;
    hours::Date date;               // the week the heatmap shows

    atlas::Heatmap heatmap;         // for `date`, recomputed when it changes
    void set_date(hours::Date d);
};

struct UiState {
    std::string selected;        // entity id shown in the record tab
    std::string selected_kind;   // "contact-points", "places", "services", ...
    bool jump_to_record = false;
    char filter[128] = "";
    int check_filter = 0;        // index into the checks combo, 0 = all
    char date_text[16] = "";
};

// Draws one frame of the studio into a `width` × `height` viewport.
void draw(Model& m, UiState& ui, float width, float height);

}  // namespace pietura::studio
