// geo/: distances and the one nearest-point search (issue 16: it was written seven
// times, with three different tie rules).
#define BOOST_TEST_MODULE geo
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "geo/geo.hpp"

using namespace pietura;

namespace {
struct Thing {
    std::string id;
    geo::Point at;
};
geo::Point where(const Thing& t) { return t.at; }
}  // namespace

BOOST_AUTO_TEST_CASE(issue16_nearest_takes_the_closest_and_the_earlier_on_a_tie) {
    std::vector<Thing> things = {{"b", {57.00, 25.00}}, {"a", {57.02, 25.00}}, {"c", {56.98, 25.00}}, {"d", {57.5, 25.0}}};
    auto near = geo::nearest(things, {57.009, 25.0}, where);
    BOOST_REQUIRE(near);
    BOOST_TEST(near.item->id == "b");
    BOOST_TEST(std::abs(near.m - geo::distance_m({57.009, 25.0}, {57.0, 25.0})) < 1e-9);
    // "a" and "c" are equally far from 57.00: the earlier in the list wins...
    std::vector<Thing> pair = {things[1], things[2]};
    auto tie = geo::nearest(pair, {57.0, 25.0}, where);
    BOOST_TEST(tie.item->id == "a");
    // ...unless the caller says which comes first.
    auto by_id_desc = geo::nearest(pair, {57.0, 25.0}, where,
                                   [](const Thing& x, const Thing& y) { return x.id > y.id; });
    BOOST_TEST(by_id_desc.item->id == "c");
    std::vector<Thing> none;
    BOOST_TEST(!geo::nearest(none, {57.0, 25.0}, where));
}

BOOST_AUTO_TEST_CASE(issue16_by_distance_sorts_all_or_the_first_few) {
    std::vector<Thing> things = {{"far", {58.0, 25.0}}, {"x", {57.01, 25.0}}, {"y", {56.99, 25.0}}, {"z", {57.3, 25.0}}};
    auto all = geo::by_distance(things, {57.0, 25.0}, where);
    BOOST_REQUIRE_EQUAL(all.size(), 4u);
    std::vector<std::string> ids;
    for (auto& n : all) ids.push_back(n.item->id);
    BOOST_TEST((ids == std::vector<std::string>{"x", "y", "z", "far"}));
    for (size_t k = 1; k < all.size(); ++k) BOOST_TEST(all[k - 1].m <= all[k].m);
    auto two = geo::by_distance(things, {57.0, 25.0}, where, 2);
    BOOST_REQUIRE_EQUAL(two.size(), 2u);
    BOOST_TEST(two[0].item->id == "x");
    BOOST_TEST(two[1].item->id == "y");
    BOOST_TEST(geo::by_distance(things, {57.0, 25.0}, where, 10).size() == 4u);
}

BOOST_AUTO_TEST_CASE(issue16_on_earth) {
    BOOST_TEST(geo::on_earth({57.0, 25.0}));
    BOOST_TEST(geo::on_earth({-90, 180}));
    BOOST_TEST(!geo::on_earth({90.5, 0}));
    BOOST_TEST(!geo::on_earth({0, -180.5}));
    BOOST_TEST(!geo::on_earth({std::nan(""), 0}));
    BOOST_TEST(!geo::on_earth({0, INFINITY}));
}
