// pietura search — the browser's search, from a terminal, through the same core.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "snapshot/snapshot.hpp"

namespace pietura::cli {

namespace {
const char* kSearchHelp = R"(pietura search — search the catalogue snapshot

Usage: pietura search [options] QUERY...

  --lang lv|en       language of the query and results (default: lv)
  --limit N          at most N results (default: 10, at most 100)
  --snapshot FILE    snapshot to search (default: dist/catalogue.sqlite)
  --json             print a JSON array instead of a table
  --bench FILE       time every query in FILE (one per line) instead; prints
                     {"queries", "median_ms", "p95_ms"} as JSON (for the benchmark report)

Prints id, kind, title and score of each result. Exit code 1 when nothing is found.
)";
}

namespace {

// Times each query once after one warm-up pass, as the browser sees them: a fresh
// query per keystroke on an already open snapshot.
int run_bench(const snapshot::Catalogue& cat, const std::string& file, Lang lang, int limit) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    if (queries.empty()) throw std::runtime_error(file + " holds no queries");
    for (auto& q : queries) cat.search(q, lang, limit);
    std::vector<double> ms;
    for (auto& q : queries) {
        auto t0 = std::chrono::steady_clock::now();
        cat.search(q, lang, limit);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * double(ms.size())))]; };
    std::cout << nlohmann::json{{"queries", ms.size()}, {"median_ms", pct(0.5)}, {"p95_ms", pct(0.95)}}.dump() << "\n";
    return 0;
}

}  // namespace

int cmd_search(int argc, char** argv) {
    Args args(argc, argv, {"lang", "limit", "snapshot", "bench"}, {"json", "help"});
    if (!args.ok()) return usage_error("search", args.error());
    if (args.flag("help")) {
        std::cout << kSearchHelp;
        return 0;
    }
    auto lang = parse_lang(args.get_or("lang", "lv"));
    if (!lang) return usage_error("search", "--lang must be lv or en");
    int limit = 10;
    try {
        limit = std::stoi(args.get_or("limit", "10"));
    } catch (const std::exception&) {
        return usage_error("search", "--limit must be a number");
    }
    if (limit < 1 || limit > 100) return usage_error("search", "--limit must be from 1 to 100");
    std::string query;
    for (auto& p : args.positional()) query += (query.empty() ? "" : " ") + p;

    try {
        auto cat = snapshot::Catalogue::open(args.get_or("snapshot", "dist/catalogue.sqlite"));
        if (auto bench = args.get("bench")) return run_bench(cat, *bench, *lang, limit);
        auto hits = cat.search(query, *lang, limit);
        if (args.flag("json")) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (auto& h : hits)
                out.push_back({{"id", h.id}, {"kind", h.kind}, {"title", h.title}, {"url", h.url}, {"score", h.score},
                               {"weak", h.weak}});
            std::cout << out.dump(2) << "\n";
        } else {
            for (auto& h : hits)
                std::cout << std::left << std::setw(44) << h.id << " " << std::setw(14) << h.kind << " "
                          << std::fixed << std::setprecision(3) << std::setw(8) << h.score << " " << h.title << "\n";
        }
        return hits.empty() ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura search: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli
