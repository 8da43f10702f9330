// The search results the server and the browser show (issues 14 and 15): the query kept,
// a heading with the count, weak hits apart under a plain sentence and where to ask,
// and ten at a time with a "show more" link. Hits are made here, not taken from content.
#define BOOST_TEST_MODULE site_search_page
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "site/components/search_results/search_results.hpp"
#include "site_fixture.hpp"

using namespace site_fixture;
namespace components = pietura::site::components;

namespace {

pietura::search::Hit hit(const std::string& id, bool weak = false) {
    pietura::search::Hit h;
    h.id = id;
    h.kind = "service";
    h.title = "Title " + id;
    h.title_html = "Title <mark>" + id + "</mark>";
    h.url = "/lv/pakalpojumi/" + id + "/";
    h.summary = "About " + id;
    h.weak = weak;
    return h;
}

std::vector<pietura::search::Hit> hits(int strong, int weak) {
    std::vector<pietura::search::Hit> v;
    for (int i = 1; i <= strong; ++i) v.push_back(hit("s" + std::to_string(i)));
    for (int i = 1; i <= weak; ++i) v.push_back(hit("w" + std::to_string(i), true));
    return v;
}

const Options kOptions{};

}  // namespace

BOOST_AUTO_TEST_CASE(issue15_results_page_keeps_the_query_and_counts_the_answers) {
    std::string h = components::search_results_page(real_strings(), kOptions, Lang::lv, {"pensija", hits(2, 0), 1});
    BOOST_TEST(count(h, "id=\"q\" autocomplete=\"off\" enterkeyhint=\"search\" value=\"pensija\"") == 1u);
    BOOST_TEST(count(h, "<h2 id=\"live-results-heading\" tabindex=\"-1\">2 rezultāti vaicājumam „pensija”</h2>") == 1u);
    BOOST_TEST(count(h, "<li id=\"result-") == 2u);
    BOOST_TEST(count(h, "<a href=\"/lv/pakalpojumi/s1/\">Title <mark>s1</mark></a>") == 1u);
    BOOST_TEST(count(h, "lapa=") == 0u);  // everything fits on one page
    BOOST_TEST(count(h, "weak-results-heading") == 0u);
    std::string en = components::search_results_page(real_strings(), kOptions, Lang::en, {"pension", hits(1, 0), 1});
    BOOST_TEST(count(en, ">1 result for “pension”</h2>") == 1u);
}

BOOST_AUTO_TEST_CASE(issue15_nothing_found_says_so_and_where_to_ask) {
    std::string h = components::search_results(real_strings(), Lang::lv, {"zvejas atļauja", {}, 1});
    BOOST_TEST(count(h, ">Vaicājumam „zvejas atļauja” nekas netika atrasts</h2>") == 1u);
    BOOST_TEST(count(h, "Jautājiet savā pašvaldībā") == 1u);
    BOOST_TEST(count(h, "href=\"/lv/klientu-centri/\"") == 1u);
    BOOST_TEST(count(h, "<li") == 0u);
}

BOOST_AUTO_TEST_CASE(issue14_weak_matches_are_shown_as_weak) {
    // Only guesses: the sentence and where to ask come first, then the guesses apart.
    std::string h = components::search_results(real_strings(), Lang::lv, {"ģimenes ārsta maiņa", hits(0, 3), 1});
    BOOST_TEST(count(h, ">Vaicājumam „ģimenes ārsta maiņa” nav precīzas atbildes</h2>") == 1u);
    auto sentence = h.find("Katalogā, iespējams, nav tā, ko meklējat.");
    auto ask = h.find("Jautājiet savā pašvaldībā");
    auto heading = h.find("<h3 id=\"weak-results-heading\">Daļēji atbilstošie</h3>");
    auto first = h.find("<li id=\"result-1\" class=\"weak\">");
    BOOST_REQUIRE(sentence != std::string::npos && ask != std::string::npos && heading != std::string::npos &&
                  first != std::string::npos);
    BOOST_TEST((sentence < ask && ask < heading && heading < first));
    BOOST_TEST(count(h, "id=\"live-results-list\"") == 0u);  // no list that reads as the answer

    // Answers and guesses: the answers are counted and listed first, the guesses after.
    std::string mixed = components::search_results(real_strings(), Lang::lv, {"pase bērnam", hits(1, 2), 1});
    BOOST_TEST(count(mixed, ">1 rezultāts vaicājumam „pase bērnam”</h2>") == 1u);
    BOOST_TEST(mixed.find("result-1\"><a href=\"/lv/pakalpojumi/s1/") < mixed.find("weak-results-heading"));
    BOOST_TEST(count(mixed, "class=\"weak\"") == 2u);
    BOOST_TEST(count(mixed, "Jautājiet savā pašvaldībā") == 0u);
}

