// pietura diff — what changed between two snapshots, for review before publishing.
#include <iostream>

#include "cli.hpp"
#include "diff/diff.hpp"

namespace pietura::cli {

namespace {
const char* kDiffHelp = R"(pietura diff — compare two snapshot databases

Usage: pietura diff OLD.sqlite NEW.sqlite [options]

  OLD.sqlite     the snapshot now published (e.g. a copy of dist/catalogue.sqlite)
  NEW.sqlite     the snapshot about to be published
  --json         print JSON: {old_version, new_version, tables: [{table, added,
                 removed, changed: [{key, fields: [{field, old, new}]}]}]}
  --exit-code    exit 1 when the snapshots differ (as `git diff --exit-code`)

Every entity table is compared row by row on its primary key: rows added, rows
removed, and for changed rows each field with its old and new value. The search
index is derived from the entities and not compared.

Exit codes: 0 compared (with --exit-code: no differences), 1 a snapshot could not
be read (with --exit-code: also when they differ), 2 wrong command line.
)";
}  // namespace

int cmd_diff(int argc, char** argv) {
    Args args(argc, argv, {}, {"json", "exit-code", "help"});
    if (!args.ok()) return usage_error("diff", args.error());
    if (args.flag("help")) {
        std::cout << kDiffHelp;
        return 0;
    }
    if (args.positional().size() != 2) return usage_error("diff", "give two snapshot files: OLD.sqlite NEW.sqlite");
    try {
        diff::Diff d = diff::compare(args.positional()[0], args.positional()[1]);
        if (args.flag("json"))
            std::cout << d.to_json().dump(2) << "\n";
        else
            std::cout << d.to_text();
        return args.flag("exit-code") && !d.empty() ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura diff: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli
