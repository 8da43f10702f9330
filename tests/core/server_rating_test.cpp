// Issue 15: the rating routes of the reference server, in-process (as server_test.cpp
// drives the API): "Did you find what you were looking for?" as JSON and as a form
// post ending on a thank-you page in the page's language, the masked follow-up text,
// the service rating on the 10-point scale, the consultation's one-time rating token,
// the 400s, the rate limit, and a store from before issue 15 that stays readable.
#define BOOST_TEST_MODULE server_rating
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <thread>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "fixture.hpp"
#include "http/server.hpp"
#include "server_fixture.hpp"
#include "store.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pietura;

namespace {

using server_fixture::Api;
using server_fixture::body_of;

std::string html_of(const http::Response& res) { return std::string(res.content()); }
bool has(const std::string& h, const std::string& part) { return h.find(part) != std::string::npos; }

std::vector<cli::Store::Feedback> feedback(Api& a) {
    std::vector<cli::Store::Feedback> out;
    a.store()->export_feedback([&](const cli::Store::Feedback& f) { out.push_back(f); });
    return out;
}

// The query value of `name` in a Location.
std::string param(const std::string& location, const std::string& name) {
    auto at = location.find(name + "=");
    if (at == std::string::npos) return "";
    at += name.size() + 1;
    return location.substr(at, location.find('&', at) - at);
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue15_page_feedback_as_json_with_its_masked_follow_up) {
    Api a;
    auto yes = a.post("/api/feedback", {{"page", "/lv/"}, {"found", "yes"}, {"lang", "lv"}});
    BOOST_TEST(yes.status == 201);
    BOOST_TEST(!body_of(yes).contains("followup"));
    std::string id = "0123456789abcdef0123456789abcdef";
    auto no = a.post("/api/feedback", {{"page", "/en/services/vsaa-slimibas-pabalsts/"}, {"found", "no"}, {"lang", "en"}, {"followup", id}});
    BOOST_TEST(no.status == 201);
    BOOST_TEST(body_of(no)["followup"] == id);
    json text_body{{"followup", id}, {"missing", "The form, call me on +371 29 123 456 or anna@example.lv"}, {"lang", "en"}};
    BOOST_TEST(a.post("/api/feedback/missing", text_body).status == 201);
    // Valid once: a second text for the same answer is refused, not stored.
    text_body["missing"] = "again";
    BOOST_TEST(a.post("/api/feedback/missing", text_body).status == 404);
    auto rows = feedback(a);
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].found);
    BOOST_TEST(!rows[1].found);
    BOOST_TEST(rows[1].page == "/en/services/vsaa-slimibas-pabalsts/");
    BOOST_TEST(rows[1].missing == "The form, call me on *** or ***");
    // The same Idempotency-Key for the same answer: one record, the same answer.
    http::Headers key{{"Idempotency-Key", "feedback-test-0001"}};
    BOOST_TEST(a.post("/api/feedback", {{"page", "/lv/"}, {"found", "yes"}, {"lang", "lv"}}, key).status == 201);
    BOOST_TEST(a.post("/api/feedback", {{"page", "/lv/"}, {"found", "yes"}, {"lang", "lv"}}, key).status == 201);
    BOOST_TEST(feedback(a).size() == 3u);
}

BOOST_AUTO_TEST_CASE(issue15_bad_feedback_is_a_400_naming_the_field) {
    Api a;
    auto none = a.post("/api/feedback", {{"page", "/lv/"}, {"lang", "lv"}});
    BOOST_TEST(none.status == 400);
    BOOST_TEST(body_of(none)["fields"]["found"]["code"] == "required");
    BOOST_TEST(body_of(none)["fields"]["found"]["message"] == "Aizpildiet šo lauku.");
    auto evil = a.post("/api/feedback", {{"page", "//evil.example/"}, {"found", "yes"}, {"lang", "en"}});
    BOOST_TEST(evil.status == 400);
    BOOST_TEST(body_of(evil)["fields"]["page"]["code"] == "choice");
    auto typed = a.post("/api/feedback", {{"page", "/lv/"}, {"found", true}, {"lang", "lv"}});
    BOOST_TEST(typed.status == 400);
    auto long_text = a.post("/api/feedback", {{"page", "/lv/"}, {"found", "no"}, {"missing", std::string(501, 'a')}});
    BOOST_TEST(body_of(long_text)["fields"]["missing"]["code"] == "too_long");
    auto bad_id = a.post("/api/feedback/missing", {{"followup", "../../etc"}, {"missing", "x"}});
    BOOST_TEST(bad_id.status == 400);
    BOOST_TEST(body_of(bad_id)["fields"]["followup"]["code"] == "choice");
    BOOST_TEST(feedback(a).empty());
}

