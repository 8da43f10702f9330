// The reference server in-process (issue 16): its API routes driven Request → Response
// through http::Server::handle, its store, the choice of a precompressed copy (issue 13),
// and `pietura hours`, `holidays` and `search` through the real binary. Everything runs
// on the fixed catalogue of tests/fixtures/server/, never on the default content.
#define BOOST_TEST_MODULE server
#include <boost/test/unit_test.hpp>

#include <brotli/decode.h>
#include <zlib.h>

#include <array>
#include <thread>

#include <boost/asio.hpp>
#include <nlohmann/json.hpp>

#include "api.hpp"
#include "booking/booking.hpp"
#include "cli.hpp"
#include "cli_run.hpp"
#include "content/content.hpp"
#include "fixture.hpp"
#include "server_fixture.hpp"
#include "http/server.hpp"
#include "precompress.hpp"
#include "sha256.hpp"
#include "shared_pc.hpp"
#include "site/site.hpp"
#include "snapshot/snapshot.hpp"
#include "store.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pietura;

namespace {

using server_fixture::body_of;
using server_fixture::catalogue;

// The shared in-process API, with the free slots of the fixture's VSAA consultation.
struct Api : server_fixture::Api {
    using server_fixture::Api::Api;
    json slots() {
        auto res = call("GET", "/api/slots?institution=vsaa&contact_point=vpvkac-cesis&days=30");
        BOOST_REQUIRE_EQUAL(res.status, 200);
        return json::parse(res.body)["slots"];
    }
};

json booking_body(std::int64_t start, const std::string& name = "Anna Bērziņa") {
    return {{"institution", "vsaa"}, {"topic", "pensijas"}, {"contact_point", "vpvkac-cesis"}, {"start", start},
            {"name", name},          {"phone", "+371 29 123 456"}, {"lang", "lv"}, {"note", "Par pensiju"}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api)

BOOST_AUTO_TEST_CASE(issue16_booking_is_created_replayed_refused_when_taken_and_cancelled) {
    Api a;
    json slots = a.slots();
    BOOST_REQUIRE(!slots.empty());
    std::int64_t start = slots[0]["start_unix"].get<std::int64_t>();
    http::Headers key{{"Idempotency-Key", "server-test-0001"}};

    auto first = a.post("/api/bookings", booking_body(start), key);
    BOOST_TEST(first.status == 201);
    json b = body_of(first);
    BOOST_TEST(b["status"] == "booked");
    BOOST_TEST(b["start_unix"] == start);
    BOOST_TEST(first.get_header_value("Cache-Control") == "no-store");

    // The same key and request: the same answer, no second booking.
    auto again = a.post("/api/bookings", booking_body(start), key);
    BOOST_TEST(again.status == 201);
    BOOST_TEST(std::string(again.content()) == std::string(first.content()));
    // The same key for another request: refused.
    BOOST_TEST(a.post("/api/bookings", booking_body(start, "Cits Vārds"), key).status == 422);

    // One seat: the slot is gone for everybody else.
    auto taken = a.post("/api/bookings", booking_body(start, "Otra Persona"), {{"Idempotency-Key", "server-test-0002"}});
    BOOST_TEST(taken.status == 409);
    BOOST_TEST(body_of(taken)["fields"]["start"]["code"] == "slot");
    bool listed = false;
    for (auto& s : a.slots()) listed |= s["start_unix"] == start;
    BOOST_TEST(!listed);

    std::string ref = b["reference"], token = b["token"];
    auto read = a.call("GET", "/api/bookings/" + ref + "?token=" + token);
    BOOST_TEST(read.status == 200);
    BOOST_TEST(body_of(read)["contact_point"] == "vpvkac-cesis");
    BOOST_TEST(a.call("GET", "/api/bookings/" + ref + "?token=wrong").status == 404);
    auto ics = a.call("GET", "/api/bookings/" + ref + "/ics?token=" + token);
    BOOST_TEST(ics.status == 200);
    BOOST_TEST(std::string(ics.content()).rfind("BEGIN:VCALENDAR\r\n", 0) == 0);

    BOOST_TEST(a.post("/api/bookings/" + ref + "/cancel", {{"token", "wrong-token"}}).status == 404);
    BOOST_TEST(a.post("/api/bookings/" + ref + "/cancel", json::object()).status == 400);
    BOOST_TEST(a.post("/api/bookings/" + ref + "/cancel", {{"token", token}}).status == 200);
    BOOST_TEST(body_of(a.call("GET", "/api/bookings/" + ref + "?token=" + token))["status"] == "cancelled");
    listed = false;
    for (auto& s : a.slots()) listed |= s["start_unix"] == start;
    BOOST_TEST(listed, "the seat is free again");
}

BOOST_AUTO_TEST_CASE(issue16_bad_requests_get_400_with_the_fields_named) {
    Api a;
    std::int64_t start = a.slots()[0]["start_unix"].get<std::int64_t>();
    json no_name = booking_body(start);
    no_name.erase("name");
    auto r = a.post("/api/bookings", no_name);
    BOOST_TEST(r.status == 400);
    BOOST_TEST(body_of(r)["fields"]["name"]["code"] == "required");

    // A field of the wrong type is a field error, for every text field of the request.
    for (auto& f : booking::kRequestTextFields) {
        json j = booking_body(start);
        j[std::string(f.name)] = 5;
        auto res = a.post("/api/bookings", j);
        BOOST_TEST(res.status == 400, f.name);
        BOOST_TEST(body_of(res)["fields"][std::string(f.name)]["code"] == "type", f.name);
    }
    BOOST_TEST(a.call("POST", "/api/bookings", "{\"name\":", "application/json").status == 400);
    BOOST_TEST(a.call("POST", "/api/bookings", "[]", "application/json").status == 400);
    BOOST_TEST(a.call("POST", "/api/bookings", "name=x", "text/plain").status == 415);
    BOOST_TEST(a.post("/api/bookings", booking_body(start + 7)).status == 409, "not the start of a slot");

    auto days = a.call("GET", "/api/slots?institution=vsaa&contact_point=vpvkac-cesis&days=" +
                                  std::to_string(booking::kMaxSlotDays + 1));
    BOOST_TEST(days.status == 400);
    BOOST_TEST(body_of(days)["fields"].contains("days"));
    BOOST_TEST(a.call("GET", "/api/slots?institution=vsaa&contact_point=vpvkac-cesis&days=" +
                                 std::to_string(booking::kMaxSlotDays))
                   .status == 200);
    BOOST_TEST(a.call("GET", "/api/slots?institution=vsaa&contact_point=nowhere").status == 404);
    BOOST_TEST(a.call("GET", "/api/nothing-here").status == 404);
    BOOST_TEST(body_of(a.call("GET", "/api/nothing-here"))["error"] == "no such API route");
}

BOOST_AUTO_TEST_CASE(issue16_a_cross_site_post_is_refused) {
    Api a;
    auto r = a.post("/api/ratings", json::object(), {{"Origin", "https://evil.example"}});
    BOOST_TEST(r.status == 403);
    auto ok = a.call("OPTIONS", "/api/bookings", "", "application/json", {{"Origin", "http://pietura.test"}});
    BOOST_TEST(ok.status == 204);
    BOOST_TEST(ok.get_header_value("Access-Control-Allow-Origin") == "http://pietura.test");
}

BOOST_AUTO_TEST_CASE(issue16_a_form_post_books_through_a_303_and_a_view_cookie) {
    Api a;
    std::int64_t start = a.slots()[0]["start_unix"].get<std::int64_t>();
    std::string form = "institution=vsaa&topic=pensijas&contact_point=vpvkac-cesis&start=" + std::to_string(start) +
                       "&name=Anna+B%C4%93rzi%C5%86a&phone=29123456&lang=lv&page_lang=lv&step=confirm"
                       "&idempotency_key=form-0123456789";
    auto r = a.call("POST", "/api/bookings", form, "application/x-www-form-urlencoded");
    BOOST_TEST(r.status == 303);
    BOOST_TEST(r.get_header_value("Location") == site::booking_url(Lang::lv, "done"));
    BOOST_TEST(r.get_header_value("Set-Cookie").rfind(std::string(cli::kViewCookie) + "=", 0) == 0);
    // A form with an error goes back to the details step with a draft, not with the body.
    std::string bad = "institution=vsaa&topic=pensijas&contact_point=vpvkac-cesis&start=" + std::to_string(start) +
                      "&lang=lv&page_lang=lv&step=check";
    auto back = a.call("POST", "/api/bookings", bad, "application/x-www-form-urlencoded");
    BOOST_TEST(back.status == 303);
    BOOST_TEST(back.get_header_value("Location").find("start=" + std::to_string(start)) != std::string::npos);
    BOOST_TEST(back.get_header_value("Set-Cookie").rfind(std::string(cli::kDraftCookie) + "=", 0) == 0);
}

// One decoder for addresses and form bodies (http::Request::decode); a POST route
// reads the body's fields only, so a field in the address cannot stand in for one.
BOOST_AUTO_TEST_CASE(issue16_a_form_body_is_decoded_once_and_apart_from_the_query) {
    http::Request req;
    req.method = "POST";
    req.target = "/api/settings/shared?shared=0&x=%C4%81";
    req.body = "lang=en&shared=1&shared=0&name=B%C4%93rzi%C5%86a+Anna";
    req.headers.emplace("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8");
    req.decode();
    BOOST_TEST(req.path == "/api/settings/shared");
    BOOST_TEST(req.is_form());
    BOOST_TEST(req.form.count("x") == 0u);
    BOOST_TEST(req.form.count("shared") == 2u);
    BOOST_TEST(req.form.find("name")->second == "Bērziņa Anna");
    BOOST_TEST(req.get_param_value("x") == "ā");         // params: the query string and the body
    BOOST_TEST(req.params.count("shared") == 3u);
    Api a;
    // The body says nothing about the mode; the address's shared=1 must not count.
    auto r = a.call("POST", "/api/settings/shared?shared=1", "lang=en", "application/x-www-form-urlencoded");
    BOOST_TEST(r.status == 400);
    auto ok = a.call("POST", "/api/settings/shared?shared=0", "lang=en&shared=1", "application/x-www-form-urlencoded");
    BOOST_TEST(ok.status == 303);
    BOOST_TEST(ok.get_header_value("Set-Cookie").rfind(std::string(cli::kSharedCookie) + "=1", 0) == 0);
}

BOOST_AUTO_TEST_CASE(issue16_a_rating_is_stored_and_summarised) {
    Api a;
    json r{{"about", "service"}, {"target", "vsaa-vecuma-pensija"}, {"score", 5}, {"lang", "lv"}, {"comment", "Labi"}};
    BOOST_TEST(a.post("/api/ratings", r).status == 201);
    json unknown = r;
    unknown["target"] = "no-such-service";
    auto bad = a.post("/api/ratings", unknown);
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(body_of(bad)["fields"]["target"]["code"] == "choice");
    json score = r;
    score["score"] = 11;  // issue 15: the 10-point scale
    BOOST_TEST(a.post("/api/ratings", score).status == 400);
    json summary = body_of(a.call("GET", "/api/ratings/summary"));
    BOOST_TEST(summary["service"]["vsaa-vecuma-pensija"]["count"] == 1);
    BOOST_TEST(summary["service"]["vsaa-vecuma-pensija"]["average"].is_null(), "no average below five ratings");
}

BOOST_AUTO_TEST_CASE(issue16_finish_clears_the_site_data) {
    Api a;
    // The browser's own fetch: cookies and the HTTP cache only (app.js kept the offline copy).
    auto js = a.call("POST", "/api/finish", "", "application/json");
    BOOST_TEST(js.status == 204);
    BOOST_TEST(js.get_header_value("Clear-Site-Data") == "\"cache\", \"cookies\"");
    // The plain form on a shared PC: everything, then back to a page that sets the mode again.
    auto form = a.call("POST", "/api/finish", "lang=en", "application/x-www-form-urlencoded",
                       {{"Cookie", std::string(cli::kSharedCookie) + "=1"}});
    BOOST_TEST(form.status == 303);
    BOOST_TEST(form.get_header_value("Clear-Site-Data") == "\"cache\", \"cookies\", \"storage\"");
    BOOST_TEST(form.get_header_value("Location") == "/api/finish/done?lang=en&shared=1");
    auto done = a.call("GET", "/api/finish/done?lang=en&shared=1");
    BOOST_TEST(done.status == 303);
    BOOST_TEST(done.get_header_value("Set-Cookie").rfind(std::string(cli::kSharedCookie) + "=1", 0) == 0);
}

// The transport refuses a body over its limit before any handler runs; the API's error
// handler still answers it in JSON.
BOOST_AUTO_TEST_CASE(issue16_a_body_over_the_limit_gets_a_json_413) {
    Api a;
    int port = a.svr.bind("127.0.0.1", 0);
    std::thread t([&] { a.svr.listen(); });
    std::string answer;
    {
        namespace asio = boost::asio;
        asio::io_context io;
        asio::ip::tcp::socket s(io);
        s.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
        std::string head = "POST /api/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Content-Length: 100000\r\n\r\n";
        asio::write(s, asio::buffer(head));
        boost::system::error_code ec;
        asio::write(s, asio::buffer(std::string(100000, ' ')), ec);  // the server may close first
        std::array<char, 4096> buf{};
        for (;;) {
            size_t n = s.read_some(asio::buffer(buf), ec);
            answer.append(buf.data(), n);
            if (ec) break;
        }
    }
    a.svr.stop();
    t.join();
    BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0, answer.substr(0, 100));
    BOOST_TEST(answer.find(R"({"error":"the request body is too large"})") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(store)

// Every field of a request comes back from the store as it went in: the columns are
// written and read through the one field list.
BOOST_AUTO_TEST_CASE(issue16_every_request_field_round_trips) {
    auto store = cli::Store::open(fixture::temp_dir("server-store"));
    booking::Request r;
    int k = 0;
    for (auto& f : booking::kRequestTextFields) r.*f.member = std::string(f.name) + "-" + std::to_string(++k);
    r.start = 1800000000;
    std::string token;
    auto a = store->book("key-0001", "fp", r, r.start + 1800, 1, 1790000000,
                         [&](const cli::StoredBooking& b, const std::string& t) {
                             token = t;
                             return b.reference;
                         },
                         "{}");
    BOOST_REQUIRE(a.status == 201);
    auto b = store->get(a.body, token);
    BOOST_REQUIRE(b.has_value());
    for (auto& f : booking::kRequestTextFields) {
        std::string got = (*b).*f.member, sent = r.*f.member;
        BOOST_TEST(got == sent, f.name);
    }
    BOOST_TEST(b->start == r.start);
    BOOST_TEST(b->end == r.start + 1800);
    BOOST_TEST(b->created == 1790000000);
    BOOST_TEST(!b->cancelled);
    BOOST_TEST(store->taken(r.institution).at(r.start) == 1);
    // The seat is full; the same key answers as before.
    BOOST_TEST(store->book("key-0002", "fp2", r, r.start + 1800, 1, 1790000000, nullptr, "full").status == 409);
    BOOST_TEST(store->book("key-0001", "fp", r, r.start + 1800, 1, 1790000000, nullptr, "full").body == a.body);
    BOOST_TEST(store->book("key-0001", "other", r, r.start + 1800, 1, 1790000000, nullptr, "full").status == 422);
    BOOST_TEST(int(store->cancel(a.body, "wrong")) == int(cli::Store::Cancel::not_found));
    BOOST_TEST(int(store->cancel(a.body, token)) == int(cli::Store::Cancel::done));
    BOOST_TEST(store->taken(r.institution).empty());
    int exported = 0;
    store->export_bookings([&](const cli::StoredBooking& e) {
        ++exported;
        BOOST_TEST(e.cancelled);
        BOOST_TEST(e.accessibility == r.accessibility);
    });
    BOOST_TEST(exported == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(precompressed)

using cli::Encoding;

BOOST_AUTO_TEST_CASE(issue13_accept_encoding_is_weighed_by_q_values) {
    auto pick = [](const char* header, bool br = true, bool gz = true) { return cli::choose_encoding(header, br, gz); };
    BOOST_TEST(int(pick("")) == int(Encoding::identity));
    BOOST_TEST(int(pick("gzip, deflate, br")) == int(Encoding::br), "a tie goes to brotli");
    BOOST_TEST(int(pick("gzip")) == int(Encoding::gzip));
    BOOST_TEST(int(pick("GZip")) == int(Encoding::gzip));
    BOOST_TEST(int(pick("x-gzip")) == int(Encoding::gzip));
    BOOST_TEST(int(pick("br")) == int(Encoding::br));
    BOOST_TEST(int(pick("br", false, true)) == int(Encoding::identity), "no copy, no encoding");
    BOOST_TEST(int(pick("br;q=0.5, gzip;q=0.8")) == int(Encoding::gzip));
    BOOST_TEST(int(pick("br;q=0, gzip")) == int(Encoding::gzip), "q=0 refuses");
    BOOST_TEST(int(pick("br;q=0, gzip;q=0")) == int(Encoding::identity));
    BOOST_TEST(int(pick("*")) == int(Encoding::br));
    BOOST_TEST(int(pick("*;q=0.5, br;q=0")) == int(Encoding::gzip));
    BOOST_TEST(int(pick("identity;q=1, gzip;q=0.5")) == int(Encoding::identity));
    BOOST_TEST(int(pick("gzip;q=0.001")) == int(Encoding::gzip));
    BOOST_TEST(int(pick("br ; q=1.000 , gzip")) == int(Encoding::br));
    BOOST_TEST(int(pick("br;q=2, gzip")) == int(Encoding::gzip), "a malformed weight drops the entry");
    BOOST_TEST(int(pick("br;q=abc")) == int(Encoding::identity));
    BOOST_TEST(int(pick("br;level=5")) == int(Encoding::identity), "not a q parameter: not understood");
    BOOST_TEST(int(pick("deflate, compress")) == int(Encoding::identity));
    BOOST_TEST(int(pick(",,, ;q=1, gzip")) == int(Encoding::gzip));
}

std::string gunzip(const std::string& in) {
    z_stream zs{};
    BOOST_REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);
    std::string out;
    std::array<char, 65536> buf{};
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = uInt(in.size());
    int rc;
    do {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = uInt(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf.data(), buf.size() - zs.avail_out);
    } while (rc == Z_OK);
    inflateEnd(&zs);
    BOOST_REQUIRE(rc == Z_STREAM_END);
    return out;
}

std::string unbrotli(const std::string& in) {
    std::string out(1 << 20, '\0');  // more than any file of these tests
    size_t size = out.size();
    BOOST_REQUIRE(BrotliDecoderDecompress(in.size(), reinterpret_cast<const uint8_t*>(in.data()), &size,
                                          reinterpret_cast<uint8_t*>(out.data())) == BROTLI_DECODER_RESULT_SUCCESS);
    out.resize(size);
    return out;
}

BOOST_AUTO_TEST_CASE(issue13_every_text_file_gets_copies_that_decode_to_it) {
    fs::path dir = fixture::temp_dir("precompress");
    std::string page = "<!doctype html><title>Pietura</title>";
    for (int k = 0; k < 200; ++k) page += "<p>Vecuma pensija " + std::to_string(k) + "</p>\n";
    fixture::write(dir / "lv/index.html", page);
    fixture::write(dir / "assets/app.css", "body{margin:0}");  // smaller than any copy of it
    fixture::write(dir / "catalogue.sqlite", std::string(5000, 'x'));
    fixture::write(dir / "icon.png", "\x89PNG not text");
    auto totals = cli::precompress_tree(dir);
    BOOST_TEST(totals.files == 3);
    BOOST_TEST(!fs::exists(dir / "icon.png.br"));
    BOOST_TEST(!fs::exists(dir / "lv/index.html.br.br"), "a copy is never compressed again");
    for (const char* f : {"lv/index.html", "assets/app.css", "catalogue.sqlite"}) {
        std::string original = text::read_file_or_throw(dir / f);
        BOOST_TEST(gunzip(text::read_file_or_throw(dir / (std::string(f) + ".gz"))) == original, f);
        BOOST_TEST(unbrotli(text::read_file_or_throw(dir / (std::string(f) + ".br"))) == original, f);
    }
    BOOST_TEST(fs::file_size(dir / "lv/index.html.br") < fs::file_size(dir / "lv/index.html") / 5);
    // Run again (a second build into the same folder): the copies are rewritten, not copied.
    BOOST_TEST(cli::precompress_tree(dir).files == 3);
}

BOOST_AUTO_TEST_SUITE_END()

// ---- the commands, through the real binary --------------------------------------------

BOOST_AUTO_TEST_SUITE(commands)

using cli_run::run;

std::string holidays_dir() { return (catalogue().content / "holidays").string(); }

BOOST_AUTO_TEST_CASE(issue16_holidays_lists_the_law_and_the_content_facts) {
    auto r = run("holidays --year 2026 --json --holidays " + holidays_dir(), false);
    BOOST_REQUIRE(r.code == 0);
    json j = json::parse(r.output);
    BOOST_TEST(j["year"] == 2026);
    BOOST_TEST(j["holiday_files"] == 1);
    std::map<std::string, std::string> kind;
    for (auto& d : j["days"]) kind[d["date"]] = d["kind"];
    BOOST_TEST(kind["2026-11-18"] == "holiday");    // the law: Proclamation Day
    BOOST_TEST(kind["2026-11-17"] == "shortened");  // and the hour-shorter day before it
    BOOST_TEST(kind["2026-11-25"] == "extra");      // the fixture's facts
    BOOST_TEST(kind["2026-11-24"] == "shortened");
    BOOST_TEST(kind["2026-11-27"] == "day-off");
    BOOST_TEST(kind["2026-11-28"] == "working-day");
    auto text = run("holidays --year 2026 --holidays " + holidays_dir());
    BOOST_TEST(text.code == 0);
    BOOST_TEST(text.output.find("2026-11-28 Sat  working-day Darba sestdiena | Working Saturday") != std::string::npos);
    BOOST_TEST(run("holidays --year 1800").code == 2);
    BOOST_TEST(run("holidays").code == 2);
    BOOST_TEST(run("holidays --year 2026 --holidays /no/such/folder").code == 2);
}

BOOST_AUTO_TEST_CASE(issue16_a_bad_holiday_file_is_refused_as_the_build_refuses_it) {
    fs::path dir = fixture::temp_dir("bad-holidays") / "content";
    fs::copy(catalogue().content, dir, fs::copy_options::recursive);
    fixture::write(dir / "holidays/2027.json", "{\"year\": 2027,\n \"extra\": [{\"date\": \"2027-13-01\", \"name\": {\"lv\": \"x\", \"en\": \"x\"}}],\n \"transfers\": []}");
    auto r = run("holidays --year 2027 --holidays " + (dir / "holidays").string());
    BOOST_TEST(r.code == 1);
    BOOST_TEST(r.output.find("holidays/2027.json:2:") != std::string::npos, r.output);
    // A folder that is not a content folder's holidays cannot be checked against the schema.
    fs::path loose = fixture::temp_dir("loose");
    fs::copy(catalogue().content / "holidays", loose);
    BOOST_TEST(run("holidays --year 2026 --holidays " + loose.string()).code == 2);
}

BOOST_AUTO_TEST_CASE(issue16_hours_evaluates_a_spec_with_the_content_holidays) {
    std::string spec = "\"Mo-Fr 08:00-17:00; PH off\"";
    auto r = run("hours --json --spec " + spec + " --at 2026-11-25T10:00+02:00 --holidays " + holidays_dir(), false);
    BOOST_REQUIRE(r.code == 0);
    json j = json::parse(r.output);
    BOOST_TEST(j["state"] == "closed", "the fixture's extra day off");
    BOOST_TEST(j["today"]["holiday"]["kind"] == "extra");
    BOOST_TEST(j["opens_at"] == "2026-11-26T08:00:00+02:00");
    auto open = json::parse(run("hours --json --spec " + spec + " --at 2026-11-26T16:59+02:00 --holidays " + holidays_dir(), false).output);
    BOOST_TEST(open["state"] == "open");
    BOOST_TEST(open["closes_at"] == "2026-11-26T17:00:00+02:00");
    auto week = json::parse(run("hours --json --week --spec " + spec + " --at 2026-11-23T12:00+02:00 --holidays " + holidays_dir(), false).output);
    BOOST_REQUIRE(week["week"].size() == 7);
    BOOST_TEST(week["week"][4]["transfer"]["kind"] == "day-off");      // Friday 27th
    BOOST_TEST(week["week"][5]["transfer"]["kind"] == "working-day");  // Saturday 28th
    auto bad = run("hours --spec \"Mo-Fx 08:00-17:00\"");
    BOOST_TEST(bad.code == 2);
    BOOST_TEST(bad.output.find("^") != std::string::npos, "the column is shown");
    BOOST_TEST(run("hours --spec \"Mo-Fr 08:00-17:00\" --at yesterday").code == 2);
}

BOOST_AUTO_TEST_CASE(issue16_search_finds_the_fixture_services) {
    std::string snap = " --snapshot " + catalogue().snapshot.string();
    auto r = run("search --json" + snap + " pensija", false);
    BOOST_REQUIRE(r.code == 0);
    // The first service found is the one the query names (a life situation may come first).
    auto first_service = [](const json& hits) {
        for (auto& h : hits)
            if (h["kind"] == "service") return h["id"].get<std::string>();
        return std::string();
    };
    BOOST_TEST(first_service(json::parse(r.output)) == "vsaa-vecuma-pensija");
    auto en = run("search --json --lang en" + snap + " sickness", false);
    BOOST_REQUIRE(en.code == 0);
    BOOST_TEST(first_service(json::parse(en.output)) == "vsaa-slimibas-pabalsts");
    BOOST_TEST(run("search" + snap + " zzzqqqxxx").code == 1);
    BOOST_TEST(run("search --limit 0" + snap + " pensija").code == 2);
    BOOST_TEST(run("search --snapshot /no/such.sqlite pensija").code != 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sha256)

// The build's manifest and the server's ETags and tokens use libcrypto's SHA-256.
BOOST_AUTO_TEST_CASE(matches_the_fips_test_vectors) {
    BOOST_TEST(digest::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(digest::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(digest::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    digest::Sha256 h;  // a million 'a's, fed in uneven pieces
    std::string chunk(997, 'a');
    size_t left = 1000000;
    while (left) {
        size_t n = std::min(left, chunk.size());
        h.update(chunk.data(), n);
        left -= n;
    }
    BOOST_TEST(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_SUITE_END()
