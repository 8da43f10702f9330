// diff/diff.hpp — what changed between two snapshots, for review before publishing.
//
// `compare(old, new)` reads two snapshot files (or open catalogues) and lists, for
// every entity table, the rows added and removed and, for rows in both, each field
// whose value changed (old and new value). It works from the tables themselves —
// their primary keys and columns as SQLite reports them — so a table added to the
// snapshot later is compared without a change here, and a column only one side has
// shows as changed from/to null. The search index tables (`search_*`) are derived
// from the entities and left out, and so is the build's own `meta` bookkeeping
// except the content version.
//
// It only reads; it does not say whether a change is right, and it does not diff
// content folders (build them first: the snapshot is what is published).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "snapshot/snapshot.hpp"

namespace pietura::diff {

struct FieldChange {
    std::string field;
    std::optional<std::string> before, after;  // nullopt: NULL or no such column
};

struct RowChange {
    std::string key;  // primary key; composite keys joined with " / "
    std::vector<FieldChange> fields;  // for a changed row
};

struct TableDiff {
    std::string table;
    std::vector<std::string> added, removed;  // keys
    std::vector<RowChange> changed;
    bool only_old = false, only_new = false;  // the table exists on one side only

    bool empty() const { return added.empty() && removed.empty() && changed.empty() && !only_old && !only_new; }
};

struct Diff {
    std::string old_version, new_version;  // content versions
    std::vector<TableDiff> tables;         // tables with changes only, by name

    bool empty() const { return tables.empty(); }
    nlohmann::ordered_json to_json() const;
    std::string to_text() const;
};

Diff compare(const snapshot::Catalogue& before, const snapshot::Catalogue& after);
Diff compare(const std::filesystem::path& before, const std::filesystem::path& after);

}  // namespace pietura::diff