BOOST_AUTO_TEST_CASE(issue15_page_feedback_without_javascript_ends_on_a_thank_you_page) {
    Api a;
    auto yes = a.form("/api/feedback", "page=%2Flv%2Fpakalpojumi%2Fvsaa-slimibas-pabalsts%2F&lang=lv&found=yes");
    BOOST_TEST(yes.status == 303);
    std::string to = yes.get_header_value("Location");
    BOOST_TEST(to == "/lv/atsauksme/paldies/?what=page&page=/lv/pakalpojumi/vsaa-slimibas-pabalsts/");
    auto thanks = a.call("GET", to);
    BOOST_TEST(thanks.status == 200);
    BOOST_TEST(has(html_of(thanks), "<html lang=\"lv\">"));
    BOOST_TEST(has(html_of(thanks), "Paldies par atbildi!"));
    BOOST_TEST(has(html_of(thanks), "<a href=\"/lv/pakalpojumi/vsaa-slimibas-pabalsts/\">Atgriezties lapā</a>"));
    BOOST_TEST(!has(html_of(thanks), "feedback-missing"));  // "yes" is not asked what was missing

    // "No": the thank-you page asks the optional question, and its answer ends on thanks too.
    auto no = a.form("/api/feedback", "page=%2Fen%2F&lang=en&found=no");
    BOOST_TEST(no.status == 303);
    std::string loc = no.get_header_value("Location");
    BOOST_TEST(loc.rfind("/en/feedback/thank-you/?what=page&page=/en/&followup=", 0) == 0);
    std::string id = param(loc, "followup");
    BOOST_TEST(id.size() == 32u);
    auto ask = html_of(a.call("GET", loc));
    BOOST_TEST(has(ask, "<html lang=\"en\">"));
    BOOST_TEST(has(ask, "What were you looking for? (optional)"));
    BOOST_TEST(has(ask, "name=\"followup\" value=\"" + id + "\""));
    BOOST_TEST(!has(ask, "feedback-missing\" hidden"));
    auto sent = a.form("/api/feedback/missing", "followup=" + id + "&page=%2Fen%2F&lang=en&missing=Opening+hours%2C+29123456");
    BOOST_TEST(sent.status == 303);
    BOOST_TEST(sent.get_header_value("Location") == "/en/feedback/thank-you/?what=missing&page=/en/");
    BOOST_TEST(has(html_of(a.call("GET", sent.get_header_value("Location"))), "Your answer will help to improve the page."));
    BOOST_TEST(feedback(a).back().missing == "Opening hours, ***");
    // Sent twice (Back and again): a page that says it cannot be added to, not a crash.
    auto twice = a.form("/api/feedback/missing", "followup=" + id + "&page=%2Fen%2F&lang=en&missing=again");
    BOOST_TEST(twice.status == 404);
    BOOST_TEST(has(html_of(twice), "can no longer be added to"));
}

