// Probable duplicate services: the national catalogue listed 7,656 services in
// 2020 and 3,369 after removing duplicates, mostly a unified municipal template
// plus each municipality's own card for the same service. Those cards differ by
// the municipality's name and little else, so similarity is measured on Latvian
// stems with the names of territories and settlements taken out.
//
// Comparing every pair would be 5.8 million comparisons for 3,400 services, so
// candidates come from a prefix-filtered index of title terms (the classic
// all-pairs set-similarity join): two titles can only reach the Jaccard bound if
// they share one of the rarest few terms of each, and only those pairs are scored.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "quality/quality.hpp"
#include "text/text.hpp"

namespace pietura::quality {

namespace {

using Terms = std::vector<std::string>;  // sorted, unique

Terms stems(std::string_view s, const std::vector<std::string>& drop) {
    Terms out;
    for (auto& t : text::tokenize(s)) {
        if (t.compound || text::is_stopword(t.text, Lang::lv)) continue;
        std::string st = text::stem_lv(t.text);
        if (st.empty() || std::binary_search(drop.begin(), drop.end(), st)) continue;
        out.push_back(std::move(st));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double jaccard(const Terms& a, const Terms& b) {
    if (a.empty() && b.empty()) return 1;
    size_t i = 0, j = 0, common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else
            ++common, ++i, ++j;
    }
    return double(common) / double(a.size() + b.size() - common);
}

struct Prepared {
    Terms title, rest;
};

Prepared prepare(const content::Service& s, const std::vector<std::string>& drop) {
    return {stems(s.title.lv, drop), stems(s.summary.lv + "\n" + s.body.lv, drop)};
}

// Title counts as much as summary and body together: a municipal card often
// rewrites the body but keeps the template's title.
double score(const Prepared& a, const Prepared& b) { return 0.5 * jaccard(a.title, b.title) + 0.5 * jaccard(a.rest, b.rest); }

struct UnionFind {
    std::vector<size_t> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    size_t find(size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(size_t a, size_t b) {
        a = find(a), b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

}  // namespace

std::vector<std::string> place_words(const content::Content& c) {
    std::vector<std::string> out;
    auto add = [&](const std::string& s) {
        for (auto& t : text::tokenize(s))
            if (!t.compound) out.push_back(text::stem_lv(t.text));
    };
    for (auto& t : c.territories) add(t.name.lv + " " + t.name.en);
    for (auto& p : c.places) add(p.name);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double service_similarity(const content::Service& a, const content::Service& b,
                          const std::vector<std::string>& place_words) {
    return score(prepare(a, place_words), prepare(b, place_words));
}

std::vector<DuplicateGroup> find_duplicates(const content::Content& c, double threshold) {
    const auto drop = place_words(c);
    const size_t n = c.services.size();
    std::vector<Prepared> prep;
    prep.reserve(n);
    for (auto& s : c.services) prep.push_back(prepare(s, drop));

    // Rarest title terms first, so each title's prefix is short and selective.
    std::unordered_map<std::string, int> df;
    for (auto& p : prep)
        for (auto& t : p.title) ++df[t];
    auto rare_first = [&](const std::string& a, const std::string& b) {
        int da = df[a], db = df[b];
        return da != db ? da < db : a < b;
    };
    // score ≥ threshold needs title Jaccard ≥ 2·threshold − 1 (the body adds at most 0.5).
    const double t_min = std::max(0.0, 2 * threshold - 1);
    std::unordered_map<std::string, std::vector<size_t>> index;
    std::set<std::pair<size_t, size_t>> candidates;
    for (size_t i = 0; i < n; ++i) {
        Terms order = prep[i].title;
        if (order.empty()) continue;
        std::sort(order.begin(), order.end(), rare_first);
        size_t prefix = order.size() - size_t(std::ceil(t_min * double(order.size()) - 1e-9)) + 1;
        prefix = std::min(prefix, order.size());
        for (size_t k = 0; k < prefix; ++k) {
            auto& posting = index[order[k]];
            for (size_t j : posting) candidates.emplace(j, i);
            posting.push_back(i);
        }
    }

    UnionFind uf(n);
    std::map<std::pair<size_t, size_t>, double> scores;
    for (auto [i, j] : candidates) {
        double s = score(prep[i], prep[j]);
        if (s >= threshold) {
            uf.unite(i, j);
            scores[{i, j}] = s;
        }
    }

    std::map<std::string, int> links;  // service id → life-situation steps naming it
    for (auto& ls : c.life_situations)
        for (auto& st : ls.steps)
            for (auto& id : st.services) ++links[id];

    std::map<size_t, std::vector<size_t>> groups;
    for (size_t i = 0; i < n; ++i) groups[uf.find(i)].push_back(i);
    std::vector<DuplicateGroup> out;
    for (auto& [root, members] : groups) {
        if (members.size() < 2) continue;
        // The canonical card is the one people already reach: most life-situation
        // links, then the most requested, then the one whose title names no place
        // (the unified template), then the shortest id.
        auto key = [&](size_t i) {
            const auto& s = c.services[i];
            bool names_place = stems(s.title.lv, {}).size() != prep[i].title.size();
            return std::make_tuple(-links[s.id], -s.popularity, names_place, s.id.size(), s.id);
        };
        size_t canon = *std::min_element(members.begin(), members.end(),
                                         [&](size_t a, size_t b) { return key(a) < key(b); });
        DuplicateGroup g;
        g.canonical = c.services[canon].id;
        for (size_t m : members) {
            if (m == canon) continue;
            auto it = scores.find({std::min(m, canon), std::max(m, canon)});
            double s = it != scores.end() ? it->second : score(prep[m], prep[canon]);
            g.others.push_back({c.services[m].id, std::round(s * 1000) / 1000});
        }
        std::sort(g.others.begin(), g.others.end(), [](auto& a, auto& b) {
            return a.score != b.score ? a.score > b.score : a.id < b.id;
        });
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.canonical < b.canonical; });
    return out;
}

}  // namespace pietura::quality