BOOST_AUTO_TEST_CASE(issue14_all_matches_ten_at_a_time) {
    auto many = hits(28, 0);
    std::string p1 = components::search_results(real_strings(), Lang::lv, {"pabalsts", many, 1});
    BOOST_TEST(count(p1, ">28 rezultāti vaicājumam „pabalsts”</h2>") == 1u);
    BOOST_TEST(count(p1, "<li id=\"result-") == 10u);
    BOOST_TEST(count(p1, "Rādīti 10 no 28") == 1u);
    BOOST_TEST(count(p1, "href=\"/lv/meklet/?q=pabalsts&amp;lapa=2#result-11\" data-page=\"2\" rel=\"next\">Rādīt vēl</a>") == 1u);
    std::string p3 = components::search_results(real_strings(), Lang::lv, {"pabalsts", many, 3});
    BOOST_TEST(count(p3, "<li id=\"result-") == 28u);
    BOOST_TEST(count(p3, "Rādīt vēl") == 0u);
    // The query in the link is encoded, never raw.
    std::string odd = components::search_results(real_strings(), Lang::lv, {"a&b \"c\" ā", many, 1});
    BOOST_TEST(count(odd, "?q=a%26b%20%22c%22%20%C4%81&amp;lapa=2") == 1u);
}

// search::query() answers at most kMaxHits: a full list is "at least" that many, never
// passed off as the count (at 3,400 services "pabalsts" matches more than 100).
BOOST_AUTO_TEST_CASE(issue14_a_cut_list_is_not_passed_off_as_the_count) {
    auto full = hits(pietura::search::kMaxHits, 0);
    std::string p1 = components::search_results(real_strings(), Lang::lv, {"pabalsts", full, 1});
    BOOST_TEST(count(p1, ">Vismaz 100 rezultātu vaicājumam „pabalsts”</h2>") == 1u, p1.substr(0, 400));
    BOOST_TEST(count(p1, "Rādīti 10 no vismaz 100") == 1u);
    std::string last = components::search_results(real_strings(), Lang::lv, {"pabalsts", full, 10});
    BOOST_TEST(count(last, "<li id=\"result-") == 100u);
    BOOST_TEST(count(last, "Šie ir pirmie 100. Lai atrastu pārējos, precizējiet meklējumu") == 1u);
    std::string en = components::search_results(real_strings(), Lang::en, {"benefit", full, 1});
    BOOST_TEST(count(en, ">At least 100 results for “benefit”</h2>") == 1u);
    // One short of the cut is the whole answer; with weak hits listed, every confident one is there.
    std::string all = components::search_results(real_strings(), Lang::lv, {"pabalsts", hits(99, 0), 1});
    BOOST_TEST(count(all, ">99 rezultāti vaicājumam") == 1u);
    BOOST_TEST(count(all, "vismaz") == 0u);
    std::string mixed = components::search_results(real_strings(), Lang::lv, {"pabalsts", hits(60, 40), 1});
    BOOST_TEST(count(mixed, ">60 rezultātu vaicājumam") == 1u);
}

BOOST_AUTO_TEST_CASE(issue14_counts_follow_latvian_plural_rules) {
    BOOST_TEST(components::results_count(real_strings(), Lang::lv, 1) == "1 rezultāts");
    BOOST_TEST(components::results_count(real_strings(), Lang::lv, 21) == "21 rezultāts");
    BOOST_TEST(components::results_count(real_strings(), Lang::lv, 11) == "11 rezultātu");
    BOOST_TEST(components::results_count(real_strings(), Lang::lv, 28) == "28 rezultāti");
    BOOST_TEST(components::results_count(real_strings(), Lang::en, 1) == "1 result");
    BOOST_TEST(components::results_count(real_strings(), Lang::en, 11) == "11 results");
}

BOOST_AUTO_TEST_CASE(issue15_the_query_is_shown_escaped) {
    std::string h = components::search_results_page(real_strings(), kOptions, Lang::lv, {"<script>x</script>", {}, 1});
    BOOST_TEST(count(h, "<script>x") == 0u);
    BOOST_TEST(count(h, "value=\"&lt;script&gt;x&lt;/script&gt;\"") == 1u);
}