BOOST_AUTO_TEST_CASE(issue15_the_thank_you_page_links_only_to_this_site) {
    Api a;
    for (std::string evil : {"//evil.example/", "https://evil.example/", "/%5Cevil.example", "javascript:alert(1)"}) {
        auto res = a.form("/api/feedback", "page=" + evil + "&lang=lv&found=yes");
        BOOST_TEST(res.status == 400, evil);
        BOOST_TEST(has(html_of(res), "Atbildi nevarēja pieņemt"), evil);  // an HTML page for a form post
        BOOST_TEST(!has(html_of(res), "evil.example\""), evil);
        auto page = html_of(a.call("GET", "/lv/atsauksme/paldies/?what=page&page=" + evil));
        BOOST_TEST(!has(page, "href=\"" + evil), evil);
        BOOST_TEST(has(page, "<a href=\"/lv/\">Atgriezties lapā</a>"), evil);
    }
    auto rating = a.form("/api/ratings", "about=service&target=vsaa-slimibas-pabalsts&lang=en&used=yes&score=8&back=%2F%2Fevil.example");
    BOOST_TEST(rating.status == 303);
    BOOST_TEST(rating.get_header_value("Location") == "/en/feedback/thank-you/?what=rating");
}

BOOST_AUTO_TEST_CASE(issue15_a_service_is_rated_on_10_points_by_someone_who_used_it) {
    Api a;
    json r{{"about", "service"}, {"target", "vsaa-vecuma-pensija"}, {"used", "yes"}, {"score", 10}, {"lang", "lv"}};
    BOOST_TEST(a.post("/api/ratings", r).status == 201);
    json eleven = r;
    eleven["score"] = 11;
    auto bad = a.post("/api/ratings", eleven);
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(body_of(bad)["fields"]["score"]["code"] == "choice");
    json missing = r;
    missing.erase("score");
    BOOST_TEST(body_of(a.post("/api/ratings", missing))["fields"]["score"]["code"] == "choice");
    // A consultation is rated only through its own link.
    json consultation{{"about", "consultation"}, {"target", "vsaa"}, {"score", 9}};
    BOOST_TEST(body_of(a.post("/api/ratings", consultation))["fields"]["about"]["code"] == "choice");
    // "Not used": nothing stored.
    json not_used{{"about", "service"}, {"target", "vsaa-vecuma-pensija"}, {"used", "no"}, {"lang", "lv"}};
    auto nu = a.post("/api/ratings", not_used);
    BOOST_TEST(nu.status == 200);
    BOOST_TEST(body_of(nu)["status"] == "not-used");
    for (int score : {9, 8, 7}) {
        json more = r;
        more["score"] = score;
        BOOST_TEST(a.post("/api/ratings", more).status == 201);
    }
    json summary = body_of(a.call("GET", "/api/ratings/summary"));
    BOOST_TEST(summary["service"]["vsaa-vecuma-pensija"]["count"] == 4);
    BOOST_TEST(summary["service"]["vsaa-vecuma-pensija"]["average"].is_null(), "no average below five ratings");
    json fifth = r;
    fifth["score"] = 1;
    BOOST_TEST(a.post("/api/ratings", fifth).status == 201);
    summary = body_of(a.call("GET", "/api/ratings/summary"));
    BOOST_TEST(summary["service"]["vsaa-vecuma-pensija"]["count"] == 5);
    BOOST_TEST(summary["service"]["vsaa-vecuma-pensija"]["average"].get<double>() == 7.0);
}

BOOST_AUTO_TEST_CASE(issue15_service_rating_form_posts_end_on_a_thank_you_page) {
    Api a;
    auto ok = a.form("/api/ratings", "about=service&target=vsaa-slimibas-pabalsts&lang=lv&used=yes&score=9&back=%2Flv%2Fpakalpojumi%2Fvsaa-slimibas-pabalsts%2F");
    BOOST_TEST(ok.status == 303);
    std::string to = ok.get_header_value("Location");
    BOOST_TEST(to == "/lv/atsauksme/paldies/?what=rating&page=/lv/pakalpojumi/vsaa-slimibas-pabalsts/");
    auto page = html_of(a.call("GET", to));
    BOOST_TEST(has(page, "<title>Paldies par vērtējumu"));
    BOOST_TEST(has(page, "href=\"/lv/pakalpojumi/vsaa-slimibas-pabalsts/\""));
    auto nu = a.form("/api/ratings", "about=service&target=vsaa-slimibas-pabalsts&lang=en&used=no&back=%2Fen%2F");
    BOOST_TEST(nu.status == 303);
    BOOST_TEST(has(html_of(a.call("GET", nu.get_header_value("Location"))), "No rating was stored"));
    // Without an answer to "have you used it?" or without a score: a 400 page that says which.
    auto no_used = a.form("/api/ratings", "about=service&target=vsaa-slimibas-pabalsts&lang=lv&score=9&back=%2Flv%2F");
    BOOST_TEST(no_used.status == 400);
    BOOST_TEST(has(html_of(no_used), "Vai pakalpojumu jau izmantojāt: Aizpildiet šo lauku."));
    BOOST_TEST(has(html_of(no_used), "<a href=\"/lv/\">Atgriezties lapā</a>"));
    auto no_score = a.form("/api/ratings", "about=service&target=vsaa-slimibas-pabalsts&lang=en&used=yes&back=%2Fen%2F");
    BOOST_TEST(no_score.status == 400);
    BOOST_TEST(has(html_of(no_score), "Rating from 1 to 10: Choose one of the options offered."));
    BOOST_TEST(body_of(a.call("GET", "/api/ratings/summary"))["service"]["vsaa-slimibas-pabalsts"]["count"] == 1);
}

