// Issue 16: the core's modules (core/<folder>/) depend on each other top-down, never
// in a circle. Each folder's files are scanned for #include "other/...": a cycle
// means a change in one module can break another that it itself depends on, and
// that the two can no longer be understood (or tested) one at a time.
#define BOOST_TEST_MODULE modules
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Graph = std::map<std::string, std::set<std::string>>;  // folder → folders it includes

namespace {

Graph module_graph(const fs::path& core) {
    Graph g;
    static const std::regex include(R"re(^\s*#\s*include\s*"([A-Za-z0-9_]+)/[^"]+")re");
    for (auto& entry : fs::recursive_directory_iterator(core)) {
        if (!entry.is_regular_file()) continue;
        auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        std::string from = fs::relative(entry.path(), core).begin()->string();
        g[from];
        std::ifstream in(entry.path());
        std::string line;
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_search(line, m, include) && m[1] != from) g[from].insert(m[1]);
    }
    return g;
}

// Every cycle's strongly connected component (Tarjan), each shown as one circular
// path through it, e.g. "snapshot → site → booking → snapshot".
std::vector<std::string> cycles(const Graph& g) {
    std::map<std::string, int> index, low;
    std::vector<std::string> stack;
    std::set<std::string> on_stack;
    std::vector<std::set<std::string>> components;
    int next = 0;
    std::function<void(const std::string&)> visit = [&](const std::string& v) {
        index[v] = low[v] = next++;
        stack.push_back(v);
        on_stack.insert(v);
        if (auto it = g.find(v); it != g.end())
            for (auto& w : it->second) {
                if (!index.count(w)) {
                    visit(w);
                    low[v] = std::min(low[v], low[w]);
                } else if (on_stack.count(w)) {
                    low[v] = std::min(low[v], index[w]);
                }
            }
        if (low[v] == index[v]) {
            std::set<std::string> c;
            std::string w;
            do {
                w = stack.back();
                stack.pop_back();
                on_stack.erase(w);
                c.insert(w);
            } while (w != v);
            if (c.size() > 1) components.push_back(c);
        }
    };
    for (auto& [v, _] : g)
        if (!index.count(v)) visit(v);
    std::vector<std::string> out;
    for (auto& c : components) {
        // A path from the first member back to itself inside the component (BFS).
        const std::string& start = *c.begin();
        std::map<std::string, std::string> parent;
        std::vector<std::string> queue{start};
        std::string back;
        for (size_t k = 0; k < queue.size() && back.empty(); ++k)
            for (auto& w : g.at(queue[k])) {
                if (!c.count(w)) continue;
                if (w == start) {
                    back = queue[k];
                    break;
                }
                if (!parent.count(w)) parent[w] = queue[k], queue.push_back(w);
            }
        std::vector<std::string> path{start};
        for (std::string v = back; v != start; v = parent[v]) path.insert(path.begin() + 1, v);
        std::string text;
        for (auto& v : path) text += v + " → ";
        out.push_back(text + start);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue16_the_check_finds_a_cycle_and_nothing_else) {
    auto g = module_graph(fs::path(PIETURA_SOURCE_DIR) / "tests/fixtures/module_cycle/core");
    BOOST_TEST(g.size() == 3u);
    BOOST_TEST(!g["beta"].count("beta"));
    auto found = cycles(g);
    BOOST_REQUIRE_EQUAL(found.size(), 1u);
    BOOST_TEST(found[0] == "alpha → beta → alpha");
}

// Edges whose removal waits on a module outside this change, each with what must
// happen; the test fails both when another cycle appears and when one of these is
// gone (then delete it here, so it cannot come back unnoticed).
const std::map<std::pair<std::string, std::string>, const char*> kPending = {};

BOOST_AUTO_TEST_CASE(issue16_core_modules_have_no_cycles) {
    auto g = module_graph(fs::path(PIETURA_SOURCE_DIR) / "core");
    BOOST_TEST(g.size() > 10u);
    for (auto& [edge, fix] : kPending) {
        BOOST_TEST(g[edge.first].count(edge.second) == 1u,
                   edge.first << " → " << edge.second << " is gone: remove it from kPending");
        g[edge.first].erase(edge.second);
    }
    for (auto& c : cycles(g)) BOOST_ERROR("module cycle: " << c);
}