BOOST_AUTO_TEST_CASE(issue15_a_consultation_is_rated_once_after_it_started_by_its_own_token) {
    Api a;
    auto slots = body_of(a.call("GET", "/api/slots?institution=vsaa&contact_point=vpvkac-cesis&days=30"))["slots"];
    BOOST_REQUIRE(!slots.empty());
    std::int64_t start = slots[0]["start_unix"].get<std::int64_t>();
    json booking{{"institution", "vsaa"}, {"topic", "pensijas"}, {"contact_point", "vpvkac-cesis"}, {"start", start},
                 {"name", "Anna Bērziņa"}, {"phone", "+371 29 123 456"}, {"lang", "lv"}};
    auto booked = a.post("/api/bookings", booking);
    BOOST_REQUIRE(booked.status == 201);
    std::string reference = body_of(booked)["reference"], cancel_token = body_of(booked)["token"];
    auto token = a.store()->rating_token(reference);
    BOOST_REQUIRE(token.has_value());
    // The calendar file links to the rating page with that token, never with the cancel token.
    auto ics = a.call("GET", "/api/bookings/" + reference + "/ics?token=" + cancel_token);
    BOOST_TEST(ics.status == 200);
    std::string cal = html_of(ics);
    for (std::size_t fold; (fold = cal.find("\r\n ")) != std::string::npos;) cal.erase(fold, 3);  // RFC 5545 unfolding
    BOOST_TEST(has(cal, "http://pietura.test/lv/konsultacija/novertet/?k=" + *token));
    BOOST_TEST(has(cal, "Pēc konsultācijas novērtējiet to: "));
    BOOST_TEST(!has(cal, "novertet/?k=" + cancel_token));
    BOOST_TEST(*token != cancel_token);
    BOOST_TEST(token->size() == 32u);
    BOOST_TEST(*a.store()->rating_token(reference) == *token);  // the same link in every .ics

    // Before it starts: a clear page, and the rating is refused.
    auto early = a.call("GET", "/lv/konsultacija/novertet/?k=" + *token);
    BOOST_TEST(early.status == 409);
    BOOST_TEST(has(html_of(early), "Konsultāciju varēs novērtēt, kad tā būs sākusies"));
    BOOST_TEST(!has(html_of(early), "name=\"score\""));
    BOOST_TEST(!has(html_of(early), "Anna"));  // nothing personal on the page
    auto refused = a.post("/api/consultation-ratings", {{"token", *token}, {"score", 9}, {"lang", "lv"}});
    BOOST_TEST(refused.status == 409);
    BOOST_TEST(body_of(refused)["state"] == "not-yet");
    // The cancel secret is not a rating token.
    BOOST_TEST(a.post("/api/consultation-ratings", {{"token", cancel_token}, {"score", 9}}).status == 404);
    BOOST_TEST(a.call("GET", "/en/consultation/rate/?k=" + cancel_token).status == 404);

    // Once it has started (moved into the past, as time would).
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open((a.data / "pietura-data.sqlite").c_str(), &db) == SQLITE_OK);
    std::string sql = "UPDATE bookings SET start = start - 86400 * 60, \"end\" = \"end\" - 86400 * 60 WHERE reference = '" + reference + "'";
    BOOST_REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto open = a.call("GET", "/en/consultation/rate/?k=" + *token);
    BOOST_TEST(open.status == 200);
    BOOST_TEST(has(html_of(open), "<html lang=\"en\">"));
    BOOST_TEST(has(html_of(open), "<legend>Overall, how would you rate the consultation?</legend>"));
    BOOST_TEST(open.get_header_value("Referrer-Policy") == "no-referrer");
    auto bad_score = a.form("/api/consultation-ratings", "token=" + *token + "&lang=en");
    BOOST_TEST(bad_score.status == 400);
    auto rated = a.form("/api/consultation-ratings", "token=" + *token + "&lang=en&score=8");
    BOOST_TEST(rated.status == 303);
    BOOST_TEST(rated.get_header_value("Location") == "/en/feedback/thank-you/?what=consultation");
    // Valid once.
    auto again = a.form("/api/consultation-ratings", "token=" + *token + "&lang=en&score=2");
    BOOST_TEST(again.status == 303);
    BOOST_TEST(again.get_header_value("Location") == "/en/consultation/rate/?k=" + *token);
    auto used = a.call("GET", "/en/consultation/rate/?k=" + *token);
    BOOST_TEST(used.status == 409);
    BOOST_TEST(has(html_of(used), "This consultation has already been rated."));
    json summary = body_of(a.call("GET", "/api/ratings/summary"));
    BOOST_TEST(summary["consultation"]["vsaa"]["count"] == 1);
    BOOST_TEST(a.call("GET", "/lv/konsultacija/novertet/?k=nonsense").status == 404);
}

BOOST_AUTO_TEST_CASE(issue15_rating_routes_keep_the_rate_limit) {
    // Fixed one-minute windows: never start the burst in the last seconds of a minute.
    while (std::time(nullptr) % 60 > 50) std::this_thread::sleep_for(std::chrono::milliseconds(500));
    Api a("", 3);  // no other origin; three posts a minute
    for (int i = 0; i < 3; ++i) BOOST_TEST(a.post("/api/feedback", {{"page", "/lv/"}, {"found", "yes"}}).status == 201);
    auto limited = a.post("/api/feedback", {{"page", "/lv/"}, {"found", "yes"}});
    BOOST_TEST(limited.status == 429);
    BOOST_TEST(limited.get_header_value("Retry-After") == "60");
    BOOST_TEST(feedback(a).size() == 3u);
}

BOOST_AUTO_TEST_CASE(issue15_a_store_from_before_keeps_its_1_to_5_ratings_readable_and_out_of_averages) {
    fs::path dir = fixture::temp_dir("server-rating-old");
    fs::create_directories(dir);
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open((dir / "pietura-data.sqlite").c_str(), &db) == SQLITE_OK);
    // The ratings table as it was before issue 15, with six 1–5 ratings.
    std::string sql =
        "CREATE TABLE ratings(id INTEGER PRIMARY KEY, about TEXT NOT NULL, target TEXT NOT NULL, score INTEGER NOT NULL,"
        " comment TEXT NOT NULL, lang TEXT NOT NULL, created INTEGER NOT NULL);";
    for (int i = 0; i < 6; ++i) sql += "INSERT INTO ratings(about, target, score, comment, lang, created) VALUES('service','x',5,'labi','lv',1);";
    BOOST_REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto store = cli::Store::open(dir);
    std::vector<rating::Rating> old;
    store->export_ratings([&](const rating::Rating& r, std::int64_t) { old.push_back(r); });
    BOOST_REQUIRE(old.size() == 6u);
    BOOST_TEST(old[0].scale == rating::kOldScale);
    BOOST_TEST(old[0].comment == "labi");
    BOOST_TEST(store->summary().count("service") == 0u);
    rating::Rating now{"service", "x", 9, "", "lv"};
    BOOST_REQUIRE(rating::validate(now).empty());
    store->rate("", "n", now, 2);
    auto s = store->summary();
    BOOST_TEST(s["service"]["x"].count == 1);
}
